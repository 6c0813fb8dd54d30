namespace NetGen.Tests.Kernels;

[Network(Inputs = 300, Loss = Loss.SoftmaxCrossEntropy)]
[Dense(256, Activation.ReLU, Init = Init.HeNormal)]
[Dense(130, Activation.Tanh)]
[Dense(10)]
public partial class ThreadedMlp;

public class KernelThreadingTests
{
    [Fact]
    public void Training_gives_bit_identical_weights_with_one_thread_and_with_several()
    {
        // 64 x 300 x 256 multiply-adds: above KernelThreading.MinimumWork, so the products are split when threads are allowed.
        Assert.True(64L * 300 * 256 >= KernelThreading.MinimumWork);
        int original = KernelThreading.ThreadCount;
        try
        {
            KernelThreading.ThreadCount = 1;
            float[] single = Train();
            KernelThreading.ThreadCount = 3; // more parts than cores: still whole tiles, still the same sums
            float[] threaded = Train();
            Assert.Equal(single, threaded);
        }
        finally
        {
            KernelThreading.ThreadCount = original;
        }
    }

    [Fact]
    public void Thread_count_must_be_positive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => KernelThreading.ThreadCount = 0);
    }

    private static float[] Train()
    {
        var network = new ThreadedMlp(maxBatchSize: 64, seed: 2);
        var random = new SeededRandom(3);
        float[] inputs = Enumerable.Range(0, 64 * 300).Select(_ => (float)random.NextGaussian()).ToArray();
        float[] targets = new float[64 * 10];
        for (int s = 0; s < 64; s++)
        {
            targets[s * 10 + random.NextInt32(10)] = 1;
        }
        var optimizer = new Sgd<float>(0.05, momentum: 0.9);
        for (int step = 0; step < 5; step++)
        {
            network.TrainStep(inputs, targets, 64, optimizer);
        }
        return network.Parameters.ToArray();
    }
}

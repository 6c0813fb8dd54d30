using NetGen.CompilerServices;

namespace NetGen.Tests.Kernels;

[Network(Inputs = 300, Loss = Loss.SoftmaxCrossEntropy)]
[Dense(256, Activation.ReLU, Init = Init.HeNormal)]
[Dense(130, Activation.Tanh)]
[Dense(10)]
public partial class ThreadedMlp;

/// <summary>Alone, not beside other tests: they change the process-wide thread count, which other tests' bit-exact comparisons depend on.</summary>
[Collection(nameof(IsolatedTests))]
public class KernelThreadingTests
{
    [Fact]
    public void Training_with_a_given_thread_count_is_bit_identical_from_run_to_run()
    {
        // 64 x 300 x 256 multiply-adds: above KernelThreading.MinimumWork, so the products are split when threads are allowed.
        Assert.True(64L * 300 * 256 >= KernelThreading.MinimumWork);
        float[] first = ThreadCounts.With(3, Train);  // more parts than cores: still whole tiles
        float[] second = ThreadCounts.With(3, Train);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Callers_that_find_the_workers_busy_get_the_same_results_as_a_caller_alone()
    {
        // Two networks trained at once: one of them finds the kernel threads taken for most products and computes its
        // parts alone; its input gradients must still be summed part by part as the threads would.
        float[] alone = ThreadCounts.With(2, () => Train(steps: 20, start: null));
        float[][] together = ThreadCounts.With(2, () =>
        {
            using var start = new Barrier(2);
            var threads = new float[2][];
            Parallel.For(0, 2, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i => threads[i] = Train(steps: 20, start));
            return threads;
        });
        Assert.Equal(alone, together[0]);
        Assert.Equal(alone, together[1]);
    }

    [Fact]
    public void Pauses_that_let_the_workers_block_do_not_change_the_results()
    {
        // After a pause longer than the workers spin, a product finds them blocked and computes alone (waking them when
        // products come in a burst): an input gradient must still be summed part by part as the threads would.
        var random = new SeededRandom(5);
        float[] Random(int length) => Enumerable.Range(0, length).Select(_ => (float)random.NextGaussian()).ToArray();
        float[] dz = Random(64 * 256), w = Random(256 * 300);
        float[] InputGradient(bool pause)
        {
            float[] dx = new float[64 * 300];
            for (int i = 0; i < 50; i++)
            {
                Array.Clear(dx);
                DenseKernels.AccumulateInputGradients<float>(dz, w, dx, 64, 300, 256); // a burst: by its end the workers are awake
            }
            if (pause)
            {
                Thread.Sleep(5);
                Array.Clear(dx);
                DenseKernels.AccumulateInputGradients<float>(dz, w, dx, 64, 300, 256);
            }
            return dx;
        }
        Assert.Equal(ThreadCounts.With(2, () => InputGradient(pause: false)), ThreadCounts.With(2, () => InputGradient(pause: true)));
        Assert.Equal(ThreadCounts.With(2, () => Train(steps: 8, start: null)), ThreadCounts.With(2, () => Train(steps: 8, start: null, pause: TimeSpan.FromMilliseconds(3))));
    }

    [Fact]
    public void Training_on_several_threads_agrees_with_one_thread_within_rounding()
    {
        float[] single = ThreadCounts.With(1, Train);
        float[] threaded = ThreadCounts.With(3, Train);
        // Only the input gradients' sums are split (the units' partial sums added per thread): the difference is rounding.
        double largest = single.Max(Math.Abs);
        double worst = single.Zip(threaded, (a, b) => Math.Abs(a - b)).Max();
        Assert.True(worst <= 1e-5 * largest, $"largest difference {worst:E2}, largest parameter {largest:E2}");
        Assert.NotEqual(ThreadCounts.With(1, () => new ThreadedMlp(64, seed: 2).Parameters.ToArray()), single); // training moved them
    }

    [Fact]
    public void Forward_and_parameter_gradients_are_bit_identical_whatever_the_thread_count()
    {
        var random = new SeededRandom(9);
        float[] Random(int length) => Enumerable.Range(0, length).Select(_ => (float)random.NextGaussian()).ToArray();
        float[] x = Random(64 * 300), w = Random(256 * 300), b = Random(256), dz = Random(64 * 256);
        (float[] Z, float[] G, float[] Gb) Compute()
        {
            float[] z = new float[64 * 256], g = new float[256 * 300], gb = new float[256];
            DenseKernels.Forward<float>(x, w, b, z, 64, 300, 256);
            DenseKernels.ParameterGradients<float>(dz, x, g, gb, 64, 300, 256, accumulate: false);
            return (z, g, gb);
        }
        var single = ThreadCounts.With(1, Compute);
        var threaded = ThreadCounts.With(3, Compute);
        Assert.Equal(single.Z, threaded.Z);
        Assert.Equal(single.G, threaded.G);
        Assert.Equal(single.Gb, threaded.Gb);
    }

    [Fact]
    public void Thread_count_must_be_positive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => KernelThreading.ThreadCount = 0);
    }

    private static float[] Train() => Train(steps: 5, start: null);

    /// <summary>
    /// Trains a fresh ThreadedMlp; with <paramref name="start"/>, waits there first, so that two trainings overlap; with
    /// <paramref name="pause"/>, sleeps that long before every step, longer than the kernel workers spin.
    /// </summary>
    private static float[] Train(int steps, Barrier? start, TimeSpan? pause = null)
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
        start?.SignalAndWait();
        for (int step = 0; step < steps; step++)
        {
            if (pause is { } sleep)
            {
                Thread.Sleep(sleep);
            }
            network.TrainStep(inputs, targets, 64, optimizer);
        }
        return network.Parameters.ToArray();
    }
}

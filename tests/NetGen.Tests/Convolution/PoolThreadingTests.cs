using NetGen.CompilerServices;

namespace NetGen.Tests.Convolution;

/// <summary>
/// On several threads max pooling's forward pass splits the batch's planes: each plane's outputs and indices are computed
/// whole on one thread, bit-identical to one thread's. Alone, not beside other tests: they change the process-wide thread count.
/// </summary>
[Collection(nameof(IsolatedTests))]
public class PoolThreadingTests
{
    // 17 samples × 16 planes of 64×64: 1.1 M input values, counted as 8.9 M multiply-adds: split even when the workers have to be woken.
    private static readonly Pool2DGeometry Geometry = new(channels: 16, inputHeight: 64, inputWidth: 64, poolHeight: 2, poolWidth: 2, strideHeight: 2, strideWidth: 2);
    private const int Batch = 17;

    [Fact]
    public void Splitting_the_planes_changes_no_output_nor_index()
    {
        (float[] output, int[] argmax) single = WithThreads(1, Run), threaded = WithThreads(2, Run);
        Assert.True(single.output.AsSpan().SequenceEqual(threaded.output), "The outputs differ between one and two threads.");
        Assert.True(single.argmax.AsSpan().SequenceEqual(threaded.argmax), "The indices differ between one and two threads.");
        Assert.Contains(single.output, v => v != 0); // the comparisons compared something
    }

    private static (float[] Output, int[] Argmax) Run()
    {
        float[] input = Enumerable.Range(0, Batch * Geometry.InputSize).Select(j => MathF.Sin(0.37f * j + 0.1f)).ToArray();
        float[] output = new float[Batch * Geometry.OutputSize];
        int[] argmax = new int[output.Length];
        Pool2DKernels.MaxForward<float>(input, output, argmax, Geometry, Batch);
        return (output, argmax);
    }

    private static TResult WithThreads<TResult>(int threads, Func<TResult> action)
    {
        int original = KernelThreading.ThreadCount;
        try
        {
            KernelThreading.ThreadCount = threads;
            return action();
        }
        finally
        {
            KernelThreading.ThreadCount = original;
        }
    }
}

using NetGen.CompilerServices;
using NetGen.Tests.Kernels;

namespace NetGen.Tests.Convolution;

/// <summary>
/// On several threads max pooling splits the batch's planes: each plane's outputs, indices and input gradients are computed
/// whole on one thread, bit-identical to one thread's. Alone, not beside other tests: they change the process-wide thread count.
/// </summary>
[Collection(nameof(IsolatedTests))]
public class PoolThreadingTests
{
    // 17 samples × 16 planes of 64×64: 1.1 M input values, counted as 8.9 M multiply-adds: split even when the workers have to be woken.
    private static readonly Pool2DGeometry Geometry = new(channels: 16, inputHeight: 64, inputWidth: 64, poolHeight: 2, poolWidth: 2, strideHeight: 2, strideWidth: 2);
    private const int Batch = 17;

    [Fact]
    public void Splitting_the_planes_changes_no_output_index_nor_gradient()
    {
        (float[] output, int[] argmax, float[] inputGradients) single = ThreadCounts.With(1, Run), threaded = ThreadCounts.With(2, Run);
        Assert.True(single.output.AsSpan().SequenceEqual(threaded.output), "The outputs differ between one and two threads.");
        Assert.True(single.argmax.AsSpan().SequenceEqual(threaded.argmax), "The indices differ between one and two threads.");
        Assert.True(single.inputGradients.AsSpan().SequenceEqual(threaded.inputGradients), "The input gradients differ between one and two threads.");
        Assert.Contains(single.output, v => v != 0); // the comparisons compared something
        Assert.Contains(single.inputGradients, v => v != 0);
    }

    [Fact]
    public void An_index_outside_its_plane_found_on_a_worker_is_reported_by_the_caller()
    {
        (float[] output, int[] argmax, _) = ThreadCounts.With(1, Run);
        int last = argmax.Length - 3; // in the last plane: the caller's range
        int first = 5; // in the first plane: a worker's range when split
        argmax[first] = -1;
        argmax[last] = -1;
        var exception = ThreadCounts.With(2, () => Assert.Throws<ArgumentException>(
            () => Pool2DKernels.MaxBackward<float>(output, argmax, new float[Batch * Geometry.InputSize], Geometry, Batch)));
        Assert.Equal("argmax", exception.ParamName);
        Assert.Matches(@"argmax\[(" + first + "|" + last + @")\] is -1", exception.Message);
    }

    private static (float[] Output, int[] Argmax, float[] InputGradients) Run()
    {
        float[] input = Enumerable.Range(0, Batch * Geometry.InputSize).Select(j => MathF.Sin(0.37f * j + 0.1f)).ToArray();
        float[] output = new float[Batch * Geometry.OutputSize];
        int[] argmax = new int[output.Length];
        Pool2DKernels.MaxForward<float>(input, output, argmax, Geometry, Batch);
        float[] outputGradients = Enumerable.Range(0, output.Length).Select(j => MathF.Cos(1.3f * j)).ToArray();
        float[] inputGradients = new float[input.Length];
        Pool2DKernels.MaxBackward<float>(outputGradients, argmax, inputGradients, Geometry, Batch);
        return (output, argmax, inputGradients);
    }
}

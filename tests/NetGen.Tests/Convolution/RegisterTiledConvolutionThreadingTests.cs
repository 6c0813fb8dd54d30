using NetGen.CompilerServices;
using NetGen.Tests.Kernels;

namespace NetGen.Tests.Convolution;

/// <summary>
/// The tiled forward pass (<see cref="RegisterTiledConvolution"/>) computes each sample whole on one thread, in the same
/// order whatever the thread count: its output on two threads is bit-identical to one thread's, for a batch split evenly
/// and unevenly, and with a single slot (a batch of one, or a one-slot workspace), where the threads split each sample's
/// filters. Alone: they change the process-wide thread count.
/// </summary>
[Collection(nameof(IsolatedTests))]
public class RegisterTiledConvolutionThreadingTests
{
    // 20 filters × 144 weights × 480 positions = 1.4 M multiply-adds a sample: split even when the workers have to be woken.
    private static readonly Conv2DGeometry Geometry = new(16, 15, 32, 20, 3, 3, 1, 1, 1, 1, 1, 1);

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4)]
    public void Two_threads_give_one_thread_s_output_bit_for_bit(int batch)
    {
        Assert.True(RegisterTiledConvolutionTests.Applies<float>(Geometry));
        Assert.True((long)batch * Geometry.WeightCount * Geometry.OutputHeight * Geometry.OutputWidth >= KernelThreading.MinimumWork);
        int workspace = Conv2DKernels.WorkspaceLength(Geometry, batch);
        float[] single = ThreadCounts.With(1, () => Forward(batch, workspace));
        float[] threaded = ThreadCounts.With(2, () => Forward(batch, workspace));
        float[] oneSlot = ThreadCounts.With(2, () => Forward(batch, Conv2DKernels.WorkspaceLength(Geometry, 1)));
        Assert.True(single.AsSpan().SequenceEqual(threaded), "The output differs between one and two threads.");
        Assert.True(single.AsSpan().SequenceEqual(oneSlot), "The output differs between one thread and one slot on two threads.");
        Assert.Contains(single, v => v != 0);
    }

    private static float[] Forward(int batch, int workspaceLength)
    {
        Conv2DGeometry g = Geometry;
        float[] input = Enumerable.Range(0, batch * g.InputSize).Select(j => MathF.Sin(0.37f * j + 0.1f)).ToArray();
        float[] weights = Enumerable.Range(0, g.WeightCount).Select(k => 0.1f * MathF.Sin(k + 1)).ToArray();
        float[] biases = Enumerable.Range(0, g.OutputChannels).Select(k => 0.1f * MathF.Cos(k)).ToArray();
        var output = new float[batch * g.OutputSize];
        Conv2DKernels.Forward<float>(input, weights, biases, output, new float[workspaceLength], g, batch);
        return output;
    }
}

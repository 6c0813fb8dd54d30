using NetGen.CompilerServices;

namespace NetGen.Tests.Convolution;

/// <summary>The pooling kernels allocate nothing once warm, for a generated network's training step to allocate nothing.</summary>
public class PoolKernelAllocationTests
{
    [Theory]
    [InlineData(nameof(PoolCases.Strided))]
    [InlineData(nameof(PoolCases.Wide))]
    public void Max_and_average_pooling_forward_and_backward_allocate_nothing(string name)
    {
        Pool2DGeometry g = PoolCases.Named(name);
        double[] x = PoolCases.Input(g, PoolCases.Batch), output = new double[PoolCases.Batch * g.OutputSize], dx = new double[x.Length];
        double[] dy = PoolCases.LossWeights(output.Length);
        int[] argmax = new int[output.Length];
        AssertAllocatesNothing(() =>
        {
            Pool2DKernels.MaxForward<double>(x, output, argmax, g, PoolCases.Batch);
            Pool2DKernels.MaxBackward<double>(dy, argmax, dx, g, PoolCases.Batch);
            Pool2DKernels.AverageForward<double>(x, output, g, PoolCases.Batch);
            Pool2DKernels.AverageBackward<double>(dy, dx, g, PoolCases.Batch);
        });
    }

    [Fact]
    public void Global_average_pooling_forward_and_backward_allocate_nothing()
    {
        const int channels = 2, pixels = 63;
        float[] x = new float[PoolCases.Batch * channels * pixels], output = new float[PoolCases.Batch * channels], dx = new float[x.Length];
        AssertAllocatesNothing(() =>
        {
            Pool2DKernels.GlobalAverageForward<float>(x, output, channels, pixels, PoolCases.Batch);
            Pool2DKernels.GlobalAverageBackward<float>(output, dx, channels, pixels, PoolCases.Batch);
        });
    }

    internal static void AssertAllocatesNothing(Action step)
    {
        long allocated = SteadyStateAllocations.Of(step);
        Assert.True(allocated == 0, $"A forward and backward pass allocated {allocated} bytes; it must allocate none.");
    }
}

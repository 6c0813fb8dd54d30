using NetGen.CompilerServices;

namespace NetGen.Tests.Convolution;

/// <summary>
/// Each pooling backward against central finite differences of its forward, in double, for the loss
/// <c>Σ output·cos(1.3·j)</c> on <see cref="PoolCases"/>' inputs (no ties: the max pool's choices do not change within a
/// step). Each backward starts from gradients already holding values, which it must add to.
/// </summary>
public class PoolGradientCheckTests
{
    private const double Step = 1e-5, Tolerance = 1e-8;

    [Theory]
    [InlineData(nameof(PoolCases.Strided))]
    [InlineData(nameof(PoolCases.Common))]
    [InlineData(nameof(PoolCases.Overlapping))]
    [InlineData(nameof(PoolCases.Wide))]
    public void Max_pool_backward_matches_finite_differences(string name)
    {
        Pool2DGeometry g = PoolCases.Named(name);
        int[] argmax = new int[PoolCases.Batch * g.OutputSize];
        double[] output = new double[argmax.Length];
        AssertMatchesFiniteDifferences(PoolCases.Input(g, PoolCases.Batch), output.Length,
            x =>
            {
                Pool2DKernels.MaxForward<double>(x, output, argmax, g, PoolCases.Batch);
                return output;
            },
            (x, dy, dx) =>
            {
                Pool2DKernels.MaxForward<double>(x, output, argmax, g, PoolCases.Batch);
                Pool2DKernels.MaxBackward<double>(dy, argmax, dx, g, PoolCases.Batch);
            });
    }

    [Theory]
    [InlineData(nameof(PoolCases.Strided))]
    [InlineData(nameof(PoolCases.Common))]
    [InlineData(nameof(PoolCases.Overlapping))]
    [InlineData(nameof(PoolCases.Wide))]
    public void Average_pool_backward_matches_finite_differences(string name)
    {
        Pool2DGeometry g = PoolCases.Named(name);
        double[] output = new double[PoolCases.Batch * g.OutputSize];
        AssertMatchesFiniteDifferences(PoolCases.Input(g, PoolCases.Batch), output.Length,
            x =>
            {
                Pool2DKernels.AverageForward<double>(x, output, g, PoolCases.Batch);
                return output;
            },
            (_, dy, dx) => Pool2DKernels.AverageBackward<double>(dy, dx, g, PoolCases.Batch));
    }

    [Fact]
    public void Global_average_pool_backward_matches_finite_differences()
    {
        const int channels = 2, pixels = 5 * 7;
        double[] output = new double[PoolCases.Batch * channels];
        AssertMatchesFiniteDifferences(PoolCases.Fill(PoolCases.Batch * channels * pixels, j => Math.Sin(0.37 * j + 0.1)), output.Length,
            x =>
            {
                Pool2DKernels.GlobalAverageForward<double>(x, output, channels, pixels, PoolCases.Batch);
                return output;
            },
            (_, dy, dx) => Pool2DKernels.GlobalAverageBackward<double>(dy, dx, channels, pixels, PoolCases.Batch));
    }

    private static void AssertMatchesFiniteDifferences(
        double[] x, int outputs, Func<double[], double[]> forward, Action<double[], double[], double[]> backward)
    {
        double[] before = PoolCases.Fill(x.Length, j => 0.25 * Math.Sin(j)), dx = (double[])before.Clone();
        backward(x, PoolCases.LossWeights(outputs), dx);
        for (int j = 0; j < x.Length; j++)
        {
            double saved = x[j];
            x[j] = saved + Step;
            double plus = PoolCases.Loss(forward(x));
            x[j] = saved - Step;
            double minus = PoolCases.Loss(forward(x));
            x[j] = saved;
            double numeric = (plus - minus) / (2 * Step), analytic = dx[j] - before[j];
            Assert.True(Math.Abs(analytic - numeric) <= Tolerance * (1 + Math.Abs(numeric)),
                $"∂loss/∂x[{j}]: backward added {analytic:R}, finite differences give {numeric:R}.");
        }
    }
}

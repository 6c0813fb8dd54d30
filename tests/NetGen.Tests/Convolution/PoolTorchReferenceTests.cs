using NetGen.CompilerServices;

namespace NetGen.Tests.Convolution;

/// <summary>
/// The pooling kernels against libtorch's <c>max_pool2d</c> (with its indices), <c>avg_pool2d</c> and
/// <c>adaptive_avg_pool2d(1)</c> on the same inputs and loss, to 1e-10 relative in double; the indices, ties and NaNs
/// included, must be libtorch's exactly.
/// </summary>
/// <remarks>
/// The numbers in <see cref="PoolTorchReference"/> were printed (with the "R" format) by a throwaway console program outside
/// the repository, run once with TorchSharp-cpu 0.107.0 (libtorch 2.10.0, CPU) on Linux x64, in float64. For each case of
/// <see cref="PoolCases"/> it made the input x (requiring gradients), ran
/// <c>(output, indices) = F.max_pool2d_with_indices(x, kernel, strides)</c> (no padding, no dilation, floor mode),
/// <c>F.avg_pool2d(x, kernel, strides)</c> (the sin-filled cases, wide included) or <c>F.adaptive_avg_pool2d(x, 1)</c> (the
/// <c>[3, 2, 7, 9]</c> input; it also checked that this equals <c>x.mean([2, 3])</c>: largest difference 0), called
/// <c>backward()</c> on <c>Σ output.reshape(-1)·cos(1.3·j)</c>, and printed the output, the indices and <c>x.grad</c>.
/// The tie cases show libtorch's rule: among equal values the first in row-major order, and a NaN replaces anything
/// before it, another NaN included (window {7, 8, 13, 14} of the stride-1 case answers 13). The tests do not depend on
/// TorchSharp.
/// </remarks>
public class PoolTorchReferenceTests
{
    private const double Tolerance = 1e-10;

    [Fact]
    public void Max_pool_with_a_window_other_than_its_stride_matches_libtorch() =>
        AssertMax(PoolCases.Strided, PoolCases.Batch, PoolCases.Input(PoolCases.Strided, PoolCases.Batch),
            PoolTorchReference.MaxStrided.Output, PoolTorchReference.MaxStrided.Argmax, PoolTorchReference.MaxStrided.GradientInput);

    [Fact]
    public void Max_pool_two_by_two_stride_two_matches_libtorch() =>
        AssertMax(PoolCases.Common, PoolCases.Batch, PoolCases.Input(PoolCases.Common, PoolCases.Batch),
            PoolTorchReference.MaxCommon.Output, PoolTorchReference.MaxCommon.Argmax, PoolTorchReference.MaxCommon.GradientInput);

    [Fact]
    public void Max_pool_with_overlapping_windows_matches_libtorch() =>
        AssertMax(PoolCases.Overlapping, PoolCases.Batch, PoolCases.Input(PoolCases.Overlapping, PoolCases.Batch),
            PoolTorchReference.MaxOverlapping.Output, PoolTorchReference.MaxOverlapping.Argmax, PoolTorchReference.MaxOverlapping.GradientInput);

    [Fact]
    public void Max_pool_picks_libtorchs_index_among_ties_and_NaNs() =>
        AssertMax(PoolCases.TiesOverlapping, PoolCases.TieBatch, PoolCases.TieInput(),
            PoolTorchReference.MaxTiesOverlapping.Output, PoolTorchReference.MaxTiesOverlapping.Argmax, PoolTorchReference.MaxTiesOverlapping.GradientInput);

    [Fact]
    public void Max_pool_two_by_two_stride_two_picks_libtorchs_index_among_ties_and_NaNs() =>
        AssertMax(PoolCases.TiesCommon, PoolCases.TieBatch, PoolCases.TieInput(),
            PoolTorchReference.MaxTiesCommon.Output, PoolTorchReference.MaxTiesCommon.Argmax, PoolTorchReference.MaxTiesCommon.GradientInput);

    [Fact]
    public void Max_pool_two_by_two_stride_two_over_wide_rows_matches_libtorch() =>
        AssertMax(PoolCases.Wide, PoolCases.Batch, PoolCases.Input(PoolCases.Wide, PoolCases.Batch),
            PoolTorchReference.MaxWide.Output, PoolTorchReference.MaxWide.Argmax, PoolTorchReference.MaxWide.GradientInput);

    [Fact]
    public void Max_pool_two_by_two_stride_two_over_wide_rows_picks_libtorchs_index_among_ties_and_NaNs() =>
        AssertMax(PoolCases.TiesWide, PoolCases.TieBatch, PoolCases.TieWideInput(),
            PoolTorchReference.MaxTiesWide.Output, PoolTorchReference.MaxTiesWide.Argmax, PoolTorchReference.MaxTiesWide.GradientInput);

    [Fact]
    public void Average_pool_two_by_two_stride_two_over_wide_rows_matches_libtorch() =>
        AssertAverage(PoolCases.Wide, PoolTorchReference.AverageWide.Output, PoolTorchReference.AverageWide.GradientInput);

    [Fact]
    public void Average_pool_with_a_window_other_than_its_stride_matches_libtorch() =>
        AssertAverage(PoolCases.Strided, PoolTorchReference.AverageStrided.Output, PoolTorchReference.AverageStrided.GradientInput);

    [Fact]
    public void Average_pool_two_by_two_stride_two_matches_libtorch() =>
        AssertAverage(PoolCases.Common, PoolTorchReference.AverageCommon.Output, PoolTorchReference.AverageCommon.GradientInput);

    [Fact]
    public void Average_pool_with_overlapping_windows_matches_libtorch() =>
        AssertAverage(PoolCases.Overlapping, PoolTorchReference.AverageOverlapping.Output, PoolTorchReference.AverageOverlapping.GradientInput);

    [Fact]
    public void Global_average_pool_matches_libtorch()
    {
        Pool2DGeometry g = PoolCases.Strided; // only its [3, 2, 7, 9] input
        int pixels = g.InputHeight * g.InputWidth, outputs = PoolCases.Batch * g.Channels;
        double[] x = PoolCases.Input(g, PoolCases.Batch), output = new double[outputs], dx = new double[x.Length];
        Pool2DKernels.GlobalAverageForward<double>(x, output, g.Channels, pixels, PoolCases.Batch);
        PoolCases.AssertClose(PoolTorchReference.GlobalAverage.Output, output, Tolerance, "output");
        Pool2DKernels.GlobalAverageBackward<double>(PoolCases.LossWeights(outputs), dx, g.Channels, pixels, PoolCases.Batch);
        PoolCases.AssertClose(PoolTorchReference.GlobalAverage.GradientInput, dx, Tolerance, "input gradient");
    }

    [Fact]
    public void Single_precision_picks_libtorchs_index_among_ties_and_NaNs()
    {
        Pool2DGeometry g = PoolCases.TiesWide;
        float[] x = Array.ConvertAll(PoolCases.TieWideInput(), v => (float)v), output = new float[PoolCases.TieBatch * g.OutputSize];
        int[] argmax = new int[output.Length];
        Pool2DKernels.MaxForward<float>(x, output, argmax, g, PoolCases.TieBatch);
        Assert.Equal(PoolTorchReference.MaxTiesWide.Argmax, argmax);
        AssertCloseSingle(PoolTorchReference.MaxTiesWide.Output, output, "max output");
    }

    [Fact]
    public void Single_precision_matches_libtorch_to_single_precision()
    {
        Pool2DGeometry g = PoolCases.Wide;
        int outputs = PoolCases.Batch * g.OutputSize;
        float[] x = Array.ConvertAll(PoolCases.Input(g, PoolCases.Batch), v => (float)v), output = new float[outputs], dx = new float[x.Length];
        float[] dy = Array.ConvertAll(PoolCases.LossWeights(outputs), v => (float)v);
        Pool2DKernels.AverageForward<float>(x, output, g, PoolCases.Batch);
        Pool2DKernels.AverageBackward<float>(dy, dx, g, PoolCases.Batch);
        AssertCloseSingle(PoolTorchReference.AverageWide.Output, output, "average output");
        AssertCloseSingle(PoolTorchReference.AverageWide.GradientInput, dx, "average input gradient");
        int[] argmax = new int[outputs];
        Array.Clear(dx);
        Pool2DKernels.MaxForward<float>(x, output, argmax, g, PoolCases.Batch);
        Pool2DKernels.MaxBackward<float>(dy, argmax, dx, g, PoolCases.Batch);
        AssertCloseSingle(PoolTorchReference.MaxWide.Output, output, "max output");
        Assert.Equal(PoolTorchReference.MaxWide.Argmax, argmax);
        AssertCloseSingle(PoolTorchReference.MaxWide.GradientInput, dx, "max input gradient");
        g = PoolCases.Strided; // the global average's [3, 2, 7, 9] input
        x = Array.ConvertAll(PoolCases.Input(g, PoolCases.Batch), v => (float)v);
        dx = new float[x.Length];
        int pixels = g.InputHeight * g.InputWidth;
        float[] means = new float[PoolCases.Batch * g.Channels];
        Pool2DKernels.GlobalAverageForward<float>(x, means, g.Channels, pixels, PoolCases.Batch);
        Pool2DKernels.GlobalAverageBackward<float>(Array.ConvertAll(PoolCases.LossWeights(means.Length), v => (float)v), dx, g.Channels, pixels, PoolCases.Batch);
        AssertCloseSingle(PoolTorchReference.GlobalAverage.Output, means, "global average output");
        AssertCloseSingle(PoolTorchReference.GlobalAverage.GradientInput, dx, "global average input gradient");
    }

    private static void AssertMax(in Pool2DGeometry g, int batch, double[] x, double[] expectedOutput, int[] expectedArgmax, double[] expectedGradient)
    {
        double[] output = new double[batch * g.OutputSize], dx = new double[x.Length];
        int[] argmax = new int[output.Length];
        Pool2DKernels.MaxForward<double>(x, output, argmax, g, batch);
        PoolCases.AssertClose(expectedOutput, output, Tolerance, "output");
        Assert.Equal(expectedArgmax, argmax);
        Pool2DKernels.MaxBackward<double>(PoolCases.LossWeights(output.Length), argmax, dx, g, batch);
        PoolCases.AssertClose(expectedGradient, dx, Tolerance, "input gradient");
    }

    private static void AssertAverage(in Pool2DGeometry g, double[] expectedOutput, double[] expectedGradient)
    {
        double[] x = PoolCases.Input(g, PoolCases.Batch), output = new double[PoolCases.Batch * g.OutputSize], dx = new double[x.Length];
        Pool2DKernels.AverageForward<double>(x, output, g, PoolCases.Batch);
        PoolCases.AssertClose(expectedOutput, output, Tolerance, "output");
        Pool2DKernels.AverageBackward<double>(PoolCases.LossWeights(output.Length), dx, g, PoolCases.Batch);
        PoolCases.AssertClose(expectedGradient, dx, Tolerance, "input gradient");
    }

    private static void AssertCloseSingle(double[] expected, float[] actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int k = 0; k < expected.Length; k++)
        {
            bool close = double.IsNaN(expected[k]) ? float.IsNaN(actual[k]) : Math.Abs(actual[k] - expected[k]) <= 1e-6 * Math.Max(1, Math.Abs(expected[k]));
            Assert.True(close,
                $"{what}[{k}]: libtorch {expected[k]:R}, the kernels {actual[k]:R} in single precision.");
        }
    }
}

using NetGen.CompilerServices;

namespace NetGen.Tests.Convolution;

/// <summary>
/// The pooling cases the tests share with the libtorch program that printed <see cref="PoolTorchReference"/>: NCHW images
/// <c>[3, 2, 7, 9]</c> (odd, non-square) of <c>sin(0.37·j + 0.1)</c>, j the flat index, pooled with a 3×2 window at strides
/// 2×3 (stride ≠ window), the common 2×2 at stride 2 (whose fast path leaves out the last row and column here) and an
/// overlapping 3×3 at strides 1×2; and ties: <c>[2, 1, 5, 6]</c> images of <c>round(2·sin(j))</c> with NaN at j = 7, 8
/// and 13, pooled 2×2 at stride 1 and 2. Two wide cases take the 2×2 stride-2 kernel's vector path (8 floats or 4 doubles
/// at a time) and its scalar end: <c>[3, 2, 5, 39]</c> images of <c>sin(0.37·j + 0.1)</c>, and <c>[2, 1, 4, 39]</c> images of
/// <c>round(2·sin(j))</c> with NaN at j = 1, 40, 41 and 62. The loss is <c>Σ output·cos(1.3·j)</c>.
/// </summary>
internal static class PoolCases
{
    public const int Batch = 3, TieBatch = 2;

    public static Pool2DGeometry Strided { get; } = new(channels: 2, inputHeight: 7, inputWidth: 9, poolHeight: 3, poolWidth: 2, strideHeight: 2, strideWidth: 3);
    public static Pool2DGeometry Common { get; } = new(channels: 2, inputHeight: 7, inputWidth: 9, poolHeight: 2, poolWidth: 2, strideHeight: 2, strideWidth: 2);
    public static Pool2DGeometry Overlapping { get; } = new(channels: 2, inputHeight: 7, inputWidth: 9, poolHeight: 3, poolWidth: 3, strideHeight: 1, strideWidth: 2);
    public static Pool2DGeometry TiesOverlapping { get; } = new(channels: 1, inputHeight: 5, inputWidth: 6, poolHeight: 2, poolWidth: 2, strideHeight: 1, strideWidth: 1);
    public static Pool2DGeometry TiesCommon { get; } = new(channels: 1, inputHeight: 5, inputWidth: 6, poolHeight: 2, poolWidth: 2, strideHeight: 2, strideWidth: 2);

    public static Pool2DGeometry Wide { get; } = new(channels: 2, inputHeight: 5, inputWidth: 39, poolHeight: 2, poolWidth: 2, strideHeight: 2, strideWidth: 2);
    public static Pool2DGeometry TiesWide { get; } = new(channels: 1, inputHeight: 4, inputWidth: 39, poolHeight: 2, poolWidth: 2, strideHeight: 2, strideWidth: 2);

    public static Pool2DGeometry Named(string name) => name switch
    {
        nameof(Strided) => Strided,
        nameof(Common) => Common,
        nameof(Overlapping) => Overlapping,
        nameof(Wide) => Wide,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such case"),
    };

    public static double[] Input(in Pool2DGeometry geometry, int batch) => Fill(batch * geometry.InputSize, j => Math.Sin(0.37 * j + 0.1));

    public static double[] TieInput()
    {
        double[] x = Fill(TieBatch * TiesCommon.InputSize, j => Math.Round(2 * Math.Sin(j)));
        x[7] = x[8] = x[13] = double.NaN;
        return x;
    }

    public static double[] TieWideInput()
    {
        double[] x = Fill(TieBatch * TiesWide.InputSize, j => Math.Round(2 * Math.Sin(j)));
        x[1] = x[40] = x[41] = x[62] = double.NaN;
        return x;
    }

    /// <summary>∂loss/∂output for the loss <c>Σ output·cos(1.3·j)</c>.</summary>
    public static double[] LossWeights(int length) => Fill(length, j => Math.Cos(1.3 * j));

    public static double Loss(ReadOnlySpan<double> output)
    {
        double loss = 0;
        for (int j = 0; j < output.Length; j++)
        {
            loss += output[j] * Math.Cos(1.3 * j);
        }
        return loss;
    }

    public static double[] Fill(int length, Func<int, double> value)
    {
        var values = new double[length];
        for (int j = 0; j < length; j++)
        {
            values[j] = value(j);
        }
        return values;
    }

    /// <summary>Fails unless <paramref name="actual"/> is within <paramref name="tolerance"/> relative of <paramref name="expected"/> (NaN where NaN).</summary>
    public static void AssertClose(ReadOnlySpan<double> expected, ReadOnlySpan<double> actual, double tolerance, string what)
    {
        Assert.True(expected.Length == actual.Length, $"{what}: {expected.Length} values expected, {actual.Length} computed.");
        for (int k = 0; k < expected.Length; k++)
        {
            bool close = double.IsNaN(expected[k]) ? double.IsNaN(actual[k]) : Math.Abs(actual[k] - expected[k]) <= tolerance * Math.Abs(expected[k]);
            Assert.True(close, $"{what}[{k}]: expected {expected[k]:R}, computed {actual[k]:R} (at most {tolerance} relative).");
        }
    }
}

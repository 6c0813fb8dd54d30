using System.Numerics;
using NetGen.CompilerServices;

namespace NetGen.Tests.Convolution;

/// <summary>
/// The forward pass of many input channels at stride 1 (<see cref="RegisterTiledConvolution"/>, taken by
/// <see cref="Conv2DKernels.Forward"/>) against the convolution's definition, one multiply-add at a time in double. The
/// shapes reach every edge of the tiles: filters not a multiple of a tile's (8 or 4), output rows whose last vector reaches
/// past the row (29 = 16 + 13, and 3 past 24 with 8 lanes), tiles of vectors past the last one (7 rows × 2 vectors), odd
/// heights, paddings 0, 1, 2 and uneven ones, 1×3, 3×3 and 5×5 kernels, batches of 1 and 3, with and without biases.
/// </summary>
public class RegisterTiledConvolutionTests
{
    public static TheoryData<int, int, int, int, int, int, int[], int> Shapes() => new()
    {
        // inputChannels, height, width, outputChannels, kernelHeight, kernelWidth, padding (top, left, bottom, right), batch
        { 9, 7, 29, 5, 3, 3, [1, 1, 1, 1], 3 },
        { 13, 5, 31, 11, 3, 3, [0, 0, 0, 0], 1 },
        { 16, 9, 27, 13, 5, 5, [2, 2, 2, 2], 3 },
        { 10, 6, 32, 8, 1, 3, [0, 1, 0, 1], 1 },
        { 12, 8, 16, 17, 3, 3, [2, 0, 1, 2], 3 },
        { 64, 4, 32, 64, 3, 3, [1, 1, 1, 1], 1 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Float_output_is_the_definition_s(int c, int h, int w, int o, int kh, int kw, int[] padding, int batch) =>
        Check<float>(new Conv2DGeometry(c, h, w, o, kh, kw, 1, 1, padding[0], padding[1], padding[2], padding[3]), batch, tolerance: 2e-6);

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Double_output_is_the_definition_s(int c, int h, int w, int o, int kh, int kw, int[] padding, int batch) =>
        Check<double>(new Conv2DGeometry(c, h, w, o, kh, kw, 1, 1, padding[0], padding[1], padding[2], padding[3]), batch, tolerance: 1e-14);

    [Fact]
    public void Without_biases_the_output_is_the_definition_s()
    {
        var g = new Conv2DGeometry(11, 5, 29, 6, 3, 3, 1, 1, 1, 1, 1, 1);
        Check<float>(g, 2, tolerance: 2e-6, biases: false);
        Check<double>(g, 2, tolerance: 1e-14, biases: false);
    }

    [Fact]
    public void Is_taken_neither_at_stride_2_nor_for_few_channels_nor_for_rows_mostly_past_the_last_vector()
    {
        Assert.False(Applies<float>(new Conv2DGeometry(16, 32, 32, 16, 3, 3, 2, 2, 1, 1, 1, 1)));
        Assert.False(Applies<float>(new Conv2DGeometry(8, 32, 32, 16, 3, 3, 1, 1, 1, 1, 1, 1)));
        Assert.False(Applies<float>(new Conv2DGeometry(16, 4, 3, 16, 3, 3, 1, 1, 1, 1, 1, 1)));
        Assert.True(Applies<float>(new Conv2DGeometry(64, 32, 32, 64, 3, 3, 1, 1, 1, 1, 1, 1)));
    }

    [Fact]
    public void Allocates_nothing_once_warm()
    {
        var g = new Conv2DGeometry(16, 8, 32, 12, 3, 3, 1, 1, 1, 1, 1, 1);
        const int batch = 3;
        Assert.True(Applies<float>(g));
        float[] input = new float[batch * g.InputSize], weights = new float[g.WeightCount], biases = new float[g.OutputChannels];
        float[] output = new float[batch * g.OutputSize], workspace = new float[Conv2DKernels.WorkspaceLength(g, batch)];
        input.AsSpan().Fill(0.5f);
        weights.AsSpan().Fill(0.25f);
        long allocated = SteadyStateAllocations.Of(() => Conv2DKernels.Forward<float>(input, weights, biases, output, workspace, g, batch));
        Assert.True(allocated == 0, $"The forward pass allocated {allocated} bytes; it must allocate none.");
        Assert.Contains(output, v => v != 0);
    }

    /// <summary>Whether <see cref="Conv2DKernels.Forward"/> takes the tiled pass: within one thread's slot of the workspace.</summary>
    internal static bool Applies<T>(in Conv2DGeometry g) where T : unmanaged, IFloatingPointIeee754<T> =>
        RegisterTiledConvolution.Applies<T>(g, Conv2DKernels.WorkspaceLength(g, 1));

    private static void Check<T>(Conv2DGeometry g, int batch, double tolerance, bool biases = true) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Assert.True(Applies<T>(g), "The shape does not take the tiled pass: the test would check another one.");
        T[] input = Values<T>(batch * g.InputSize, j => Math.Sin(0.37 * j + 0.1));
        T[] weights = Values<T>(g.WeightCount, k => 0.3 * Math.Sin(k + 1));
        T[] bias = biases ? Values<T>(g.OutputChannels, k => 0.5 * Math.Cos(k)) : [];
        var output = new T[batch * g.OutputSize];
        output.AsSpan().Fill(T.CreateTruncating(12345.0)); // every value must be written
        var workspace = new T[Conv2DKernels.WorkspaceLength(g, batch)];
        workspace.AsSpan().Fill(T.NaN); // what a backward pass left there: the padding must be cleared, not assumed zero
        Conv2DKernels.Forward<T>(input, weights, bias, output, workspace, g, batch);
        double[] expected = Definition(input, weights, bias, g, batch);
        double largest = expected.Max(Math.Abs);
        for (int n = 0; n < expected.Length; n++)
        {
            double difference = Math.Abs(double.CreateTruncating(output[n]) - expected[n]);
            Assert.True(difference <= tolerance * largest * Math.Sqrt(g.FilterSize),
                $"output[{n}] = {output[n]}, the definition gives {expected[n]:R} (largest value {largest:R})");
        }
    }

    private static T[] Values<T>(int length, Func<int, double> value) where T : unmanaged, IFloatingPointIeee754<T> =>
        Enumerable.Range(0, length).Select(j => T.CreateTruncating(value(j))).ToArray();

    /// <summary><c>y[s, o, y, x] = b[o] + Σ_{c,i,j} W[o, c, i, j]·x[s, c, y − padTop + i, x − padLeft + j]</c>, zero outside the image.</summary>
    private static double[] Definition<T>(T[] input, T[] weights, T[] biases, Conv2DGeometry g, int batch) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var output = new double[batch * g.OutputSize];
        for (int s = 0; s < batch; s++)
        for (int o = 0; o < g.OutputChannels; o++)
        for (int y = 0; y < g.OutputHeight; y++)
        for (int x = 0; x < g.OutputWidth; x++)
        {
            double sum = biases.Length == 0 ? 0 : double.CreateTruncating(biases[o]);
            for (int c = 0; c < g.InputChannels; c++)
            for (int i = 0; i < g.KernelHeight; i++)
            for (int j = 0; j < g.KernelWidth; j++)
            {
                int iy = y - g.PaddingTop + i, ix = x - g.PaddingLeft + j;
                if (iy >= 0 && iy < g.InputHeight && ix >= 0 && ix < g.InputWidth)
                {
                    sum += double.CreateTruncating(weights[((o * g.InputChannels + c) * g.KernelHeight + i) * g.KernelWidth + j])
                        * double.CreateTruncating(input[((s * g.InputChannels + c) * g.InputHeight + iy) * g.InputWidth + ix]);
                }
            }
            output[((s * g.OutputChannels + o) * g.OutputHeight + y) * g.OutputWidth + x] = sum;
        }
        return output;
    }
}

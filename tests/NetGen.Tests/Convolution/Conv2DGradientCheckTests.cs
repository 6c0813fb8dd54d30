using NetGen.CompilerServices;

namespace NetGen.Tests.Convolution;

/// <summary>
/// The convolution's output against its definition computed one multiply-add at a time, and its three gradients against
/// central finite differences of the loss, in double, over geometries that exercise every path: strides, asymmetric padding,
/// dilation, 1×1 kernels (the one that needs no columns and the one that does), no biases, non-square images and kernels,
/// images wide enough for whole vectors, and few input channels at stride 1 (the forward pass from padded planes). Backward must add: it starts from gradients of 0.25 everywhere.
/// </summary>
public class Conv2DGradientCheckTests
{
    public static TheoryData<string, Conv2DGeometry, int, bool> Cases => new()
    {
        { "stride 2, asymmetric padding, non-square", new Conv2DGeometry(2, 5, 6, 3, 3, 3, strideHeight: 2, strideWidth: 2, paddingTop: 1, paddingLeft: 0, paddingBottom: 2, paddingRight: 1), 3, true },
        { "dilation 2, no biases", new Conv2DGeometry(3, 7, 6, 2, 3, 3, paddingTop: 2, paddingLeft: 2, paddingBottom: 2, paddingRight: 2, dilationHeight: 2, dilationWidth: 2), 3, false },
        { "1x1, the input as columns", new Conv2DGeometry(3, 4, 5, 4, 1, 1), 3, true },
        { "1x1, stride 2 and padding", new Conv2DGeometry(2, 5, 4, 3, 1, 1, strideHeight: 2, strideWidth: 2, paddingTop: 1, paddingLeft: 1, paddingBottom: 0, paddingRight: 1), 2, true },
        { "2x3 kernel, strides (1, 2), dilation (2, 1)", new Conv2DGeometry(2, 6, 9, 3, 2, 3, strideHeight: 1, strideWidth: 2, paddingTop: 0, paddingLeft: 2, paddingBottom: 1, paddingRight: 0, dilationHeight: 2, dilationWidth: 1), 3, true },
        { "3x3 on 9x11, wide enough for vectors", new Conv2DGeometry(3, 9, 11, 5, 3, 3, paddingTop: 1, paddingLeft: 1, paddingBottom: 1, paddingRight: 1), 2, true },
        { "LeNet's first layer, 5x5 padding 2, one channel", new Conv2DGeometry(1, 8, 8, 6, 5, 5, paddingTop: 2, paddingLeft: 2, paddingBottom: 2, paddingRight: 2), 2, true },
        // The forward pass from padded planes (DirectConvolution) at its most input channels: two blocks of four filters and one alone.
        { "8 channels, 9 filters, 3x2 kernel, asymmetric padding", new Conv2DGeometry(8, 6, 7, 9, 3, 2, paddingTop: 1, paddingLeft: 0, paddingBottom: 0, paddingRight: 1), 2, true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Forward_matches_the_definition(string name, Conv2DGeometry geometry, int batch, bool biases)
    {
        var c = new Conv2DCase(geometry, batch, biases);
        double[] expected = c.DirectForward(), actual = c.Forward();
        for (int j = 0; j < expected.Length; j++)
        {
            Assert.True(Math.Abs(expected[j] - actual[j]) <= 1e-12 * (1 + Math.Abs(expected[j])), $"{name}: output {j} is {actual[j]}, expected {expected[j]}.");
        }
        Assert.Contains(actual, v => v != 0);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Gradients_match_central_finite_differences(string name, Conv2DGeometry geometry, int batch, bool biases)
    {
        const double start = 0.25;
        var c = new Conv2DCase(geometry, batch, biases);
        (double[] weights, double[] biasGradients, double[] input) = c.Gradients(start);
        AssertMatchesDifferences(name + ", weights", c.Weights, weights, start, c);
        AssertMatchesDifferences(name + ", biases", c.Biases, biasGradients, start, c);
        AssertMatchesDifferences(name + ", input", c.Input, input, start, c);
    }

    [Fact]
    public void An_empty_input_gradient_leaves_the_parameters_gradients_unchanged()
    {
        var geometry = new Conv2DGeometry(2, 6, 7, 3, 3, 3, strideHeight: 2, strideWidth: 1, paddingTop: 1, paddingLeft: 1, paddingBottom: 1, paddingRight: 1);
        var c = new Conv2DCase(geometry, 3, biases: true);
        (double[] weights, double[] biases, _) = c.Gradients();
        double[] weightsAlone = new double[weights.Length], biasesAlone = new double[biases.Length];
        Conv2DKernels.Backward<double>(c.Input, c.Weights, c.LossGradient(), weightsAlone, biasesAlone, [],
            new double[Conv2DKernels.WorkspaceLength(geometry, 3)], geometry, 3);
        Assert.Equal(weights, weightsAlone);
        Assert.Equal(biases, biasesAlone);
    }

    public static TheoryData<string, Conv2DGeometry> ChunkedCases => new()
    {
        // K = 110·9 = 990 and 32 output columns: the forward gathers 3 output rows at a time (12 chunks, the last of one row),
        // the backward 33 (2 chunks), so that the columns stay in L2; the other cases fit in one chunk.
        { "32 columns", new Conv2DGeometry(110, 36, 34, 2, 3, 3) },
        // 31 output columns: each chunk's rows (93 positions forward, 3 rows; 34 rows and 2 backward) are laid out 96, 1,056
        // and 64 values apart, zeros after them.
        { "31 columns, chunk rows padded", new Conv2DGeometry(110, 38, 33, 2, 3, 3) },
    };

    [Theory]
    [MemberData(nameof(ChunkedCases))]
    public void Columns_gathered_in_chunks_of_output_rows_match_the_definitions(string name, Conv2DGeometry geometry)
    {
        var c = new Conv2DCase(geometry, 2, biases: true);
        AssertClose(name + ", output", c.DirectForward(), c.Forward());
        (double[] weights, double[] biases, double[] input) = c.DirectGradients();
        (double[] actualWeights, double[] actualBiases, double[] actualInput) = c.Gradients();
        AssertClose(name + ", weight gradients", weights, actualWeights);
        AssertClose(name + ", bias gradients", biases, actualBiases);
        AssertClose(name + ", input gradients", input, actualInput);
    }

    private static void AssertClose(string name, double[] expected, double[] actual)
    {
        for (int j = 0; j < expected.Length; j++)
        {
            Assert.True(Math.Abs(expected[j] - actual[j]) <= 1e-11 * (1 + Math.Abs(expected[j])), $"{name} {j}: {actual[j]}, expected {expected[j]}.");
        }
    }

    private static void AssertMatchesDifferences(string name, double[] values, double[] gradients, double start, Conv2DCase c)
    {
        const double h = 1e-5;
        for (int i = 0; i < values.Length; i++)
        {
            double original = values[i];
            values[i] = original + h;
            double plus = c.Loss();
            values[i] = original - h;
            double minus = c.Loss();
            values[i] = original;
            double expected = (plus - minus) / (2 * h), actual = gradients[i] - start;
            Assert.True(Math.Abs(expected - actual) <= 1e-7 * (1 + Math.Abs(expected)), $"{name} {i}: gradient {actual}, finite difference {expected}.");
        }
    }
}

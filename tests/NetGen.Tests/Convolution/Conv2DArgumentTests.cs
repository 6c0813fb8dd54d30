using NetGen.CompilerServices;

namespace NetGen.Tests.Convolution;

/// <summary>A span of the wrong length is refused with an <see cref="ArgumentException"/> that names it, the length expected and the one given.</summary>
public class Conv2DArgumentTests
{
    private static readonly Conv2DGeometry Geometry = new(2, 5, 6, 3, 3, 3, paddingTop: 1, paddingLeft: 1, paddingBottom: 1, paddingRight: 1);
    private const int Batch = 2;

    // input 2·2·30 = 120, weights 3·2·9 = 54, biases 3, output 2·3·30 = 180.
    [Theory]
    [InlineData("input", 119, 120)]
    [InlineData("weights", 55, 54)]
    [InlineData("biases", 2, 3)]
    [InlineData("output", 181, 180)]
    [InlineData("workspace", 10, -1)]
    public void Forward_names_the_span_of_the_wrong_length(string name, int length, int expected)
    {
        var exception = Assert.Throws<ArgumentException>(() =>
        {
            double[] input = new double[name == "input" ? length : 120], weights = new double[name == "weights" ? length : 54];
            double[] biases = new double[name == "biases" ? length : 3], output = new double[name == "output" ? length : 180];
            double[] workspace = new double[name == "workspace" ? length : Conv2DKernels.WorkspaceLength(Geometry, Batch)];
            Conv2DKernels.Forward<double>(input, weights, biases, output, workspace, Geometry, Batch);
        });
        AssertNames(exception, name, length, expected);
    }

    [Theory]
    [InlineData("input", 121, 120)]
    [InlineData("weights", 53, 54)]
    [InlineData("outputGradients", 179, 180)]
    [InlineData("weightGradients", 0, 54)]
    [InlineData("biasGradients", 4, 3)]
    [InlineData("inputGradients", 60, 120)]
    [InlineData("workspace", 0, -1)]
    public void Backward_names_the_span_of_the_wrong_length(string name, int length, int expected)
    {
        var exception = Assert.Throws<ArgumentException>(() =>
        {
            double[] input = new double[name == "input" ? length : 120], weights = new double[name == "weights" ? length : 54];
            double[] outputGradients = new double[name == "outputGradients" ? length : 180], weightGradients = new double[name == "weightGradients" ? length : 54];
            double[] biasGradients = new double[name == "biasGradients" ? length : 3], inputGradients = new double[name == "inputGradients" ? length : 120];
            double[] workspace = new double[name == "workspace" ? length : Conv2DKernels.WorkspaceLength(Geometry, Batch)];
            Conv2DKernels.Backward<double>(input, weights, outputGradients, weightGradients, biasGradients, inputGradients, workspace, Geometry, Batch);
        });
        AssertNames(exception, name, length, expected);
    }

    /// <param name="expected">The length the message must give; -1: one thread's slot of the workspace.</param>
    private static void AssertNames(ArgumentException exception, string name, int length, int expected)
    {
        Assert.Equal(name, exception.ParamName);
        Assert.Contains($"holds {length} values", exception.Message);
        // The workspace's least length is one thread's slot: at stride 1, the backward pass's columns [K, positions] and output
        // gradients [outC, positions] at the padded width (K = 18; 5 rows of 8, 48 positions: a whole number of 16 values)
        // and two sets of padded planes (2 channels of 7·8 values and 32 zeros), then two [outC, K] and [outC].
        int shown = expected >= 0 ? expected : (18 + 3) * 48 + 2 * 2 * (7 * 8 + 32) + 2 * 54 + 3;
        Assert.Contains($"= {shown}", exception.Message);
    }
}

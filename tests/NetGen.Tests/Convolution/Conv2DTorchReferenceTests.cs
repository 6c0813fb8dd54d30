using NetGen.CompilerServices;

namespace NetGen.Tests.Convolution;

/// <summary>
/// The convolution against libtorch's <c>torch.nn.functional.conv2d</c> on the same weights, input and loss, to 1e-10
/// relative in double: the same weight layout <c>[outputChannels, inputChannels, kernelHeight, kernelWidth]</c>, so that a
/// PyTorch state dict maps one to one.
/// </summary>
/// <remarks>
/// The numbers in <see cref="Conv2DTorchReference"/> were printed (with the "R" format) by a throwaway console program
/// outside the repository, run once with TorchSharp-cpu 0.107.0 (libtorch 2.10.0, CPU) on Linux x64. For each case it built,
/// in float64, the weights <c>[outputChannels, inputChannels, kernelHeight, kernelWidth]</c> and the biases (when the case has
/// them) from <c>0.3·sin(k + 1)</c>, k counting on from the weights to the biases, and the input
/// <c>[batch, inputChannels, height, width]</c> from <c>sin(0.37·j + 0.1)</c>, j the flat index, all three requiring
/// gradients; padded the input with <c>torch.nn.functional.pad(x, [left, right, top, bottom])</c> (libtorch's convolution
/// pads both sides alike: the asymmetric padding is done first) and ran <c>conv2d(padded, weights, biases, stride, padding 0,
/// dilation)</c>; called <c>backward()</c> on <c>Σ output·cos(1.3·j)</c>; and printed the output and the <c>.grad</c> of the
/// weights, the biases and the input. <see cref="Conv2DCase"/> builds the same values and loss. The cases: batch 2, 3 → 4
/// channels, 7×6 images, a 3×2 kernel, stride (2, 1), dilation (1, 2), padding top 1, left 2, bottom 0, right 1, biases;
/// batch 2, 2 → 3 channels, 8×8, 5×5 with padding 2, no biases; batch 2, 3 → 2 channels, 4×5, 1×1, biases.
/// The tests do not depend on TorchSharp.
/// </remarks>
public class Conv2DTorchReferenceTests
{
    private const double Tolerance = 1e-10;

    [Fact]
    public void Strided_dilated_asymmetrically_padded_convolution_matches_libtorch() =>
        AssertMatches(new Conv2DGeometry(3, 7, 6, 4, 3, 2, strideHeight: 2, strideWidth: 1, paddingTop: 1, paddingLeft: 2, paddingBottom: 0, paddingRight: 1,
                dilationHeight: 1, dilationWidth: 2), biases: true,
            Conv2DTorchReference.StridedDilatedAsymmetric.Output, Conv2DTorchReference.StridedDilatedAsymmetric.GradientWeight,
            Conv2DTorchReference.StridedDilatedAsymmetric.GradientBias, Conv2DTorchReference.StridedDilatedAsymmetric.GradientInput);

    [Fact]
    public void Five_by_five_padded_convolution_without_biases_matches_libtorch() =>
        AssertMatches(new Conv2DGeometry(2, 8, 8, 3, 5, 5, paddingTop: 2, paddingLeft: 2, paddingBottom: 2, paddingRight: 2), biases: false,
            Conv2DTorchReference.FiveByFivePadded.Output, Conv2DTorchReference.FiveByFivePadded.GradientWeight, [],
            Conv2DTorchReference.FiveByFivePadded.GradientInput);

    [Fact]
    public void One_by_one_convolution_matches_libtorch() =>
        AssertMatches(new Conv2DGeometry(3, 4, 5, 2, 1, 1), biases: true,
            Conv2DTorchReference.OneByOne.Output, Conv2DTorchReference.OneByOne.GradientWeight, Conv2DTorchReference.OneByOne.GradientBias,
            Conv2DTorchReference.OneByOne.GradientInput);

    private static void AssertMatches(Conv2DGeometry geometry, bool biases, double[] output, double[] weightGradients, double[] biasGradients, double[] inputGradients)
    {
        var c = new Conv2DCase(geometry, 2, biases);
        AssertClose("output", output, c.Forward());
        (double[] weights, double[] biasesActual, double[] input) = c.Gradients();
        AssertClose("weight gradients", weightGradients, weights);
        AssertClose("bias gradients", biasGradients, biasesActual);
        AssertClose("input gradients", inputGradients, input);
    }

    private static void AssertClose(string name, double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int j = 0; j < expected.Length; j++)
        {
            Assert.True(Math.Abs(expected[j] - actual[j]) <= Tolerance * Math.Abs(expected[j]) + 1e-300, $"{name} {j}: {actual[j]}, libtorch {expected[j]}.");
        }
    }
}

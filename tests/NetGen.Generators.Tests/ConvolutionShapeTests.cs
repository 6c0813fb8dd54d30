using Microsoft.CodeAnalysis;
using NetGen.Generators.Analysis;
using NetGen.Generators.Model;
using NetGen.Generators.Tests.Infrastructure;

namespace NetGen.Generators.Tests;

/// <summary>
/// The shapes and parameter counts of convolutional declarations, against the output-size formula computed here by hand
/// and against PyTorch's known LeNet-5 shapes.
/// </summary>
public class ConvolutionShapeTests
{
    /// <summary>⌊(H + padding − d·(k − 1) − 1)/s⌋ + 1, PyTorch's formula (nn.Conv2d's documentation), padding the total of both sides.</summary>
    private static int OutputLength(int size, int kernel, int stride = 1, int padding = 0, int dilation = 1) =>
        (int)Math.Floor((size + padding - dilation * (kernel - 1) - 1) / (double)stride) + 1;

    [Fact]
    public void LeNet5_has_PyTorchs_shapes_and_parameter_counts()
    {
        NetworkModel model = Analyze("""
            [Network(Height = 28, Width = 28, Loss = Loss.SoftmaxCrossEntropy)]
            [Conv2D(6, 5, Activation.ReLU, PaddingSize = 2)]
            [MaxPool2D(2)]
            [Conv2D(16, 5, Activation.ReLU)]
            [MaxPool2D(2)]
            [Flatten]
            [Dense(120, Activation.ReLU)]
            [Dense(84, Activation.ReLU)]
            [Dense(10)]
            public partial class Model;
            """);

        // PyTorch: 1x28x28 -> conv 6@5x5 pad 2 -> 6x28x28 -> pool 2 -> 6x14x14 -> conv 16@5x5 -> 16x10x10 -> pool 2 -> 16x5x5 -> 400 -> 120 -> 84 -> 10.
        Assert.Equal("1x28x28", model.Input.ToString());
        Assert.Equal(
            ["6x28x28", "6x14x14", "16x10x10", "16x5x5", "400", "120", "84", "10"],
            model.Layers.Select(layer => layer.Output.ToString()));
        Assert.Equal(28, OutputLength(28, 5, padding: 4));
        Assert.Equal(10, OutputLength(14, 5));
        Assert.Equal(5, OutputLength(10, 2, stride: 2));
        // nn.Conv2d(1, 6, 5): 6·1·25 + 6; nn.Conv2d(6, 16, 5): 16·6·25 + 16; nn.Linear(400, 120), (120, 84), (84, 10).
        Assert.Equal([156, 0, 2416, 0, 0, 48120, 10164, 850], model.Layers.Select(layer => layer.ParameterCount));
        Assert.Equal(61706, model.ParameterCount);
        Assert.Equal(400, model.Layers[4].Output.Size);
    }

    [Fact]
    public void A_VGG_like_stack_follows_the_formula()
    {
        NetworkModel model = Analyze("""
            [Network(Channels = 3, Height = 32, Width = 32, Loss = Loss.SoftmaxCrossEntropy)]
            [Conv2D(16, 3, Activation.ReLU, Padding = Padding.Same)]
            [Conv2D(16, 3, Activation.ReLU, Padding = Padding.Same)]
            [MaxPool2D(2)]
            [Conv2D(32, 3, Activation.ReLU, Padding = Padding.Same)]
            [Conv2D(32, 3, Activation.ReLU, Stride = 2, PaddingSize = 1)]
            [AvgPool2D(3, Stride = 1)]
            [Conv2D(8, 2, Dilation = 2, Padding = Padding.Same)]
            [Conv2D(8, 4, Padding = Padding.Same)]
            [GlobalAveragePool]
            [Dense(10)]
            public partial class Model;
            """);

        int h = 32;
        h = OutputLength(h, 3, padding: 2); // same: 32
        h = OutputLength(h, 3, padding: 2); // 32
        h = OutputLength(h, 2, stride: 2); // 16
        h = OutputLength(h, 3, padding: 2); // 16
        int strided = OutputLength(h, 3, stride: 2, padding: 2); // 8
        int pooled = OutputLength(strided, 3); // 6
        int dilated = OutputLength(pooled, 2, padding: 2, dilation: 2); // 'same' pads d·(k − 1) = 2: 6
        int even = OutputLength(dilated, 4, padding: 3); // 'same' pads 3, 1 above and 2 below: 6
        Assert.Equal(
            [$"16x{32}x{32}", "16x32x32", "16x16x16", "32x16x16", $"32x{strided}x{strided}", $"32x{pooled}x{pooled}", $"8x{dilated}x{dilated}", $"8x{even}x{even}", "8", "10"],
            model.Layers.Select(layer => layer.Output.ToString()));
        Assert.Equal((8, 6, 6, 6), (strided, pooled, dilated, even));
        Assert.Equal(
            [16 * 3 * 9 + 16, 16 * 16 * 9 + 16, 0, 32 * 16 * 9 + 32, 32 * 32 * 9 + 32, 0, 8 * 32 * 4 + 8, 8 * 8 * 16 + 8, 0, 8 * 10 + 10],
            model.Layers.Select(layer => layer.ParameterCount));
        var even4 = (Layers.Convolution.Conv2DLayer)model.Layers[7];
        Assert.Equal((1, 2), (even4.Height.Before, even4.Height.After));
    }

    [Fact]
    public void Channels_default_to_one_and_the_input_size_is_their_product()
    {
        NetworkModel model = Analyze("""
            [Network(Height = 5, Width = 7)]
            [Flatten]
            [Dense(1)]
            public partial class Model;
            """);
        Assert.Equal(Shape.Image(1, 5, 7), model.Input);
        Assert.Equal(35, model.Input.Size);
        Assert.Equal(35, model.Layers[0].Output.Size);
    }

    [Fact]
    public void Batch_normalization_over_an_image_has_two_parameters_and_two_statistics_per_channel()
    {
        NetworkModel model = Analyze("""
            [Network(Channels = 3, Height = 5, Width = 5)]
            [Conv2D(8, 3, UseBias = false)]
            [BatchNorm]
            [Flatten]
            [BatchNorm]
            [Dense(1)]
            public partial class Model;
            """);
        // nn.BatchNorm2d(8): weight and bias [8], running_mean and running_var [8]; nn.BatchNorm1d(72) after the flatten.
        Assert.Equal([8 * 3 * 9, 16, 0, 144, 73], model.Layers.Select(layer => layer.ParameterCount));
        Assert.Equal([0, 16, 0, 144, 0], model.Layers.Select(layer => layer.StateCount));
        Assert.Equal("8x3x3", model.Layers[1].Output.ToString());
    }

    internal static NetworkModel Analyze(string declaration)
    {
        Compilation compilation = Compilations.Create("using NetGen;\n" + declaration);
        INamedTypeSymbol type = compilation.GetTypeByMetadataName("Model")!;
        NetworkAnalysis analysis = NetworkAnalysis.Analyze(type)!;
        Assert.True(analysis.Model is not null, "no model: " + string.Join("; ", analysis.Problems.Select(p => string.Format(System.Globalization.CultureInfo.InvariantCulture, p.Descriptor.MessageFormat.ToString(), p.MessageArguments))));
        return analysis.Model!;
    }
}

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using NetGen.Generators.Diagnostics;
using NetGen.Generators.Tests.Infrastructure;

namespace NetGen.Generators.Tests;

/// <summary>The declaration rules of images, convolutions and poolings, each reported on the attribute or argument at fault.</summary>
public class ConvolutionDeclarationTests
{
    [Fact]
    public Task Valid_convolutional_declarations_report_nothing() => AnalyzerVerifier.VerifyAsync("""
        using NetGen;

        [Network(Channels = 3, Height = 32, Width = 32, Loss = Loss.SoftmaxCrossEntropy)]
        [Conv2D(16, 3, Padding = Padding.Same, Init = Init.HeNormal, UseBias = false)]
        [BatchNorm(Activation = Activation.ReLU)]
        [Dropout(0.1)]
        [Conv2D(16, 3, Activation.LeakyReLU, NegativeSlope = 0.1, Stride = 2, PaddingSize = 1, Init = Init.DeltaOrthogonal, InitGain = 1.4)]
        [MaxPool2D(2)]
        [AvgPool2D(3, Stride = 1)]
        [Conv2D(8, 2, Dilation = 2, UseBias = false, Init = Init.Orthogonal)]
        [GlobalAveragePool]
        [Dense(10)]
        public partial class Model;
        """);

    [Fact]
    public Task NG0030_an_image_input_mixed_with_Inputs_or_Steps() => AnalyzerVerifier.VerifyAsync("""
        using NetGen;

        [Network({|#0:Inputs = 784|}, Height = 28, Width = 28, {|#1:Steps = 28|})]
        [Flatten]
        [Dense(10)]
        public partial class Model;
        """,
        Expected(DiagnosticIds.InputShapeConflict, "Inputs of network 'Model' cannot be combined with Channels, Height and Width: an image's size is Channels × Height × Width; remove Inputs", 0),
        Expected(DiagnosticIds.InputShapeConflict, "Steps of network 'Model' cannot be combined with Channels, Height and Width: a sample is a sequence or an image, not both; remove Steps, or Channels, Height and Width", 1));

    [Fact]
    public Task An_image_needs_its_height_and_width() => AnalyzerVerifier.VerifyAsync("""
        using NetGen;

        [{|#1:Network(Channels = 3, {|#0:Height = 0|})|}]
        [Flatten]
        [Dense(10)]
        public partial class Model;
        """,
        Expected(DiagnosticIds.SizeMustBePositive, "Height of network 'Model' must be a positive integer, but it is 0", 0),
        Expected(DiagnosticIds.SizeMustBePositive, "Width of network 'Model' must be a positive integer, but it is not set", 1));

    [Fact]
    public Task NG0031_a_kernel_larger_than_its_input() => AnalyzerVerifier.VerifyAsync("""
        using NetGen;

        [Network(Height = 28, Width = 28)]
        [Conv2D(6, 5, Activation.ReLU)]
        [MaxPool2D(2)]
        [Conv2D(16, 5, Activation.ReLU)]
        [MaxPool2D(2)]
        [Conv2D(32, {|#0:5|})]
        [Flatten]
        [Dense(10)]
        public partial class Model;
        """,
        Expected(DiagnosticIds.ImageTooSmall,
            "Conv2D layer 3 (kernel 5) needs at least 5x5 input but layer 4 (MaxPool2D(2)) gives 16x4x4; use a smaller kernel or dilation, pad (Padding = Padding.Same or PaddingSize), or pool less before it"));

    [Fact]
    public Task NG0031_on_the_dilation_when_the_kernel_alone_fits() => AnalyzerVerifier.VerifyAsync("""
        using NetGen;

        [Network(Channels = 2, Height = 4, Width = 8)]
        [Conv2D(4, 3, {|#0:Dilation = 3|}, PaddingSize = 1)]
        [Flatten]
        [Dense(1)]
        public partial class Model;
        """,
        Expected(DiagnosticIds.ImageTooSmall,
            "Conv2D layer 1 (kernel 3, dilation 3, padding 1+1) needs at least 5x5 input but the network's input gives 2x4x8; use a smaller kernel or dilation, pad (Padding = Padding.Same or PaddingSize), or pool less before it"));

    [Fact]
    public Task NG0031_a_pooling_window_larger_than_its_input() => AnalyzerVerifier.VerifyAsync("""
        using NetGen;

        [Network(Height = 3, Width = 3)]
        [AvgPool2D({|#0:4|})]
        [Flatten]
        [Dense(1)]
        public partial class Model;
        """,
        Expected(DiagnosticIds.ImageTooSmall,
            "AvgPool2D layer 1 (window 4) needs at least 4x4 input but the network's input gives 1x3x3; use a smaller window, or pad the convolution before it"));

    [Fact]
    public Task NG0032_a_pooling_that_would_drop_rows() => AnalyzerVerifier.VerifyAsync("""
        using NetGen;

        [Network(Height = 29, Width = 30)]
        [Conv2D(4, 3)]
        [MaxPool2D({|#0:2|})]
        [AvgPool2D(3, {|#1:Stride = 2|})]
        [Flatten]
        [Dense(1)]
        public partial class Model;
        """,
        Expected(DiagnosticIds.PoolDoesNotTile,
            "MaxPool2D layer 1 (window 2) would drop the last row of its input: layer 1 (Conv2D(3x3)) gives 4x27x28, and 27 − 2 is not a multiple of 2; " +
            "make the input's height and width the window plus a multiple of the stride (pad the convolution before it), or change the window or the stride", 0));

    [Fact]
    public Task NG0032_rows_and_columns() => AnalyzerVerifier.VerifyAsync("""
        using NetGen;

        [Network(Height = 10, Width = 11)]
        [MaxPool2D(3, {|#0:Stride = 3|})]
        [Flatten]
        [Dense(1)]
        public partial class Model;
        """,
        Expected(DiagnosticIds.PoolDoesNotTile,
            "MaxPool2D layer 1 (window 3) would drop the last row and 2 columns of its input: the network's input gives 1x10x11, and 10 − 3 is not a multiple of 3 and 11 − 3 is not a multiple of 3; " +
            "make the input's height and width the window plus a multiple of the stride (pad the convolution before it), or change the window or the stride"));

    [Fact]
    public Task NG0029_a_dense_layer_on_an_image() => AnalyzerVerifier.VerifyAsync("""
        using NetGen;

        [Network(Height = 8, Width = 8)]
        [Conv2D(4, 3)]
        [{|#0:Dense(10)|}]
        public partial class Model;
        """,
        Expected(DiagnosticIds.LayerDoesNotTakeItsInput,
            "Dense layer 1 takes a vector or a sequence, but its input (layer 1's output) is an image of 4x6x6 (channels x height x width); put [Flatten] (or [GlobalAveragePool]) before it to make the image a vector"));

    [Fact]
    public Task NG0029_a_convolution_on_a_vector_or_a_sequence() => AnalyzerVerifier.VerifyAsync("""
        using NetGen;

        [Network(Inputs = 8, Steps = 4)]
        [{|#0:Conv2D(4, 3)|}]
        [GRU(3)]
        [{|#1:MaxPool2D(2)|}]
        [Flatten]
        [BatchNorm]
        [Dense(1)]
        public partial class Model;
        """,
        Expected(DiagnosticIds.LayerDoesNotTakeItsInput,
            "Conv2D layer 1 takes an image (channels x height x width), but its input (the network's input) is a sequence of 4 steps of 8 features; declare Channels, Height and Width on [Network] for an image input, and put convolutions and poolings before any [Flatten], [GlobalAveragePool] or [Dense]", 0),
        Expected(DiagnosticIds.LayerDoesNotTakeItsInput,
            "MaxPool2D layer 1 takes an image (channels x height x width), but its input (layer 2's output) is a vector of 3 values; declare Channels, Height and Width on [Network] for an image input, and put convolutions and poolings before any [Flatten], [GlobalAveragePool] or [Dense]", 1));

    [Fact]
    public Task NG0029_a_flatten_on_a_vector() => AnalyzerVerifier.VerifyAsync("""
        using NetGen;

        [Network(Inputs = 8)]
        [Dense(4)]
        [{|#0:Flatten|}]
        [Dense(1)]
        public partial class Model;
        """,
        Expected(DiagnosticIds.LayerDoesNotTakeItsInput,
            "Flatten 1 takes an image or a sequence, but its input (layer 1's output) is a vector of 4 values; remove it: its input is already a vector"));

    [Fact]
    public Task NG0029_a_normalization_on_an_image() => AnalyzerVerifier.VerifyAsync("""
        using NetGen;

        [Network(Height = 4, Width = 4)]
        [{|#0:LayerNorm|}]
        [Flatten]
        [Dense(1)]
        public partial class Model;
        """,
        Expected(DiagnosticIds.LayerDoesNotTakeItsInput,
            "LayerNorm 1 takes a vector, but its input (the network's input) is an image of 1x4x4 (channels x height x width); put [Flatten] (or [GlobalAveragePool]) before it to make the image a vector"));

    [Fact]
    public Task NG0025_a_residual_block_around_convolutions_that_change_the_shape_without_projection() => AnalyzerVerifier.VerifyAsync("""
        using NetGen;

        [Network(Channels = 2, Height = 6, Width = 6)]
        [Residual({|#0:Projection = false|})]
        [Conv2D(4, 3, Padding = Padding.Same)]
        [EndResidual]
        [Residual]
        [Conv2D(2, 3, Padding = Padding.Same)]
        [EndResidual]
        [Flatten]
        [Dense(1)]
        public partial class Model;
        """,
        Expected(DiagnosticIds.ResidualWidthMismatch,
            "Residual block 1 has Projection = false, but its input (the network's inputs, 2x6x6) and its branch's output (layer 1, 4x6x6) differ in shape, " +
            "so they cannot be added; make the branch end with 2x6x6, or allow the projection"));

    [Fact]
    public Task Convolution_arguments_out_of_range() => AnalyzerVerifier.VerifyAsync("""
        using NetGen;

        [Network(Height = 8, Width = 8)]
        [Conv2D({|#0:0|}, {|#1:-1|}, {|#2:Dilation = 0|})]
        [Conv2D(2, 3, Padding = Padding.Same, {|#3:Stride = 2|})]
        [Conv2D(2, 3, {|#4:PaddingSize = -2|}, {|#5:Init = Init.Identity|})]
        [Conv2D(2, 1, {|#6:Padding = Padding.Same|}, PaddingSize = 0)]
        [MaxPool2D({|#7:0|}, {|#8:Stride = -1|})]
        [Flatten]
        [Dense(1, {|#9:Init = Init.DeltaOrthogonal|})]
        public partial class Model;
        """,
        Expected(DiagnosticIds.SizeMustBePositive, "The filters of Conv2D layer 1 must be a positive integer, but it is 0", 0),
        Expected(DiagnosticIds.SizeMustBePositive, "The kernel size of Conv2D layer 1 must be a positive integer, but it is -1", 1),
        Expected(DiagnosticIds.SizeMustBePositive, "Dilation of Conv2D layer 1 must be a positive integer, but it is 0", 2),
        Expected(DiagnosticIds.ArgumentOutOfRange, "Stride of Conv2D layer 2 is 2, but it must be 1 with Padding.Same, as PyTorch's padding='same' (with a larger stride the output is not the input's size); set PaddingSize for explicit padding", 3),
        Expected(DiagnosticIds.ArgumentOutOfRange, "PaddingSize of Conv2D layer 3 is -2, but it must be 0 or more: the zeros added on every side (−1, the default, uses Padding)", 4),
        Expected(DiagnosticIds.ArgumentOutOfRange, "Init of Conv2D layer 3 is Identity, but it must be a scheme for a convolution's kernel: Identity is a matrix's (PyTorch's eye_ refuses a 4-D kernel, Keras's Identity a non-2-D one); DeltaOrthogonal puts an orthogonal matrix at the kernel's centre, Orthogonal draws the kernel as an orthogonal [filters, channels·k²] matrix", 5),
        Expected(DiagnosticIds.ArgumentIsIgnored, "Padding of Conv2D layer 4 is set, but PaddingSize overrides it, so it has no effect; remove it, or remove one of the two", 6),
        Expected(DiagnosticIds.SizeMustBePositive, "The size of MaxPool2D layer 1 must be a positive integer, but it is 0", 7),
        Expected(DiagnosticIds.SizeMustBePositive, "Stride of MaxPool2D layer 1 must be a positive integer, but it is -1", 8),
        Expected(DiagnosticIds.ArgumentOutOfRange, "Init of Dense layer 1 is DeltaOrthogonal, but it must be a scheme for a weight matrix: DeltaOrthogonal sets a convolution's kernel (its centre tap), for [Conv2D] only; Orthogonal is its dense counterpart", 9));

    [Fact]
    public Task NG0011_softmax_on_a_convolution() => AnalyzerVerifier.VerifyAsync("""
        using NetGen;

        [Network(Height = 4, Width = 4, Loss = Loss.SoftmaxCrossEntropy)]
        [Conv2D(2, 3, {|#0:Activation.Softmax|})]
        [Flatten]
        [Dense(3)]
        public partial class Model;
        """,
        Expected(DiagnosticIds.SoftmaxMustBeOutput,
            "Conv2D layer 1 uses Activation.Softmax, but it is a hidden layer (layer 1 of 3); Softmax is only supported on the last layer, fused with Loss.SoftmaxCrossEntropy: use ReLU, Tanh or another activation here"));

    [Fact]
    public Task An_image_too_large_for_an_array() => AnalyzerVerifier.VerifyAsync("""
        using NetGen;

        [Network(Channels = 65536, {|#0:Height = 65536|}, Width = 65536)]
        [Flatten]
        [Dense(1)]
        public partial class Model;
        """,
        Expected(DiagnosticIds.NetworkTooLarge, "Network 'Model' is too large: one input image holds 65536 × 65536 × 65536 values; the limit is 2,147,483,647 values"));

    private static DiagnosticResult Expected(string id, string message, int location = 0) =>
        new DiagnosticResult(id, id == DiagnosticIds.ArgumentIsIgnored ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error)
            .WithLocation(location).WithMessage(message);
}

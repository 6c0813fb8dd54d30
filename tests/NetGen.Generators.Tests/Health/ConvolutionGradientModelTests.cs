using NetGen.Generators.Gradients;
using NetGen.Generators.Layers.Convolution;
using NetGen.Generators.Model;

namespace NetGen.Generators.Tests.Health;

/// <summary>
/// The mean-field rules of convolutions and poolings against values worked out by hand: a convolution is the dense rule
/// with its real fan-in forward and its reads per input backward; poolings average or route the gradient.
/// </summary>
public class ConvolutionGradientModelTests
{
    [Fact]
    public void The_largest_of_normals_has_its_closed_form_moments()
    {
        // M2: E = 1/√π, E[M²] = 1. M3: E = 3/(2√π), E[M²] = 1 + √3/(2π) (David & Nagaraja, Order Statistics).
        (double mean2, double variance2) = MaxOfNormals.Of(2);
        Assert.Equal(1 / Math.Sqrt(Math.PI), mean2, 1e-7);
        Assert.Equal(1 - 1 / Math.PI, variance2, 1e-7);
        (double mean3, double variance3) = MaxOfNormals.Of(3);
        Assert.Equal(1.5 / Math.Sqrt(Math.PI), mean3, 1e-7);
        Assert.Equal(1 + Math.Sqrt(3) / (2 * Math.PI) - 2.25 / Math.PI, variance3, 1e-7);
        Assert.Equal((0.0, 1.0), MaxOfNormals.Of(1));
    }

    [Fact]
    public void A_valid_convolution_has_the_dense_variance_of_its_full_fan_in()
    {
        // He normal on fan_in = 4·3² = 36: Var(w) = 2/36, z = Σ over 36 taps: Var(z) = 36·(2/36)·E[x²] = 2·E[x²].
        Layer conv = Model("[Network(Channels = 4, Height = 8, Width = 8)]\n[Conv2D(6, 3, Init = Init.HeNormal)]").Layers[0];
        Assert.Equal(2 * 0.5, PreActivation(conv, new Moments(0, 0.5)).Variance, 1e-12);
    }

    [Fact]
    public void Padding_taps_count_for_nothing_forward()
    {
        // 4x4 with 3x3 'same' (1 zero each side): per axis the 4 outputs read 2, 3, 3, 2 real rows, 2.5 on average, so an
        // output reads 4 channels · 2.5² = 25 real inputs instead of 36: Var(z) = 25 · 0.1² · 1.
        Layer conv = Model("[Network(Channels = 4, Height = 4, Width = 4)]\n[Conv2D(2, 3, Padding = Padding.Same, Init = Init.Normal, InitStandardDeviation = 0.1)]").Layers[0];
        Assert.Equal(25 * 0.01, PreActivation(conv, new Moments(0, 1)).Variance, 1e-12);
    }

    [Fact]
    public void A_convolution_sends_back_the_gradient_of_every_output_that_reads_an_input()
    {
        // 1x6x6, 3x3 valid, 2 filters: per axis 4 outputs × 3 taps = 12 reads of 6 rows, 2 per row; 2² = 4 per pixel and
        // filter, 8 in all: E[dx²] = 8 · Var(w) · g = 8 · 0.01.
        var network = Model("[Network(Height = 6, Width = 6)]\n[Conv2D(1, 1)]\n[Conv2D(2, 3, Init = Init.Normal, InitStandardDeviation = 0.1)]");
        Assert.Equal(8 * 0.01, Backpropagate(network.Layers[1], new GradientMoments(1, 0)).MeanSquare, 1e-12);
    }

    [Fact]
    public void Poolings_route_or_spread_the_gradient()
    {
        var network = Model("[Network(Height = 10, Width = 10)]\n[Conv2D(1, 1)]\n[MaxPool2D(2)]\n[AvgPool2D(5)]\n[GlobalAveragePool]");
        var gradient = new GradientMoments(1, 0.5);
        // Max 2x2 side by side: one input in four gets its output's gradient. Average 5x5: each input gets dz/25 once.
        GradientMoments max = Backpropagate(network.Layers[1], gradient);
        Assert.Equal(0.25, max.MeanSquare, 1e-12);
        Assert.Equal(0.5 / 16, max.CommonModeSquare, 1e-12);
        Assert.Equal(1.0 / 25 / 25, Backpropagate(network.Layers[2], gradient).MeanSquare, 1e-12);
        // Global average over 1x1 after the 5x5 pool: the gradient passes whole.
        Assert.Equal(1.0, Backpropagate(network.Layers[3], gradient).MeanSquare, 1e-12);
    }

    [Fact]
    public void Poolings_keep_the_shared_parts_and_average_or_maximize_the_rest()
    {
        var network = Model("[Network(Height = 4, Width = 4)]\n[Conv2D(1, 1)]\n[MaxPool2D(2)]\n[AvgPool2D(2, Stride = 2)]");
        var input = new Moments(0.5, 2, OffsetVariance: 0.25, SharedVariance: 0.75);
        Moments average = PreActivation(network.Layers[2], input);
        Assert.Equal(0.5, average.Mean, 1e-12);
        Assert.Equal(0.75 + 0.25 + 1.0 / 4, average.Variance, 1e-12);
        (double m4, double v4) = MaxOfNormals.Of(4);
        Moments max = PreActivation(network.Layers[1], input);
        Assert.Equal(0.5 + m4, max.Mean, 1e-12);
        Assert.Equal(0.75 + 0.25 + v4, max.Variance, 1e-12);
        Assert.InRange(m4, 1.029, 1.030); // E[M4] = 1.0294 (tables)
    }

    [Fact]
    public void Through_padded_convolutions_the_gradient_gathers_toward_the_middle_at_the_tap_matrix_s_largest_eigenvalue()
    {
        // 3x3 'same' on 8x8: per axis an input is read by 2 outputs at the border and 3 inside, 2.75 on average, so a
        // uniform gradient gives 2.75² reads per input. Repeated, the spread settles on the top eigenvector of the
        // tridiagonal tap matrix T ⊗ T, whose eigenvalue is (1 + 2·cos(π/(n + 1)))² per step.
        var axis = new ImageAxis(8, 3, 1, 1, 1, 1);
        (double firstReads, double[]? profile) = PixelProfile.Backward(null, axis, axis)!.Value;
        Assert.Equal(2.75 * 2.75, firstReads, 1e-12);
        double reads = firstReads;
        for (int step = 0; step < 200; step++)
        {
            (reads, profile) = PixelProfile.Backward(profile, axis, axis)!.Value;
        }
        Assert.Equal(Math.Pow(1 + 2 * Math.Cos(Math.PI / 9), 2), reads, 1e-9);
        Assert.True(profile![0] < profile[3 * 8 + 3]); // a corner gets less than the middle
    }

    [Fact]
    public void Without_padding_every_tap_is_real_at_every_output()
    {
        Assert.Equal(3, new ImageAxis(8, 3, 1, 1, 0, 0).RealTapFractionSquares, 1e-12);
        // 'same' on 8: taps 0 and 2 are real at 7 of 8 outputs, tap 1 at all.
        Assert.Equal(1 + 2 * (7.0 / 8) * (7.0 / 8), new ImageAxis(8, 3, 1, 1, 1, 1).RealTapFractionSquares, 1e-12);
    }

    [Fact]
    public void Under_padding_part_of_a_filter_s_offset_varies_over_its_pixels()
    {
        // 4x4x4, 3x3 'same', N(0, 0.1²), inputs of mean 1: the offset Σ w·E[x] over the 4·2.5² real taps has variance
        // Var(w)·4·Σ a_j over the taps, of which Var(w)·4·Σ a_j² (per axis 1 + 2·(3/4)²) is the same at every pixel of the channel.
        Layer conv = Model("[Network(Channels = 4, Height = 4, Width = 4)]\n[Conv2D(2, 3, Padding = Padding.Same, Init = Init.Normal, InitStandardDeviation = 0.1)]").Layers[0];
        Moments z = PreActivation(conv, new Moments(1, 1));
        Assert.Equal(0.01 * 4 * 2.5 * 2.5 * 2, z.Variance, 1e-12); // E[x²] = 2
        Assert.Equal(0.01 * 4 * Math.Pow(1 + 2 * 0.75 * 0.75, 2), z.OffsetVariance, 1e-12);
    }

    [Fact]
    public void Max_pooling_sends_the_gradient_where_a_ReLU_before_it_is_active()
    {
        // The largest of 4 zero-mean values is positive unless all are: E[f'(z_max)²] = 1 − 1/16 against E[f'(z)²] = 1/2.
        var network = Model("[Network(Height = 4, Width = 4)]\n[Conv2D(1, 1, Activation.ReLU)]\n[MaxPool2D(2)]");
        var field = new MeanField(3, 1);
        field.PreActivations[1] = new Moments(0, 1);
        field.Activations[1] = new ActivationFunction(ActivationKind.ReLU, 0);
        network.Layers[1].Backpropagate(field, new GradientMoments(1, 0));
        double expected = 0.25 * (15.0 / 16) / 0.5;
        Assert.InRange(field.OutputGradient(1).MeanSquare, 0.99 * expected, 1.01 * expected); // the integral's ~1 % (ReLU's step)
    }

    private static NetworkModel Model(string layers) =>
        ConvolutionShapeTests.Analyze(layers + (layers.EndsWith("[GlobalAveragePool]", StringComparison.Ordinal) ? "" : "\n[Flatten]") + "\n[Dense(1)]\npublic partial class Model;");

    private static Moments PreActivation(Layer layer, Moments input)
    {
        var field = new MeanField(layer.Number + 1, 1);
        field.Outputs[layer.Number - 1] = input;
        return layer.PreActivation(field);
    }

    private static GradientMoments Backpropagate(Layer layer, GradientMoments gradient)
    {
        var field = new MeanField(layer.Number + 1, 1);
        layer.Backpropagate(field, gradient);
        return field.OutputGradient(layer.Number - 1);
    }
}

using System;
using NetGen.Generators.Emit;
using NetGen.Generators.Gradients;
using NetGen.Generators.Layers.Dense;
using NetGen.Generators.Model;

namespace NetGen.Generators.Layers.Convolution;

/// <summary>
/// A 2-D convolution over NCHW images, <c>a = activation(W ⋆ x + b)</c>, as PyTorch's <c>nn.Conv2d</c> (groups 1): weights
/// [filters, input channels, kernel, kernel] row-major, then, unless declared without, one bias per filter. Square kernels:
/// one kernel size, stride and dilation for both axes; the padding may differ before and after ('same' with an even span).
/// </summary>
/// <param name="Height">The height axis: input height, kernel, stride, dilation, padding above and below.</param>
/// <param name="Width">The width axis, the same but for the input's width.</param>
/// <param name="WeightInit">How the kernel is drawn (fan_in = C_in·k², fan_out = C_out·k²).</param>
/// <param name="BiasInit">How the biases are drawn; <see langword="null"/> for a layer without biases.</param>
internal sealed record Conv2DLayer(
    int Number, Shape Input, Shape Output, ImageAxis Height, ImageAxis Width, ActivationFunction LayerActivation, Initializer WeightInit, Initializer? BiasInit)
    : Layer(Number, Input, Output)
{
    public override LayerKind Kind => LayerKind.Conv2D;

    public override ActivationFunction Activation => LayerActivation;

    public int InputChannels => Input.Channels;

    public int Filters => Output.Channels;

    public int Kernel => Height.Kernel;

    public int Stride => Height.Stride;

    public int Dilation => Height.Dilation;

    /// <summary>The weights of one filter, C_in·k²: the fan-in.</summary>
    public int FilterSize => InputChannels * Kernel * Kernel;

    public override bool Accepts(Shape input) => input.IsImage;

    public override (string Takes, string Fix) AcceptedInput => ("an image (channels x height x width)", Shapes.ImageFix);

    public override long LongWeightCount => SaturatingArithmetic.Multiply(SaturatingArithmetic.Multiply(Filters, InputChannels), SaturatingArithmetic.Multiply(Kernel, Kernel));

    public override long LongBiasCount => BiasInit is null ? 0 : Filters;

    public override string TypeDescription =>
        $"Conv2D({Kernel}x{Kernel}" + (Stride > 1 ? $", stride {Stride}" : "") + (Dilation > 1 ? $", dilation {Dilation}" : "") + (HasPadding ? $", pad {Padding}" : "") + ")";

    private bool HasPadding => Height.Before + Height.After > 0;

    /// <summary>"2", or "1+2" (before + after) when 'same' pads an odd total.</summary>
    public string Padding => Height.Before == Height.After ? Height.Before.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{Height.Before}+{Height.After}";

    public override string WeightInitDescription => WeightInit.ToString();

    public override string BiasInitDescription => BiasInit?.ToString() ?? "-";

    /// <summary>
    /// The fans the kernel's initializer draws with: (C_in·k², C_out·k²), PyTorch's and Keras's convention; an orthogonal
    /// kernel is the [C_out, C_in·k²] matrix PyTorch's <c>orthogonal_</c> flattens it to, so its "fan-out" is its rows, C_out.
    /// </summary>
    public (int FanIn, int FanOut) WeightFans => WeightInit is MatrixInitializer ? (FilterSize, Filters) : (FilterSize, Filters * Kernel * Kernel);

    public override LayerWriter CreateWriter(NetworkModel network) => new Conv2DWriter(network, this);

    /// <summary>
    /// An output is a dense unit over its C_in·k² taps less those on padding: the dense layer's rule (<see cref="DenseLayer.PreActivation"/>)
    /// with the mean real fan-in, C_in·(real taps)/(outputs) over the two axes, and the kernel's own fans for its initializer.
    /// The inputs are taken independent across pixels, as the mean field takes them across units; neighbouring pixels of
    /// a real image are correlated, which this rule does not see. A filter's offset, Σ w·E[x] over the real taps, is not
    /// the same at every pixel when padding leaves taps out at the borders: with a_j the fraction of the pixels at which tap
    /// j is real, Σ a_j² of the Σ a_j taps' variance is the channel's own offset and Σ a_j·(1 − a_j) varies over its
    /// pixels, which a per-channel batch normalization counts with the rest (<see cref="ImageAxis.RealTapFractionSquares"/>).
    /// </summary>
    public override Moments PreActivation(MeanField field)
    {
        double tapsPerOutput = Height.RealTaps / Math.Max(1, Height.LongOutput) * (Width.RealTaps / Math.Max(1, Width.LongOutput));
        int fanIn = Math.Max(1, (int)Math.Min(int.MaxValue, Math.Round(InputChannels * tapsPerOutput)));
        DenseLayer dense = Equivalent(fanIn, Filters);
        Moments z = dense.PreActivation(field);
        double biasVariance = dense.BiasInit?.Variance(fanIn, Filters) ?? 0;
        double perChannel = tapsPerOutput > 0 ? Height.RealTapFractionSquares * Width.RealTapFractionSquares / tapsPerOutput : 1;
        return z with { OffsetVariance = biasVariance + Math.Max(0, z.OffsetVariance - biasVariance) * Math.Min(1, perChannel) };
    }

    /// <summary>
    /// The input's gradient is the transposed convolution of dz: an input pixel's channel receives one product per output
    /// channel and per (output, tap) pair that reads it, so E[dx²] there is Var(w)·C_out·Σ E[dz²] over the outputs that read
    /// it. Averaged over the input pixels that is the dense layer's rule (<see cref="DenseLayer.Backpropagate"/>) with C_out
    /// times the mean reads per input as units, each read weighted by its output's share of dz (<see cref="PixelProfile"/>:
    /// C_out·k²/s² inside the image; at the borders fewer, and fewer still where the gradient has gathered toward the
    /// middle), and the C_in·H·W inputs for the common mode.
    /// </summary>
    public override void Backpropagate(MeanField field, GradientMoments preActivationGradient)
    {
        double readsPerInput = field.ReadsPerInputPixel(Number, Height, Width);
        int units = Math.Max(1, (int)Math.Min(int.MaxValue, Math.Round(Filters * readsPerInput)));
        Equivalent((int)Math.Min(int.MaxValue, Input.LongSize), units).Backpropagate(field, preActivationGradient);
    }

    /// <summary>The dense layer with <paramref name="inputs"/> inputs and <paramref name="units"/> units whose rules are this layer's, its initializers keeping the kernel's fans.</summary>
    private DenseLayer Equivalent(int inputs, int units)
    {
        (int fanIn, int fanOut) = WeightFans;
        return new DenseLayer(Number, new Shape(inputs), new Shape(units), LayerActivation,
            new FixedFansInitializer(WeightInit, fanIn, fanOut), BiasInit is null ? null : new FixedFansInitializer(BiasInit, fanIn, fanOut));
    }
}

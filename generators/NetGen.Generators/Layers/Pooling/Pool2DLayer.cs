using System;
using NetGen.Generators.Emit;
using NetGen.Generators.Gradients;
using NetGen.Generators.Layers.Convolution;
using NetGen.Generators.Model;

namespace NetGen.Generators.Layers.Pooling;

/// <summary>
/// Max or average pooling over each channel of an NCHW image, a square window without padding (PyTorch's
/// <c>nn.MaxPool2d</c>, <c>nn.AvgPool2d</c>). No parameters; max pooling keeps the index each output came from.
/// </summary>
/// <param name="PoolKind"><see cref="LayerKind.MaxPool2D"/> or <see cref="LayerKind.AvgPool2D"/>.</param>
/// <param name="Height">The height axis: input height, window, stride.</param>
/// <param name="Width">The width axis.</param>
internal sealed record Pool2DLayer(int Number, Shape Input, Shape Output, LayerKind PoolKind, ImageAxis Height, ImageAxis Width)
    : Layer(Number, Input, Output)
{
    public override LayerKind Kind => PoolKind;

    public bool IsMax => PoolKind == LayerKind.MaxPool2D;

    public int Size => Height.Kernel;

    public int Stride => Height.Stride;

    public override bool Accepts(Shape input) => input.IsImage;

    public override (string Takes, string Fix) AcceptedInput => ("an image (channels x height x width)", Shapes.ImageFix);

    public override string TypeDescription => Stride == Size ? $"{Kind}({Size})" : $"{Kind}({Size}, stride {Stride})";

    public override string ActivationDescription => "-";

    public override LayerWriter CreateWriter(NetworkModel network) => new Pool2DWriter(network, this);

    /// <summary>The outputs per input, H_out·W_out / (H·W): 1/k² for windows side by side.</summary>
    private double OutputsPerInput => (double)Output.Pixels / Input.Pixels;

    /// <summary>
    /// Each input value x = a sample's shared shift + its channel's offset + an independent part r (<see cref="Moments"/>),
    /// the parts r independent across the pixels of a window, as the mean field takes units. The shift and the offset are
    /// the same over a window. Average: the mean of n = k² values keeps them and divides Var(r) by n. Max: max(x) = shift +
    /// offset + max(r), and with r Gaussian max(r) = σ_r·M_n, M_n the largest of n standard normals (<see cref="MaxOfNormals"/>):
    /// the mean rises by σ_r·E[M_n], Var(r) becomes σ_r²·Var(M_n). After a ReLU the parts are not Gaussian; the rule then
    /// approximates, and correlated neighbouring pixels (real images) make the window's values less independent than assumed.
    /// </summary>
    public override Moments PreActivation(MeanField field)
    {
        Moments x = field.Outputs[Number - 1];
        long n = (long)Size * Size;
        double independent = x.IndependentVariance;
        if (!IsMax)
        {
            return new Moments(x.Mean, x.SharedVariance + x.OffsetVariance + independent / n, x.OffsetVariance, x.SharedVariance);
        }
        (double maxMean, double maxVariance) = MaxOfNormals.Of(n);
        return new Moments(x.Mean + Math.Sqrt(independent) * maxMean, x.SharedVariance + x.OffsetVariance + independent * maxVariance, x.OffsetVariance, x.SharedVariance);
    }

    // Steps of the integral over the window's maximum for E[f'²] there: ReLU's step in f' costs ~1 % at this spacing.
    private const int MaximumSteps = 400;

    /// <summary>
    /// Max pooling routes each gradient to the largest input of its window, which is where the layer before's activation is
    /// most likely active: after a ReLU the chosen input is positive unless the whole window is, so dz there passes with
    /// P(M > −μ/σ) = 1 − 2^−k² (for μ = 0) instead of 1/2. The model multiplies the layer before's output gradient by its
    /// E[f'(z)²] at every unit; this is the ratio E[f'(z_max)²]/E[f'(z)²] that corrects it, with z = the shared parts + the
    /// independent part σ_r·M, M the largest of k² standard normals (as <see cref="PreActivation"/> takes the window). 1 for a
    /// layer before without a monotone activation (the identity, the inputs).
    /// </summary>
    private double DerivativeAtTheMaximum(MeanField field)
    {
        int previous = Number - 1;
        if (field.Activations[previous] is not ActivationFunction f
            || !(ActivationFunctions.IsReLUFamily(f.Kind) || ActivationFunctions.Saturates(f.Kind) || f.Kind == ActivationKind.SELU))
        {
            return 1;
        }
        Moments z = field.PreActivations[previous];
        double independent = z.IndependentVariance, rest = Math.Max(0, z.Variance - independent);
        double everywhere = NormalExpectation.Of(f, z.Mean, z.Variance).DerivativeMeanSquare;
        if (!(everywhere > 0) || !(independent > 0))
        {
            return 1;
        }
        double sd = Math.Sqrt(independent);
        double atMaximum = MaxOfNormals.Expectation((long)Size * Size, t => NormalExpectation.Of(f, z.Mean + sd * t, rest).DerivativeMeanSquare, MaximumSteps);
        return atMaximum / everywhere;
    }

    /// <summary>
    /// Σ dx = Σ dz for both (each output's gradient is routed to, or spread over, its window's inputs), so the common mode over
    /// the inputs is the outputs' times H_out·W_out/(H·W). Max: each output's dz goes to one input of its window, each
    /// equally likely, so with the dz independent E[dx²] at an input is Σ E[dz²]/k² over the windows that hold it: on
    /// average E[dz²]·(outputs per input) for a uniform dz, for any stride. Average: each output adds dz/k² to each of its
    /// k² inputs, so Σ E[dz²]/k⁴. The sums follow dz's spread over the pixels (<see cref="PixelProfile"/>).
    /// </summary>
    public override void Backpropagate(MeanField field, GradientMoments preActivationGradient)
    {
        double ratio = OutputsPerInput, window = (double)Size * Size;
        double reads = field.ReadsPerInputPixel(Number, Height, Width);
        double meanSquare = preActivationGradient.MeanSquare * reads / (IsMax ? window : window * window) * (IsMax ? DerivativeAtTheMaximum(field) : 1);
        double common = Math.Min(meanSquare, preActivationGradient.CommonModeSquare * ratio * ratio);
        field.AddOutputGradient(Number - 1, new GradientMoments(meanSquare, common));
    }
}

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

    /// <summary>
    /// Σ dx = Σ dz for both (each output's gradient is routed to, or spread over, its window's inputs), so the common mode over
    /// the inputs is the outputs' times H_out·W_out/(H·W). Max: each output's dz goes to one input, so with the dz
    /// independent E[dx²] = E[dz²]·(outputs per input), exactly for any stride. Average: each output adds dz/k² to each of
    /// its k² inputs, so E[dx²] = E[dz²]·(outputs per input)/k².
    /// </summary>
    public override void Backpropagate(MeanField field, GradientMoments preActivationGradient)
    {
        double ratio = OutputsPerInput;
        double meanSquare = preActivationGradient.MeanSquare * ratio / (IsMax ? 1 : (double)Size * Size);
        double common = Math.Min(meanSquare, preActivationGradient.CommonModeSquare * ratio * ratio);
        field.AddOutputGradient(Number - 1, new GradientMoments(meanSquare, common));
    }
}

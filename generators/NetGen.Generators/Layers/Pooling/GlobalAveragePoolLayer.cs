using System;
using NetGen.Generators.Emit;
using NetGen.Generators.Gradients;
using NetGen.Generators.Model;

namespace NetGen.Generators.Layers.Pooling;

/// <summary>The mean of each channel of an NCHW image: [channels, height, width] to a vector of channels. No parameters.</summary>
internal sealed record GlobalAveragePoolLayer(int Number, Shape Input) : Layer(Number, Input, new Shape(Math.Max(1, Input.Channels)))
{
    public override LayerKind Kind => LayerKind.GlobalAveragePool;

    public override string ActivationDescription => "-";

    public override bool Accepts(Shape input) => input.IsImage;

    public override (string Takes, string Fix) AcceptedInput => ("an image (channels x height x width)", Shapes.ImageFix);

    public override LayerWriter CreateWriter(NetworkModel network) => new GlobalAveragePoolWriter(network, this);

    /// <summary>
    /// The mean of a channel's H·W values: the sample's shared shift and the channel's offset stay, the independent part's
    /// variance is divided by H·W (the pixels taken independent, as the mean field takes units; neighbouring pixels of a
    /// real image are correlated, and keep more of it).
    /// </summary>
    public override Moments PreActivation(MeanField field)
    {
        Moments x = field.Outputs[Number - 1];
        return new Moments(x.Mean, x.SharedVariance + x.OffsetVariance + x.IndependentVariance / Math.Max(1, Input.Pixels), x.OffsetVariance, x.SharedVariance);
    }

    /// <summary>Every pixel of channel c gets dz_c / (H·W): E[dx²] = E[dz²]/(H·W)², and the common mode likewise.</summary>
    public override void Backpropagate(MeanField field, GradientMoments preActivationGradient)
    {
        double pixels = Math.Max(1, Input.Pixels);
        field.AddOutputGradient(Number - 1, preActivationGradient.Times(1 / (pixels * pixels)));
    }
}

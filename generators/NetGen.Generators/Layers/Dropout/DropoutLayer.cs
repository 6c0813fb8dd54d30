using NetGen.Generators.Emit;
using NetGen.Generators.Gradients;
using NetGen.Generators.Model;

namespace NetGen.Generators.Layers.Dropout;

/// <summary>
/// Inverted dropout of the previous layer's outputs: in training mode each value is kept with probability 1 − rate and
/// scaled by 1 / (1 − rate); in inference mode the input passes through. Its output array is both its z and its a.
/// </summary>
internal sealed record DropoutLayer(int Number, Shape Input, double Rate) : Layer(Number, Input, Input)
{
    public override LayerKind Kind => LayerKind.Dropout;

    public override string TypeDescription => $"Dropout({Rate.ToString("R", System.Globalization.CultureInfo.InvariantCulture)})";

    public override string ActivationDescription => "-";

    /// <summary>Elementwise, so a sequence too (Keras's <c>Dropout</c> on a 3-D input).</summary>
    public override bool Accepts(Shape input) => true;

    public override LayerWriter CreateWriter(NetworkModel network) => new DropoutWriter(network, this);

    /// <summary>In training mode (the prediction is for training): the mean is kept and E[z²] = E[x²] / (1 − rate).</summary>
    public override Moments PreActivation(MeanField field)
    {
        Moments x = field.Outputs[Number - 1];
        double variance = x.MeanSquare / (1 - Rate) - x.Mean * x.Mean;
        return new Moments(x.Mean, variance, x.OffsetVariance, x.SharedVariance);
    }

    /// <summary>The gradient is masked and scaled like the values: a factor of mean 1 and mean square 1 / (1 − rate).</summary>
    public override void Backpropagate(MeanField field, GradientMoments preActivationGradient) =>
        field.AddOutputGradient(Number - 1, preActivationGradient.ThroughFactor(1, 1 / (1 - Rate), Output.Features));
}

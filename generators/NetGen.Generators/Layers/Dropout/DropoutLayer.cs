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

    public override LayerWriter CreateWriter(NetworkModel network) => new DropoutWriter(network, this);

    /// <summary>In training mode (the prediction is for training): the mean is kept and E[z²] = E[x²] / (1 − rate).</summary>
    public override Moments PreActivation(MeanField field)
    {
        Moments x = field.Outputs[Number - 1];
        return new Moments(x.Mean, x.MeanSquare / (1 - Rate) - x.Mean * x.Mean);
    }

    /// <summary>The gradient is masked and scaled like the values: E[dx²] = E[dz²] / (1 − rate).</summary>
    public override void Backpropagate(MeanField field, double preActivationGradient) =>
        field.OutputGradients[Number - 1] += preActivationGradient / (1 - Rate);
}

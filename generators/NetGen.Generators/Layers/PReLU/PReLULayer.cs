using NetGen.Generators.Emit;
using NetGen.Generators.Gradients;
using NetGen.Generators.Model;

namespace NetGen.Generators.Layers.PReLU;

/// <summary>
/// A parametric ReLU of the previous layer's outputs, <c>a = x &gt; 0 ? x : slope·x</c>, with learned slopes (the
/// "weights"): one per feature, or one shared. Its output array is both its z and its a.
/// </summary>
internal sealed record PReLULayer(int Number, Shape Input, bool SharedSlope, double InitialSlope) : Layer(Number, Input, Input)
{
    public override LayerKind Kind => LayerKind.PReLU;

    public override long LongWeightCount => SharedSlope ? 1 : Output.Size;

    public override string TypeDescription => SharedSlope ? "PReLU(shared)" : "PReLU";

    public override string ActivationDescription => "PReLU";

    public override string WeightInitDescription => $"Constant({InitialSlope.ToString("R", System.Globalization.CultureInfo.InvariantCulture)})";

    public override LayerWriter CreateWriter(NetworkModel network) => new PReLUWriter(network, this);

    /// <summary>At initialization the layer is a LeakyReLU with the initial slope.</summary>
    public override ActivationFunction MeanFieldActivation => new(ActivationKind.LeakyReLU, InitialSlope);

    /// <summary>The model's z is the layer's input x.</summary>
    public override Moments PreActivation(MeanField field) => field.Outputs[Number - 1];

    public override void Backpropagate(MeanField field, GradientMoments preActivationGradient) =>
        field.AddOutputGradient(Number - 1, preActivationGradient);
}

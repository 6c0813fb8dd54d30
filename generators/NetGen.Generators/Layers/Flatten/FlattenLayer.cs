using NetGen.Generators.Emit;
using NetGen.Generators.Gradients;
using NetGen.Generators.Model;

namespace NetGen.Generators.Layers.Flatten;

/// <summary>
/// An image (or a sequence) read as one vector of its values in memory order: for an image channel after channel, each
/// row after row (NCHW, PyTorch's <c>nn.Flatten</c>). The values do not change: forward and backward are copies.
/// </summary>
internal sealed record FlattenLayer(int Number, Shape Input) : Layer(Number, Input, new Shape((int)System.Math.Min(int.MaxValue, Input.LongSize)))
{
    public override LayerKind Kind => LayerKind.Flatten;

    public override string ActivationDescription => "-";

    public override bool Accepts(Shape input) => !input.IsVector;

    public override (string Takes, string Fix) AcceptedInput => ("an image or a sequence", "remove it: its input is already a vector");

    public override LayerWriter CreateWriter(NetworkModel network) => new FlattenWriter(network, this);

    /// <summary>The identity: the input's moments, its units' offsets and shared shift included.</summary>
    public override Moments PreActivation(MeanField field) => field.Outputs[Number - 1];

    /// <summary>The identity: the gradient passes unchanged.</summary>
    public override void Backpropagate(MeanField field, GradientMoments preActivationGradient) =>
        field.AddOutputGradient(Number - 1, preActivationGradient);
}

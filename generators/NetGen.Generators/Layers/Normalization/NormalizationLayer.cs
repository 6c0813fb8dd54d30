using System;
using NetGen.Generators.Emit;
using NetGen.Generators.Gradients;
using NetGen.Generators.Model;

namespace NetGen.Generators.Layers.Normalization;

/// <summary>
/// A normalization of the previous layer's outputs, <c>a = activation(γ·x̂ + β)</c> with <c>x̂ = (x − μ) / √(σ² + ε)</c>:
/// learned scales γ (the "weights", starting at 1) and shifts β (the "biases", starting at 0), one per feature.
/// </summary>
internal abstract record NormalizationLayer(int Number, Shape Input, ActivationFunction LayerActivation, double Epsilon)
    : Layer(Number, Input, Input)
{
    public override ActivationFunction Activation => LayerActivation;

    public override long LongWeightCount => Output.Size;

    public override long LongBiasCount => Output.Size;

    public override string WeightInitDescription => "Constant(1)";

    public override string BiasInitDescription => "Zeros";

    public override LayerWriter CreateWriter(NetworkModel network) => new NormalizationWriter(network, this);

    /// <summary>x̂ has mean 0 and variance 1 whatever x's; with γ = 1 and β = 0, so has z.</summary>
    public override Moments PreActivation(MeanField field) => new(0, 1);

    /// <summary>Dividing by σ divides the gradient by it: E[(∂loss/∂x)²] ≈ E[(∂loss/∂z)²] / Var(x).</summary>
    public override void Backpropagate(MeanField field, double preActivationGradient) =>
        field.OutputGradients[Number - 1] += preActivationGradient / Math.Max(field.Outputs[Number - 1].Variance, 1e-12);
}

/// <summary>Batch normalization: μ and σ² of each feature over the batch in training mode, running statistics in inference mode.</summary>
/// <param name="Momentum">The weight of a batch in the running statistics.</param>
internal sealed record BatchNormLayer(int Number, Shape Input, ActivationFunction LayerActivation, double Epsilon, double Momentum)
    : NormalizationLayer(Number, Input, LayerActivation, Epsilon)
{
    public override LayerKind Kind => LayerKind.BatchNorm;

    /// <summary>The running mean, then the running variance.</summary>
    public override int StateCount => 2 * Output.Size;
}

/// <summary>Layer normalization: μ and σ² of each sample over its features, the same in both modes.</summary>
internal sealed record LayerNormLayer(int Number, Shape Input, ActivationFunction LayerActivation, double Epsilon)
    : NormalizationLayer(Number, Input, LayerActivation, Epsilon)
{
    public override LayerKind Kind => LayerKind.LayerNorm;
}

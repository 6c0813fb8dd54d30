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

    /// <summary>How many features are normalized, each with its own γ and β: the features, or an image's channels.</summary>
    public virtual int Features => Output.Size;

    public override long LongWeightCount => Features;

    public override long LongBiasCount => Features;

    public override string WeightInitDescription => "Constant(1)";

    public override string BiasInitDescription => "Zeros";

    public override LayerWriter CreateWriter(NetworkModel network) => new NormalizationWriter(network, this);
}

/// <summary>Batch normalization: μ and σ² of each feature over the batch in training mode, running statistics in inference mode.</summary>
/// <param name="Momentum">The weight of a batch in the running statistics.</param>
internal sealed record BatchNormLayer(int Number, Shape Input, ActivationFunction LayerActivation, double Epsilon, double Momentum)
    : NormalizationLayer(Number, Input, LayerActivation, Epsilon)
{
    public override LayerKind Kind => LayerKind.BatchNorm;

    /// <summary>On an image, one mean and variance per channel over the batch and the pixels (PyTorch's <c>BatchNorm2d</c>).</summary>
    public override int Features => Input.IsImage ? Input.Channels : Output.Size;

    public override bool Accepts(Shape input) => !input.IsSequence;

    public override (string Takes, string Fix) AcceptedInput =>
        ("a vector or an image", "put it after a recurrent layer that returns its last state (ReturnSequences = false)");

    public override string TypeDescription => Input.IsImage ? "BatchNorm(channels)" : "BatchNorm";

    /// <summary>
    /// How many values of one sample each feature's mean and variance are taken over in training mode: an image's pixels
    /// (PyTorch's <c>BatchNorm2d</c> counts batch × height × width, so one sample of two pixels or more is enough), 1 for a vector.
    /// </summary>
    public int ValuesPerSample => Input.IsImage ? Input.Pixels : 1;

    /// <summary>The running mean, then the running variance.</summary>
    public override int StateCount => 2 * Features;

    /// <summary>
    /// Each unit is normalized over the batch: every unit's z has mean 0 and variance 1, no unit an offset; a shift that
    /// the units of a sample share stays, as a share of the within-unit variance. On an image the units are the channels,
    /// each over the batch and its pixels: a convolution's offsets are per channel (its filter and bias), so the same rule.
    /// </summary>
    public override Moments PreActivation(MeanField field)
    {
        Moments x = field.Outputs[Number - 1];
        double within = x.WithinUnitVariance + Epsilon;
        return new Moments(0, 1, 0, Math.Min(1, x.SharedVariance / within));
    }

    /// <summary>
    /// ∂loss/∂x = (dz − mean_batch(dz) − x̂·mean_batch(dz·x̂)) / √(σ² + ε), σ² the variance of the unit over the batch: the
    /// within-unit variance of x, not its variance over units and samples, which also holds the units' offsets (Yang et
    /// al. 2019: behind a dense layer fed by ReLU that is the gain π/(π − 1) per layer). That is the large-batch limit:
    /// the declaration does not know the batch size, and smaller batches grow the gradient faster (docs/gradient-analysis.md).
    /// </summary>
    public override void Backpropagate(MeanField field, GradientMoments preActivationGradient) =>
        field.AddOutputGradient(Number - 1, preActivationGradient.Times(1 / (field.Outputs[Number - 1].WithinUnitVariance + Epsilon)));
}

/// <summary>Layer normalization: μ and σ² of each sample over its features, the same in both modes.</summary>
internal sealed record LayerNormLayer(int Number, Shape Input, ActivationFunction LayerActivation, double Epsilon)
    : NormalizationLayer(Number, Input, LayerActivation, Epsilon)
{
    public override LayerKind Kind => LayerKind.LayerNorm;

    /// <summary>
    /// Each sample is normalized over its units: a shift shared by the units of a sample goes, the rest (the units' offsets
    /// and the independent part) is divided by its variance, so the offsets stay as a share of it.
    /// </summary>
    public override Moments PreActivation(MeanField field)
    {
        Moments x = field.Outputs[Number - 1];
        double acrossUnits = AcrossUnitsVariance(x);
        return new Moments(0, 1, acrossUnits > 0 ? Math.Min(1, x.OffsetVariance / acrossUnits) : 0);
    }

    /// <summary>The variance of x over the units of one sample: without the samples' shared shift.</summary>
    private static double AcrossUnitsVariance(Moments x) => Math.Max(0, x.Variance - x.SharedVariance);

    /// <summary>
    /// ∂loss/∂x = (dz − mean_units(dz) − x̂·mean_units(dz·x̂)) / √(σ² + ε) per sample: the common mode goes (E[dx²] loses
    /// E[c²]), and so does dz's component along x̂ (about E[dz²]/units); what is left is divided by σ² + ε, σ² x's variance
    /// over units (<see cref="AcrossUnitsVariance"/>).
    /// </summary>
    public override void Backpropagate(MeanField field, GradientMoments preActivationGradient)
    {
        double kept = preActivationGradient.MeanSquare * (1 - 1.0 / Output.Size) - preActivationGradient.CommonModeSquare;
        double meanSquare = Math.Max(0, kept) / (AcrossUnitsVariance(field.Outputs[Number - 1]) + Epsilon);
        field.AddOutputGradient(Number - 1, new GradientMoments(meanSquare, 0));
    }
}

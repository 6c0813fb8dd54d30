using NetGen.Generators.Emit;
using NetGen.Generators.Gradients;
using NetGen.Generators.Model;

namespace NetGen.Generators.Layers.Residual;

/// <summary>
/// The end of a residual block: <c>a = activation(branch + skip)</c>, the branch being the layer before it and the skip
/// layer <see cref="SkipFrom"/>'s output, or <c>P·skip</c> with a learned projection P (no bias, Glorot uniform) when the
/// branch changes the shape.
/// </summary>
/// <param name="Input">The skip's shape.</param>
/// <param name="Output">The branch's shape, and the block's.</param>
/// <param name="SkipFrom">The layer whose output the block adds (0: the network's inputs).</param>
internal sealed record ResidualLayer(int Number, Shape Input, Shape Output, ActivationFunction LayerActivation, int SkipFrom)
    : Layer(Number, Input, Output)
{
    /// <summary>How the projection is drawn.</summary>
    public static Initializer ProjectionInit { get; } = new FanInitializer(InitKind.GlorotUniform);

    public override LayerKind Kind => LayerKind.Residual;

    public override ActivationFunction Activation => LayerActivation;

    public bool HasProjection => Input != Output;

    public override int InputFrom => SkipFrom;

    /// <summary>
    /// Vectors, with or without a projection; or an image whose shape the branch keeps (an identity skip around
    /// convolutions): a projection over images would be a 1×1 convolution, which is not generated yet.
    /// </summary>
    public override bool Accepts(Shape input) => input.IsVector ? Output.IsVector : input.IsImage && input == Output;

    public override (string Takes, string Fix) AcceptedInput => Input.IsImage || Output.IsImage
        ? ("a vector, or an image whose shape (channels x height x width) the branch keeps",
           $"the branch gives {Output}: keep the filters and the size in the branch (Padding = Padding.Same, stride 1), or flatten before the block; a projection skip over images (a 1x1 convolution) is not supported yet")
        : base.AcceptedInput;

    public override long LongWeightCount => HasProjection ? (long)Input.Size * Output.Size : 0;

    public override string TypeDescription
    {
        get
        {
            string skip = SkipFrom == 0 ? "inputs" : "Layer" + SkipFrom;
            return HasProjection ? $"Residual(+P·{skip})" : $"Residual(+{skip})";
        }
    }

    public override string WeightInitDescription => HasProjection ? ProjectionInit.ToString() : "-";

    public override LayerWriter CreateWriter(NetworkModel network) => new ResidualWriter(network, this);

    /// <summary>The gain of the skip on E[x²]: 1 for the identity, fan_in·E[P²] for a projection.</summary>
    private double SkipGain(int factor) => HasProjection ? factor * ProjectionInit.SecondMoment(Input.Size, Output.Size) : 1;

    /// <summary>
    /// The sum of two independent terms: means add, and so do variances. A projection's zero-mean weights take the skip's
    /// mean away: P·skip has mean 0 and variance fan_in·E[P²]·E[skip²].
    /// </summary>
    public override Moments PreActivation(MeanField field)
    {
        Moments branch = field.Outputs[Number - 1], skip = field.Outputs[SkipFrom];
        if (!HasProjection)
        {
            return new Moments(branch.Mean + skip.Mean, branch.Variance + skip.Variance, branch.OffsetVariance + skip.OffsetVariance,
                branch.SharedVariance + skip.SharedVariance);
        }
        double projected = skip.MeanSquare * SkipGain(Input.Size);
        double projectedWithinUnit = skip.WithinUnitVariance * SkipGain(Input.Size);
        return new Moments(branch.Mean, branch.Variance + projected, branch.OffsetVariance + projected - projectedWithinUnit, branch.SharedVariance);
    }

    /// <summary>The gradient flows unchanged into the branch, and into the skip (through Pᵀ when projected); the two paths add.</summary>
    public override void Backpropagate(MeanField field, GradientMoments preActivationGradient)
    {
        field.AddOutputGradient(Number - 1, preActivationGradient);
        if (!HasProjection)
        {
            field.AddOutputGradient(SkipFrom, preActivationGradient);
            return;
        }
        double projected = SkipGain(Output.Size) * preActivationGradient.MeanSquare;
        field.AddOutputGradient(SkipFrom, new GradientMoments(projected, projected / Input.Size));
    }
}

using System;
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
    /// mean away: P·skip has mean 0 and variance fan_in·E[P²]·E[skip²]. An identity skip's sum is not normal: the block
    /// also sets the law of its output (<see cref="UnitValueLaw"/>), which the model takes the output's moments from.
    /// </summary>
    public override Moments PreActivation(MeanField field)
    {
        Moments branch = field.Outputs[Number - 1], skip = field.Outputs[SkipFrom];
        if (!HasProjection)
        {
            field.OutputLaws[Number] = SkipSourceLaw(field)?.Through(MeanFieldActivation, branch);
            return new Moments(branch.Mean + skip.Mean, branch.Variance + skip.Variance, branch.OffsetVariance + skip.OffsetVariance,
                branch.SharedVariance + skip.SharedVariance);
        }
        double projected = skip.MeanSquare * SkipGain(Input.Size);
        double projectedWithinUnit = skip.WithinUnitVariance * SkipGain(Input.Size);
        return new Moments(branch.Mean, branch.Variance + projected, branch.OffsetVariance + projected - projectedWithinUnit, branch.SharedVariance);
    }

    /// <summary>
    /// The gradient flows unchanged into the branch, and into the skip (through Pᵀ when projected); the two paths add. An
    /// identity skip keeps the unit: where this block and the skip's source end in ReLU, the masks along the skip are
    /// correlated, and the skip's part is followed as a function of the unit's value (<see cref="SkipPathGradient"/>).
    /// </summary>
    public override void Backpropagate(MeanField field, GradientMoments preActivationGradient)
    {
        field.AddOutputGradient(Number - 1, preActivationGradient);
        if (!HasProjection)
        {
            field.AddOutputGradient(SkipFrom, IdentitySkipGradient(field, preActivationGradient));
            return;
        }
        double projected = SkipGain(Output.Size) * preActivationGradient.MeanSquare;
        field.AddOutputGradient(SkipFrom, new GradientMoments(projected, projected / Input.Size));
    }

    /// <summary>
    /// The law of the skip's source value, where the chain follows it (<see cref="UnitValueLaw"/>): this block and the
    /// source end in ReLU or the identity (the network's inputs are taken as they are). Null otherwise.
    /// </summary>
    private UnitValueLaw? SkipSourceLaw(MeanField field)
    {
        ActivationFunction? source = SkipFrom == 0 ? null : field.Activations[SkipFrom];
        if (!UnitValueLaw.Follows(MeanFieldActivation) || !UnitValueLaw.Follows(source))
        {
            return null;
        }
        return field.OutputLaws[SkipFrom] ?? UnitValueLaw.OfNormal(source, SkipFrom == 0 ? field.Outputs[0] : field.PreActivations[SkipFrom]);
    }

    /// <summary>What the identity skip adds to its source's output gradient: <paramref name="preActivationGradient"/> scaled to the skip path's part.</summary>
    private GradientMoments IdentitySkipGradient(MeanField field, GradientMoments preActivationGradient)
    {
        double total = field.OutputGradient(Number).MeanSquare;
        if (SkipSourceLaw(field) is not UnitValueLaw source || !(preActivationGradient.MeanSquare > 0) || !(total > 0) || double.IsInfinity(total))
        {
            return preActivationGradient;
        }
        // This block's output gradient as a function of the unit's value: the next block's skip part, plus the rest alike for every unit.
        SkipPathGradient? next = field.SkipPaths[Number];
        double rest = next is null ? total : Math.Max(0, total - next.Effective);
        Func<double, double> u = next is null ? _ => total : x => rest + next.At(x);
        SkipPathGradient? skip = SkipPathGradient.Through(MeanFieldActivation, field.Outputs[Number - 1], u, source);
        if (skip is null)
        {
            return preActivationGradient;
        }
        field.SkipPaths[SkipFrom] = skip;
        return preActivationGradient.Times(skip.Effective / preActivationGradient.MeanSquare);
    }
}

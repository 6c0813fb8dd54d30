using System;
using NetGen.Generators.Emit;
using NetGen.Generators.Gradients;
using NetGen.Generators.Layers.Convolution;
using NetGen.Generators.Model;

namespace NetGen.Generators.Layers.Residual;

/// <summary>
/// The end of a residual block: <c>a = activation(branch + skip)</c>, the branch being the layer before it and the skip
/// layer <see cref="SkipFrom"/>'s output, or a learned projection of it when the branch changes the shape (no bias, Glorot
/// uniform): <c>P·skip</c> over vectors, a 1×1 convolution of stride <see cref="ProjectionStride"/> over images
/// (<see cref="ImageProjection"/>).
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

    /// <summary>Whether the projection is a 1×1 convolution over images (else a matrix over vectors, when there is one).</summary>
    public bool ProjectsImages => HasProjection && Input.IsImage;

    /// <summary>The image projection's stride (1 when it keeps the size, or when there is none).</summary>
    public int ProjectionStride => ProjectsImages ? ImageProjection.Stride(Input, Output) ?? 1 : 1;

    /// <summary>
    /// The projection's fans: (C_in, C_out) for a 1×1 convolution (PyTorch's and Keras's C·k² with k = 1), else the two
    /// widths.
    /// </summary>
    public (int FanIn, int FanOut) ProjectionFans => ProjectsImages ? (Input.Channels, Output.Channels) : (Input.Size, Output.Size);

    public override int InputFrom => SkipFrom;

    /// <summary>Vectors, with or without a projection; or an image whose shape the branch keeps or a strided 1×1 convolution gives.</summary>
    public override bool Accepts(Shape input) => input.IsVector
        ? Output.IsVector
        : input.IsImage && (input == Output || ImageProjection.Stride(input, Output) is not null);

    public override (string Takes, string Fix) AcceptedInput => Input.IsImage || Output.IsImage
        ? ("a vector, or an image of the branch's shape or of one a 1x1 convolution (the skip's projection) takes to it", ImageFix)
        : base.AcceptedInput;

    /// <summary>What the branch gives, and what would fit.</summary>
    private string ImageFix
    {
        get
        {
            string branch = $"the branch (layer {Number - 1}) gives";
            if (!Input.IsImage)
            {
                return $"{branch} {Shapes.Describe(Output)}: end the branch with [Flatten] or [GlobalAveragePool]";
            }
            if (!Output.IsImage)
            {
                return $"{branch} {Shapes.Describe(Output)}, not an image: end the branch with a convolution or pooling, or flatten before the block";
            }
            return $"{branch} {Output}, but a 1x1 convolution of stride s takes {Input.Height}x{Input.Width} only to " +
                   $"{ImageProjection.Sizes(Input.Height, Input.Width)}; make the branch give one of these sizes (a convolution with an odd kernel k, " +
                   "PaddingSize = (k - 1)/2 and Stride = s does), or flatten before the block";
        }
    }

    public override long LongWeightCount => !HasProjection ? 0
        : ProjectsImages ? (long)Input.Channels * Output.Channels
        : (long)Input.Size * Output.Size;

    public override string TypeDescription
    {
        get
        {
            string skip = SkipFrom == 0 ? "inputs" : "Layer" + SkipFrom;
            string projection = !HasProjection ? ""
                : ProjectsImages ? (ProjectionStride > 1 ? $"Conv1x1/{ProjectionStride}·" : "Conv1x1·")
                : "P·";
            return $"Residual(+{projection}{skip})";
        }
    }

    public override string WeightInitDescription => HasProjection ? ProjectionInit.ToString() : "-";

    public override LayerWriter CreateWriter(NetworkModel network) => new ResidualWriter(network, this);

    /// <summary>The gain of the projection on E[x²] summed over <paramref name="terms"/> products: terms·E[P²].</summary>
    private double ProjectionGain(int terms) => terms * ProjectionInit.SecondMoment(ProjectionFans.FanIn, ProjectionFans.FanOut);

    /// <summary>
    /// The sum of two independent terms: means add, and so do variances. A projection's zero-mean weights take the skip's
    /// mean away: P·skip has mean 0 and variance fan_in·E[P²]·E[skip²], fan_in being the width over vectors and C_in over
    /// images (an output pixel of a 1×1 convolution is a dense unit over the C_in channels of one skip pixel; the pixels the
    /// stride skips change none of these moments, which are the same at every pixel). An identity skip's sum is not normal:
    /// the block also sets the law of its output (<see cref="UnitValueLaw"/>), which the model takes the output's moments from.
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
        double gain = ProjectionGain(ProjectionFans.FanIn);
        double projected = skip.MeanSquare * gain;
        double projectedWithinUnit = skip.WithinUnitVariance * gain;
        return new Moments(branch.Mean, branch.Variance + projected, branch.OffsetVariance + projected - projectedWithinUnit, branch.SharedVariance);
    }

    /// <summary>
    /// The gradient flows unchanged into the branch, and into the skip (through Pᵀ when projected); the two paths add. Over
    /// vectors Pᵀ gives each skip unit E[dx²] = C_out·E[P²]·E[dz²] with C_out the branch's width. Over images a skip pixel
    /// read by the 1×1 convolution gets the same from the C_out channels of its one output pixel, but the stride reads only
    /// H'·W' of the H·W pixels and the others get nothing: the mean square over the skip's pixels is that times the mean
    /// reads per pixel, H'·W'/(H·W) for a uniform dz (about 1/s²; <see cref="PixelProfile.Backward"/>, which weighs each read by
    /// its output pixel's share of dz and gives the skip's gradient its spread, zero at the pixels skipped). An identity skip
    /// keeps the unit: where this block and the skip's source end in ReLU, the masks along the skip are correlated, and the
    /// skip's part is followed as a function of the unit's value (<see cref="SkipPathGradient"/>).
    /// </summary>
    public override void Backpropagate(MeanField field, GradientMoments preActivationGradient)
    {
        field.AddOutputGradient(Number - 1, preActivationGradient);
        if (!HasProjection)
        {
            field.AddOutputGradient(SkipFrom, IdentitySkipGradient(field, preActivationGradient));
            return;
        }
        double reads = 1;
        if (ProjectsImages)
        {
            reads = field.ReadsPerInputPixel(Number, ImageProjection.Axis(Input.Height, ProjectionStride), ImageProjection.Axis(Input.Width, ProjectionStride));
        }
        double projected = ProjectionGain(ProjectionFans.FanOut) * reads * preActivationGradient.MeanSquare;
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

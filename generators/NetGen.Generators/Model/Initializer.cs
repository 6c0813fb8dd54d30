using System;
using System.Globalization;

namespace NetGen.Generators.Model;

/// <summary>
/// How a layer's weights or biases are drawn, with exactly the parameters its scheme has. The gradient model reads
/// <see cref="Mean"/> and <see cref="Variance"/>; the emitter writes <see cref="Call"/>.
/// </summary>
internal abstract record Initializer
{
    /// <summary>The mean of one drawn value, for a [<paramref name="fanOut"/>, <paramref name="fanIn"/>] matrix.</summary>
    public abstract double Mean(int fanIn, int fanOut);

    /// <summary>The variance of one drawn value, for a [<paramref name="fanOut"/>, <paramref name="fanIn"/>] matrix.</summary>
    public abstract double Variance(int fanIn, int fanOut);

    /// <summary>E[w²].</summary>
    public double SecondMoment(int fanIn, int fanOut) => Variance(fanIn, fanOut) + Mean(fanIn, fanOut) * Mean(fanIn, fanOut);

    /// <summary>The arguments of the <c>NetGen.Initializers</c> method that draws it, after the span (and before the random source, when it draws).</summary>
    public abstract string Arguments(int fanIn, int fanOut);

    /// <summary>Whether it draws from the network's random source.</summary>
    public virtual bool IsRandom => true;

    /// <summary>The shape of the distribution each value is drawn from independently; <see langword="null"/> for a constant or a matrix drawn as a whole.</summary>
    public virtual InitDistributionKind? DrawnFrom => null;

    /// <summary>The <c>NetGen.Initializers</c> method that draws it.</summary>
    public abstract string Method { get; }

    /// <summary>The generated statement that fills <paramref name="span"/>.</summary>
    public virtual string Call(string span, int fanIn, int fanOut)
    {
        string arguments = Arguments(fanIn, fanOut);
        string tail = (arguments.Length > 0 ? ", " + arguments : "") + (IsRandom ? ", random" : "");
        return $"global::NetGen.Initializers.{Method}({span}{tail});";
    }

    protected static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A double argument: <c>0.05</c>, <c>1</c>, <c>1E-05</c> (the rules keep NaN and infinities out).</summary>
    protected static string Literal(double value) => Number(value);
}

/// <summary>The schemes whose variance follows from the fans alone: Glorot, He, LeCun, the legacy uniform, N(0, 1).</summary>
internal sealed record FanInitializer(InitKind Kind) : Initializer
{
    public override double Mean(int fanIn, int fanOut) => 0;

    public override double Variance(int fanIn, int fanOut) => Kind switch
    {
        InitKind.GlorotUniform or InitKind.GlorotNormal => 2.0 / (fanIn + fanOut),
        InitKind.HeUniform or InitKind.HeNormal => 2.0 / fanIn,
        InitKind.LeCunNormal => 1.0 / fanIn,
        InitKind.LegacyUniform => 1.0 / (3.0 * fanIn),
        _ => 1.0, // StandardNormal
    };

    public override InitDistributionKind? DrawnFrom =>
        Kind is InitKind.GlorotUniform or InitKind.HeUniform or InitKind.LegacyUniform ? InitDistributionKind.Uniform : InitDistributionKind.Normal;

    public override string Method => Kind.ToString();

    public override string Arguments(int fanIn, int fanOut) => Kind switch
    {
        InitKind.GlorotUniform or InitKind.GlorotNormal => $"fanIn: {fanIn}, fanOut: {fanOut}",
        InitKind.StandardNormal => "",
        _ => $"fanIn: {fanIn}",
    };

    public override string ToString() => Kind.ToString();
}

/// <summary>Every value the same: <c>Zeros</c>, or <c>Constant(value)</c>.</summary>
internal sealed record ConstantInitializer(double Value) : Initializer
{
    public static ConstantInitializer Zeros { get; } = new(0.0);

    public static ConstantInitializer Ones { get; } = new(1.0);

    public override double Mean(int fanIn, int fanOut) => Value;

    public override double Variance(int fanIn, int fanOut) => 0;

    public override bool IsRandom => false;

    public override string Method => "Constant";

    public override string Arguments(int fanIn, int fanOut) => Literal(Value);

    public override string Call(string span, int fanIn, int fanOut) => Value == 0 ? span + ".Clear();" : base.Call(span, fanIn, fanOut);

    public override string ToString() => Value == 0 ? "Zeros" : $"Constant({Number(Value)})";
}

/// <summary>N(mean, sd²), or truncated at two standard deviations and drawn again beyond (Keras's <c>TruncatedNormal</c>).</summary>
internal sealed record NormalInitializer(double MeanValue, double StandardDeviation, bool Truncated) : Initializer
{
    /// <summary>The variance of a standard normal truncated to [−2, 2]: 1 − 4φ(2) / (2Φ(2) − 1).</summary>
    public const double TruncatedVarianceFactor = 0.77374130;

    public override double Mean(int fanIn, int fanOut) => MeanValue;

    public override double Variance(int fanIn, int fanOut) => StandardDeviation * StandardDeviation * (Truncated ? TruncatedVarianceFactor : 1.0);

    public override InitDistributionKind? DrawnFrom => Truncated ? InitDistributionKind.TruncatedNormal : InitDistributionKind.Normal;

    public override string Method => Truncated ? "TruncatedNormal" : "Normal";

    public override string Arguments(int fanIn, int fanOut) => $"mean: {Literal(MeanValue)}, standardDeviation: {Literal(StandardDeviation)}";

    public override string ToString() => $"{Method}({Number(MeanValue)}, {Number(StandardDeviation)})";
}

/// <summary>U(minimum, maximum).</summary>
internal sealed record UniformInitializer(double Minimum, double Maximum) : Initializer
{
    public override double Mean(int fanIn, int fanOut) => (Minimum + Maximum) / 2;

    public override double Variance(int fanIn, int fanOut) => (Maximum - Minimum) * (Maximum - Minimum) / 12;

    public override InitDistributionKind? DrawnFrom => InitDistributionKind.Uniform;

    public override string Method => "Uniform";

    public override string Arguments(int fanIn, int fanOut) => $"minimum: {Literal(Minimum)}, maximum: {Literal(Maximum)}";

    public override string ToString() => $"Uniform({Number(Minimum)}, {Number(Maximum)})";
}

/// <summary>Keras's <c>VarianceScaling</c>: variance scale / n, from the chosen distribution.</summary>
internal sealed record VarianceScalingInitializer(double Scale, FanModeKind FanMode, InitDistributionKind Distribution) : Initializer
{
    public override double Mean(int fanIn, int fanOut) => 0;

    public override double Variance(int fanIn, int fanOut) => Scale / FanMode switch
    {
        FanModeKind.FanOut => fanOut,
        FanModeKind.FanAverage => (fanIn + fanOut) / 2.0,
        _ => fanIn,
    };

    public override InitDistributionKind? DrawnFrom => Distribution;

    public override string Method => "VarianceScaling";

    public override string Arguments(int fanIn, int fanOut) =>
        $"scale: {Literal(Scale)}, global::NetGen.FanMode.{FanMode}, global::NetGen.InitDistribution.{Distribution}, fanIn: {fanIn}, fanOut: {fanOut}";

    public override string ToString() => $"VarianceScaling({Number(Scale)}, {FanMode}, {Distribution})";
}

/// <summary>
/// A gain times an orthogonal matrix (orthonormal rows, or columns) or the identity. Either way the squares of the
/// [units, inputs] matrix add up to gain²·min(units, inputs).
/// </summary>
internal sealed record MatrixInitializer(InitKind Kind, double Gain) : Initializer
{
    public override double Mean(int fanIn, int fanOut) => Kind == InitKind.Identity ? Gain * Math.Min(fanIn, fanOut) / ((double)fanIn * fanOut) : 0;

    public override double Variance(int fanIn, int fanOut) =>
        Gain * Gain * Math.Min(fanIn, fanOut) / ((double)fanIn * fanOut) - Mean(fanIn, fanOut) * Mean(fanIn, fanOut);

    public override bool IsRandom => Kind == InitKind.Orthogonal;

    public override string Method => Kind.ToString();

    public override string Arguments(int fanIn, int fanOut) => $"rows: {fanOut}, columns: {fanIn}, gain: {Literal(Gain)}";

    public override string ToString() => $"{Kind}({Number(Gain)})";
}

/// <summary>PyTorch's recurrent initialization, U(±1/√units) with the layer's hidden size, whatever the matrix.</summary>
internal sealed record HiddenSizeUniformInitializer(int Units) : Initializer
{
    private double Bound => 1 / Math.Sqrt(Units);

    public override double Mean(int fanIn, int fanOut) => 0;

    public override double Variance(int fanIn, int fanOut) => Bound * Bound / 3;

    public override InitDistributionKind? DrawnFrom => InitDistributionKind.Uniform;

    public override string Method => "HiddenSizeUniform";

    public override string Arguments(int fanIn, int fanOut) => $"units: {Units}";

    public override string ToString() => "HiddenSizeUniform";
}

/// <summary>
/// Delta-orthogonal (Xiao et al. 2018): a convolution's kernel zero but at its centre tap, where the [outputChannels,
/// inputChannels] matrix is orthogonal times the gain. Its squares add up to gain²·min(outputChannels, inputChannels) over
/// all outputChannels·inputChannels·kernel² weights, whatever fans it is asked about.
/// </summary>
internal sealed record DeltaOrthogonalInitializer(double Gain, int OutputChannels, int InputChannels, int KernelSize) : Initializer
{
    public override double Mean(int fanIn, int fanOut) => 0;

    public override double Variance(int fanIn, int fanOut) =>
        Gain * Gain * Math.Min(OutputChannels, InputChannels) / ((double)OutputChannels * InputChannels * KernelSize * KernelSize);

    public override string Method => "DeltaOrthogonal";

    public override string Arguments(int fanIn, int fanOut) =>
        $"outputChannels: {OutputChannels}, inputChannels: {InputChannels}, kernelHeight: {KernelSize}, kernelWidth: {KernelSize}, gain: {Literal(Gain)}";

    public override string ToString() => $"DeltaOrthogonal({Number(Gain)})";
}

/// <summary>
/// An initializer with its fans fixed, whatever matrix it is asked about: a convolution's kernel (fan_in = C_in·k²,
/// fan_out = C_out·k²) seen by the gradient model as a dense layer of other sizes (see <c>Conv2DLayer</c>).
/// </summary>
internal sealed record FixedFansInitializer(Initializer Drawn, int FanIn, int FanOut) : Initializer
{
    public override double Mean(int fanIn, int fanOut) => Drawn.Mean(FanIn, FanOut);

    public override double Variance(int fanIn, int fanOut) => Drawn.Variance(FanIn, FanOut);

    public override bool IsRandom => Drawn.IsRandom;

    public override InitDistributionKind? DrawnFrom => Drawn.DrawnFrom;

    public override string Method => Drawn.Method;

    public override string Arguments(int fanIn, int fanOut) => Drawn.Arguments(FanIn, FanOut);

    public override string Call(string span, int fanIn, int fanOut) => Drawn.Call(span, FanIn, FanOut);

    public override string ToString() => Drawn.ToString();
}

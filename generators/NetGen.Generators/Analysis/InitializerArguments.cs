using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using NetGen.Generators.Model;
using static NetGen.Generators.Diagnostics.DiagnosticDescriptors;

namespace NetGen.Generators.Analysis;

/// <summary>
/// An initializer as written on a layer attribute: the scheme (<c>Init</c>, <c>BiasInit</c>) and the arguments named after
/// it (<c>InitMean</c>, <c>BiasInitMinimum</c>, …). Biases take only the schemes that need no matrix.
/// </summary>
internal sealed class InitializerArguments
{
    // The defaults of the DSL attributes, as documented on them (a test ties them together).
    public const double DefaultStandardDeviation = 0.05;
    public const double DefaultMinimum = -0.05;
    public const double DefaultMaximum = 0.05;
    public const double DefaultScale = 1.0;
    public const double DefaultGain = 1.0;

    private static readonly InitKind[] MatrixSchemes = { InitKind.VarianceScaling, InitKind.Orthogonal, InitKind.Identity, InitKind.DeltaOrthogonal };

    private readonly string _prefix;
    private readonly int? _hiddenSize;
    private readonly bool _isKernel;

    /// <param name="hiddenSize">A recurrent layer's units, for <see cref="InitKind.HiddenSizeUniform"/>; null elsewhere, where that scheme is refused.</param>
    /// <param name="isKernel">Whether it fills a convolution's kernel, which takes <see cref="InitKind.DeltaOrthogonal"/> and not <see cref="InitKind.Identity"/>.</param>
    public InitializerArguments(AttributeArguments arguments, string prefix, InitKind defaultKind, bool isMatrix, int? hiddenSize = null, bool isKernel = false)
    {
        _prefix = prefix;
        _hiddenSize = hiddenSize;
        _isKernel = isKernel;
        IsMatrix = isMatrix;
        Kind = arguments.NamedEnum(prefix, defaultKind);
        Value = arguments.Named(prefix + "Value", 0.0);
        Mean = arguments.Named(prefix + "Mean", 0.0);
        StandardDeviation = arguments.Named(prefix + "StandardDeviation", DefaultStandardDeviation);
        Minimum = arguments.Named(prefix + "Minimum", DefaultMinimum);
        Maximum = arguments.Named(prefix + "Maximum", DefaultMaximum);
        if (isMatrix)
        {
            Scale = arguments.Named(prefix + "Scale", DefaultScale);
            FanMode = arguments.NamedEnum(prefix + "FanMode", FanModeKind.FanIn);
            Distribution = arguments.NamedEnum(prefix + "Distribution", InitDistributionKind.TruncatedNormal);
            Gain = arguments.Named(prefix + "Gain", DefaultGain);
        }
    }

    /// <summary>Whether it fills a weight matrix (all schemes) rather than a bias vector.</summary>
    public bool IsMatrix { get; }

    public Argument<InitKind> Kind { get; }

    public Argument<double> Value { get; }

    public Argument<double> Mean { get; }

    public Argument<double> StandardDeviation { get; }

    public Argument<double> Minimum { get; }

    public Argument<double> Maximum { get; }

    public Argument<double> Scale { get; }

    public Argument<FanModeKind> FanMode { get; }

    public Argument<InitDistributionKind> Distribution { get; }

    public Argument<double> Gain { get; }

    public Initializer ToInitializer() => Kind.Value switch
    {
        InitKind.Zeros => ConstantInitializer.Zeros,
        InitKind.Constant => new ConstantInitializer(Value.Value),
        InitKind.Normal or InitKind.TruncatedNormal => new NormalInitializer(Mean.Value, StandardDeviation.Value, Kind.Value == InitKind.TruncatedNormal),
        InitKind.Uniform => new UniformInitializer(Minimum.Value, Maximum.Value),
        InitKind.VarianceScaling => new VarianceScalingInitializer(Scale.Value, FanMode.Value, Distribution.Value),
        InitKind.Orthogonal or InitKind.Identity => new MatrixInitializer(Kind.Value, Gain.Value),
        // Only a convolution takes it, and builds it with its channels (Conv2DDeclaration); elsewhere NG0014 refuses it.
        InitKind.DeltaOrthogonal => new MatrixInitializer(InitKind.Orthogonal, Gain.Value),
        InitKind.HiddenSizeUniform => new HiddenSizeUniformInitializer(System.Math.Max(1, _hiddenSize ?? 1)),
        _ => new FanInitializer(Kind.Value),
    };

    public void Check(AttributeData attribute, string layerName, PrecisionKind precision, List<DeclarationProblem> problems)
    {
        ArgumentRules.Defined(Kind, attribute, $"{_prefix} of {layerName}", problems);
        InitKind kind = Kind.Value;
        if (!IsMatrix && MatrixSchemes.Contains(kind))
        {
            problems.Add(new DeclarationProblem(ArgumentOutOfRange, attribute, Kind.Name, $"{_prefix} of {layerName}", kind.ToString(),
                "a scheme for a vector (Zeros, Constant, Normal, TruncatedNormal, Uniform, or one of the fan-based ones): " +
                "VarianceScaling, Orthogonal, Identity and DeltaOrthogonal need a weight matrix"));
        }
        if (kind == InitKind.HiddenSizeUniform && _hiddenSize is null)
        {
            problems.Add(new DeclarationProblem(ArgumentOutOfRange, attribute, Kind.Name, $"{_prefix} of {layerName}", kind.ToString(),
                "a scheme of a dense layer's: HiddenSizeUniform is PyTorch's initialization of recurrent layers (U(±1/√units) with their hidden size), " +
                "for [SimpleRNN], [LSTM] and [GRU] only; LegacyUniform is nn.Linear's U(±1/√fan_in)"));
        }
        if (kind == InitKind.DeltaOrthogonal && IsMatrix && !_isKernel)
        {
            problems.Add(new DeclarationProblem(ArgumentOutOfRange, attribute, Kind.Name, $"{_prefix} of {layerName}", kind.ToString(),
                "a scheme for a weight matrix: DeltaOrthogonal sets a convolution's kernel (its centre tap), for [Conv2D] only; Orthogonal is its dense counterpart"));
        }
        if (kind == InitKind.Identity && _isKernel)
        {
            problems.Add(new DeclarationProblem(ArgumentOutOfRange, attribute, Kind.Name, $"{_prefix} of {layerName}", kind.ToString(),
                "a scheme for a convolution's kernel: Identity is a matrix's (PyTorch's eye_ refuses a 4-D kernel, Keras's Identity a non-2-D one); " +
                "DeltaOrthogonal puts an orthogonal matrix at the kernel's centre, Orthogonal draws the kernel as an orthogonal [filters, channels·k²] matrix"));
        }
        bool normal = kind is InitKind.Normal or InitKind.TruncatedNormal;
        Number(Value, kind == InitKind.Constant, "a finite number", _ => true, "Constant");
        Number(Mean, normal, "a finite number", _ => true, "Normal or TruncatedNormal");
        Number(StandardDeviation, normal, "a finite positive number", v => v > 0, "Normal or TruncatedNormal");
        Number(Minimum, kind == InitKind.Uniform, "a finite number", _ => true, "Uniform");
        Number(Maximum, kind == InitKind.Uniform, "a finite number", _ => true, "Uniform");
        if (kind == InitKind.Uniform && Minimum.Value >= Maximum.Value && ArgumentRules.IsFinite(Minimum.Value) && ArgumentRules.IsFinite(Maximum.Value))
        {
            problems.Add(new DeclarationProblem(ArgumentOutOfRange, attribute, Maximum.IsExplicit ? Maximum.Name : Minimum.Name,
                $"{Maximum.Name} of {layerName}", ArgumentRules.Format(Maximum.Value),
                $"greater than {Minimum.Name}, {ArgumentRules.Format(Minimum.Value)}"));
        }
        if (!IsMatrix)
        {
            return;
        }
        bool scaling = kind == InitKind.VarianceScaling;
        Number(Scale, scaling, "a finite positive number", v => v > 0, "VarianceScaling");
        Enum(FanMode, scaling);
        Enum(Distribution, scaling);
        Number(Gain, kind is InitKind.Orthogonal or InitKind.Identity or InitKind.DeltaOrthogonal, "a finite number", _ => true, _isKernel ? "Orthogonal or DeltaOrthogonal" : "Orthogonal or Identity");

        void Number(Argument<double> value, bool used, string range, System.Func<double, bool> isValid, string owner)
        {
            if (!value.IsExplicit)
            {
                return;
            }
            if (!used)
            {
                problems.Add(new DeclarationProblem(ArgumentIsIgnored, attribute, value.Name,
                    $"{value.Name} of {layerName}", $"its {_prefix} is {kind}, not {owner}", $"set {_prefix} = Init.{owner.Split(' ')[0]}"));
                return;
            }
            ArgumentRules.Number(value, attribute, $"{value.Name} of {layerName}", range, isValid, precision, problems);
        }

        void Enum<TEnum>(Argument<TEnum> value, bool used) where TEnum : struct, System.Enum
        {
            if (!value.IsExplicit)
            {
                return;
            }
            if (!used)
            {
                problems.Add(new DeclarationProblem(ArgumentIsIgnored, attribute, value.Name,
                    $"{value.Name} of {layerName}", $"its {_prefix} is {kind}, not VarianceScaling", $"set {_prefix} = Init.VarianceScaling"));
                return;
            }
            ArgumentRules.Defined(value, attribute, $"{value.Name} of {layerName}", problems);
        }
    }
}

using Microsoft.CodeAnalysis;
using NetGen.Generators.Tests.Infrastructure;

namespace NetGen.Generators.Tests;

/// <summary>
/// The causes an independent fuzzer found of generator and analyzer exceptions and of generated code that did not
/// compile: each must end in a working network or in an NG error on the argument at fault.
/// </summary>
public class FuzzFindingsTests
{
    public static TheoryData<string, string, string> Refused => new()
    {
        { "NestedRepeatsOfIntMaxValue", "[Network(Inputs = 2)] [Repeat(int.MaxValue)] [Repeat(int.MaxValue)] [Dense(4, Repeat = int.MaxValue)] [EndRepeat] [EndRepeat] [Dense(1)] public partial class Model;", "NG0016" },
        { "ResidualRepeatOfIntMaxValueAroundRepeat", "[Network(Inputs = 4)] [Residual(Repeat = int.MaxValue)] [Dense(4, Repeat = int.MaxValue)] [EndResidual] [Dense(1)] public partial class Model;", "NG0016" },
        { "NegativeSlopeOverflowsFloat", "[Network(Inputs = 2)] [Dense(4, Activation.LeakyReLU, NegativeSlope = 1e39)] [Dense(1)] public partial class Model;", "NG0014" },
        { "EpsilonOverflowsFloat", "[Network(Inputs = 2)] [Dense(4)] [BatchNorm(Epsilon = 1e39)] [Dense(1)] public partial class Model;", "NG0014" },
        { "EpsilonRoundsToZeroInFloat", "[Network(Inputs = 2)] [Dense(4)] [LayerNorm(Epsilon = 1e-50)] [Dense(1)] public partial class Model;", "NG0014" },
        { "ConstantOverflowsFloat", "[Network(Inputs = 2)] [Dense(4, Init = Init.Constant, InitValue = 1e39)] [Dense(1)] public partial class Model;", "NG0014" },
        { "ConstantIsNaN", "[Network(Inputs = 2)] [Dense(4, Init = Init.Constant, InitValue = double.NaN)] [Dense(1)] public partial class Model;", "NG0014" },
        { "NormalWithNegativeDeviation", "[Network(Inputs = 2)] [Dense(4, Init = Init.Normal, InitStandardDeviation = -1)] [Dense(1)] public partial class Model;", "NG0014" },
        { "UniformWithEmptyRange", "[Network(Inputs = 2)] [Dense(4, Init = Init.Uniform, InitMinimum = 1, InitMaximum = 1)] [Dense(1)] public partial class Model;", "NG0014" },
        { "OrthogonalBiases", "[Network(Inputs = 2)] [Dense(4, BiasInit = Init.Orthogonal)] [Dense(1)] public partial class Model;", "NG0014" },
        { "DropoutRateOne", "[Network(Inputs = 2)] [Dense(4)] [Dropout(1)] [Dense(1)] public partial class Model;", "NG0014" },
        { "ClassNamedSummary", "[Network(Inputs = 2)] [Dense(1)] public partial class Summary;", "NG0007" },
        { "ClassNamedLoss", "[Network(Inputs = 2)] [Dense(1)] public partial class Loss;", "NG0007" },
        { "ClassNamedParameters", "[Network(Inputs = 2)] [Dense(1)] public partial class Parameters;", "NG0007" },
        { "ClassNamedLikeALayerMember", "[Network(Inputs = 2)] [Dense(1)] public partial class Layer1Weights;", "NG0007" },
        { "AbstractClass", "[Network(Inputs = 2)] [Dense(1)] public abstract partial class Model;", "NG0004" },
        { "PrimaryConstructor", "[Network(Inputs = 2)] [Dense(1)] public partial class Model(int size);", "NG0004" },
        { "UnclosedRepeat", "[Network(Inputs = 2)] [Repeat(2)] [Dense(1)] public partial class Model;", "NG0026" },
        { "EndRepeatAlone", "[Network(Inputs = 2)] [Dense(4)] [EndRepeat] [Dense(1)] public partial class Model;", "NG0027" },
        { "EmptyRepeat", "[Network(Inputs = 2)] [Repeat(2)] [EndRepeat] [Dense(1)] public partial class Model;", "NG0028" },
        { "RepeatCountZero", "[Network(Inputs = 2)] [Repeat(0)] [Dense(4)] [EndRepeat] [Dense(1)] public partial class Model;", "NG0010" },
        { "OutputIsDropout", "[Network(Inputs = 2)] [Dense(4)] [Dropout(0.5)] public partial class Model;", "NG0024" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Refused_WithTheRuleAtFault_AndNothingGenerated(string name, string declaration, string id)
    {
        Compilation compilation = Compilations.Create("using NetGen;\n" + declaration);

        var (result, _, driverDiagnostics) = Compilations.RunGenerator(compilation);

        Assert.True(result.Exception is null, $"{name}: the generator threw {result.Exception}");
        Assert.DoesNotContain(driverDiagnostics, d => d.Id is "CS8784" or "CS8785");
        Assert.Empty(result.GeneratedSources);
        var diagnostics = Compilations.RunAllAnalyzers(compilation);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        Assert.Contains(diagnostics, d => d.Id == id);
    }

    public static TheoryData<string, string> Generated => new()
    {
        { "KeywordNamespace", "namespace @int; [Network(Inputs = 2)] [Dense(1)] public partial class Model;" },
        { "KeywordClassName", "[Network(Inputs = 2)] [Dense(1)] public partial class @class;" },
        { "ClassNamedVar", "[Network(Inputs = 2)] [Dense(1)] public partial class var;" },
        { "ClassNamedNameof", "[Network(Inputs = 2)] [Dense(1)] public partial class nameof;" },
        { "PredictionOverflows", "[Network(Inputs = 256, Loss = Loss.SoftmaxCrossEntropy)] [Dense(256, Activation.ReLU, Init = Init.StandardNormal, Repeat = 150)] [Dense(10)] public partial class Model;" },
        { "IgnoredNaNConstant", "[Network(Inputs = 2)] [Dense(4, InitValue = double.NaN)] [Dense(1)] public partial class Model;" },
        { "HugeSlopeInDouble", "[Network(Inputs = 2, Precision = Precision.Double)] [Dense(4, Activation.LeakyReLU, NegativeSlope = 1e39)] [Dense(1)] public partial class Model;" },
        { "EveryNewKind", "[Network(Inputs = 6, Loss = Loss.SoftmaxCrossEntropy)] [Repeat(2)] [Dense(8, UseBias = false, Init = Init.Orthogonal, InitGain = 2)] [BatchNorm] [PReLU] [Dropout(0.25)] [EndRepeat] [Dense(3)] public partial class Model;" },
        { "DropoutFirst", "[Network(Inputs = 6)] [Dropout(0.5)] [PReLU(SharedSlope = true)] [Dense(3, Init = Init.Identity)] public partial class Model;" },
    };

    [Theory]
    [MemberData(nameof(Generated))]
    public void Generated_CodeCompiles_WithoutAnyNetGenError(string name, string declaration)
    {
        Compilation compilation = Compilations.Create("using NetGen;\n" + declaration);

        var (result, output, driverDiagnostics) = Compilations.RunGenerator(compilation);

        Assert.True(result.Exception is null, $"{name}: the generator threw {result.Exception}");
        Assert.Empty(driverDiagnostics);
        Assert.Single(result.GeneratedSources);
        var errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, $"{name}: the generated code does not compile: {Compilations.Describe(errors)}");
        var diagnostics = Compilations.RunAllAnalyzers(compilation);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001" || (d.Id.StartsWith("NG", StringComparison.Ordinal) && d.Severity == DiagnosticSeverity.Error));
    }
}

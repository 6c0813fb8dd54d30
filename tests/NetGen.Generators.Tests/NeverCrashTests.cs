using Microsoft.CodeAnalysis;
using NetGen.Generators.Tests.Infrastructure;

namespace NetGen.Generators.Tests;

/// <summary>
/// Half-typed and broken declarations, as an IDE sees them on every keystroke: neither the generator nor the analyzer
/// may throw, and the generator emits nothing for a declaration that is not valid.
/// </summary>
public class NeverCrashTests
{
    public static TheoryData<string, string> BrokenSources => new()
    {
        { "EmptyInputs", "[Network(Inputs = )] [Dense(1)] public partial class Model;" },
        { "UnclosedDense", "[Network(Inputs = 2)] [Dense(] public partial class Model;" },
        { "DanglingEnumMember", "[Network(Inputs = 2)] [Dense(10, Activation.)] public partial class Model;" },
        { "StringUnits", "[Network(Inputs = 2)] [Dense(\"x\")] public partial class Model;" },
        { "OnAStruct", "[Network(Inputs = 2)] [Dense(1)] public partial struct Model;" },
        { "OnAnInterface", "[Network(Inputs = 2)] [Dense(1)] public partial interface Model;" },
        { "OnARecordStruct", "[Network(Inputs = 2)] [Dense(1)] public partial record struct Model;" },
        { "OnAnEnum", "[Network(Inputs = 2)] [Dense(1)] public enum Model { A }" },
        { "UnknownNamedArgument", "[Network(Inputs = 2, Layers = 3)] [Dense(1)] public partial class Model;" },
        { "UnknownDenseArgument", "[Network(Inputs = 2)] [Dense(1, Dropout = 0.5)] public partial class Model;" },
        { "TooManyPositionalArguments", "[Network(Inputs = 2)] [Dense(1, Activation.ReLU, 3)] public partial class Model;" },
        { "DuplicateNetwork", "[Network(Inputs = 2)] [Network(Inputs = 3)] [Dense(1)] public partial class Model;" },
        { "NonConstantUnits", "[Network(Inputs = 2)] [Dense(System.Environment.ProcessorCount)] public partial class Model;" },
        { "RepeatIntMaxValue", "[Network(Inputs = 2)] [Dense(4, Repeat = int.MaxValue)] public partial class Model;" },
        { "TwoRepeatsOfIntMaxValue", "[Network(Inputs = 2)] [Dense(4, Repeat = int.MaxValue)] [Dense(1, Repeat = int.MaxValue)] public partial class Model;" },
        { "UnitsIntMaxValue", "[Network(Inputs = 2)] [Dense(int.MaxValue)] public partial class Model;" },
        { "HugeRepeatedUnits", "[Network(Inputs = 1)] [Dense(int.MaxValue, Repeat = 1000)] public partial class Model;" },
        { "InputsIntMaxValue", "[Network(Inputs = int.MaxValue)] [Dense(int.MaxValue)] public partial class Model;" },
        { "NegativeEverything", "[Network(Inputs = int.MinValue, Loss = (Loss)int.MinValue, Precision = (Precision)7)] [Dense(int.MinValue, (Activation)(-1), Repeat = int.MinValue, Init = (Init)99)] public partial class Model;" },
        { "OnlyAnOpenNetworkAttribute", "[Network(" },
        { "OnlyAnOpenBracket", "[" },
        { "NetworkOnAMethod", "public partial class Model { [Network(Inputs = 2)] [Dense(1)] void M() { } }" },
        { "NotPartialWithErrors", "[Network(Inputs = 0)] [Dense(0, (Activation)9)] class Model;" },
        { "GenericNested", "partial class Outer<T> { [Network(Inputs = 2)] [Dense(1)] partial class Model<U>; }" },
        { "InfiniteAlpha", "[Network(Inputs = 2)] [Dense(1, Activation.ELU, Alpha = double.PositiveInfinity)] public partial class Model;" },
        { "SoftmaxEverywhere", "[Network(Inputs = 2, Loss = Loss.SigmoidCrossEntropy)] [Dense(1, Activation.Softmax, Repeat = 2)] public partial class Model;" },
    };

    [Theory]
    [MemberData(nameof(BrokenSources))]
    public void BrokenDeclaration_NeitherThrowsNorGenerates(string name, string declaration)
    {
        Compilation compilation = Compilations.Create("using NetGen;\n" + declaration);

        var (result, output, driverDiagnostics) = Compilations.RunGenerator(compilation);

        Assert.True(result.Exception is null, $"{name}: the generator threw {result.Exception}");
        Assert.DoesNotContain(driverDiagnostics, d => d.Id is "CS8784" or "CS8785");
        Assert.DoesNotContain(output.GetDiagnostics(), d => d.Id is "CS8784" or "CS8785");
        Assert.Empty(result.GeneratedSources);

        var analyzerDiagnostics = Compilations.RunAnalyzer(compilation);
        Assert.True(!analyzerDiagnostics.Any(d => d.Id == "AD0001"), $"{name}: the analyzer threw: {Compilations.Describe(analyzerDiagnostics)}");
    }

    [Fact]
    public void MissingClassBody_StillGenerates_BecauseTheDeclarationIsComplete()
    {
        // The attributes and the class header are complete and valid; only the body is still being typed. Generating
        // keeps the IDE from flickering between "generated" and "not generated" while the user types the braces.
        Compilation compilation = Compilations.Create("using NetGen;\n[Network(Inputs = 2)] [Dense(1)] public partial class Model");

        var (result, _, driverDiagnostics) = Compilations.RunGenerator(compilation);

        Assert.Null(result.Exception);
        Assert.Empty(driverDiagnostics);
        Assert.Equal(["Model.g.cs"], result.GeneratedSources.Select(s => s.HintName));
        Assert.Empty(Compilations.RunAnalyzer(compilation));
    }

    [Fact]
    public void FiveThousandLayers_NeitherThrowsNorGenerates()
    {
        string layers = string.Concat(Enumerable.Repeat("[Dense(2, Activation.Tanh)]\n", 5000));
        Compilation compilation = Compilations.Create("using NetGen;\n[Network(Inputs = 2)]\n" + layers + "public partial class Model;");

        var (result, _, driverDiagnostics) = Compilations.RunGenerator(compilation);

        Assert.Null(result.Exception);
        Assert.Empty(driverDiagnostics);
        Assert.Empty(result.GeneratedSources);
        var analyzerDiagnostics = Compilations.RunAnalyzer(compilation);
        Assert.Equal(["NG0016"], analyzerDiagnostics.Select(d => d.Id));
    }

    [Fact]
    public void InvalidNetwork_IsSkipped_WhileValidNetworksAreGenerated()
    {
        Compilation compilation = Compilations.Create("""
            using NetGen;

            namespace Samples;

            [Network(Inputs = 2)]
            [Dense(4, Activation.ReLU)]
            [Dense(1)]
            public partial class Valid;

            [Network(Inputs = 2, Loss = Loss.SoftmaxCrossEntropy)]
            [Dense(1)]
            public partial class LossDoesNotFit;

            [Network(Inputs = 2)]
            [Dense(0)]
            public partial class ZeroUnits;

            [Network(Inputs = 3, Loss = Loss.BinaryCrossEntropy)]
            [Dense(2, Activation.Sigmoid)]
            public partial class AlsoValid;
            """);

        var (result, output, _) = Compilations.RunGenerator(compilation);

        Assert.Null(result.Exception);
        Assert.Equal(
            ["Samples.AlsoValid.g.cs", "Samples.Valid.g.cs"],
            result.GeneratedSources.Select(s => s.HintName).OrderBy(h => h, StringComparer.Ordinal));
        Assert.Equal(["NG0010", "NG0012"], Compilations.RunAnalyzer(compilation).Select(d => d.Id).OrderBy(id => id, StringComparer.Ordinal));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void WarningOnly_StillGenerates()
    {
        Compilation compilation = Compilations.Create("""
            using NetGen;

            [Network(Inputs = 2)]
            [Dense(1, Alpha = 2)]
            public partial class Model;
            """);

        var (result, _, _) = Compilations.RunGenerator(compilation);

        Assert.Single(result.GeneratedSources);
        Assert.Equal(["NG0013"], Compilations.RunAnalyzer(compilation).Select(d => d.Id));
    }
}

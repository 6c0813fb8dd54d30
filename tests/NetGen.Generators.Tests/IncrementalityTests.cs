using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NetGen.Generators.Tests.Infrastructure;

namespace NetGen.Generators.Tests;

/// <summary>
/// The pipeline caches: an edit that does not touch a network leaves every tracked step Cached or Unchanged, an edit
/// of a declaration modifies it, and no step output keeps anything from the compilation.
/// </summary>
public class IncrementalityTests
{
    private static readonly string[] TrackedSteps = [TrackingNames.NetworkModels, TrackingNames.ValidNetworkModels];

    private const string Network = """
        using NetGen;

        namespace Samples;

        [Network(Inputs = 784, Loss = Loss.SoftmaxCrossEntropy)]
        [Dense(128, Activation.ReLU, Init = Init.HeNormal)]
        [Dense(10)]
        public partial class Digits;
        """;

    private const string Unrelated = """
        namespace Samples;

        public static class Helpers
        {
            public static int Twice(int x) => 2 * x;
        }
        """;

    [Fact]
    public void AddingAnUnrelatedFile_KeepsEveryStepCached()
    {
        CSharpCompilation compilation = Compilations.Create(Network);
        CSharpCompilation edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(Unrelated, Compilations.ParseOptions, path: "Unrelated.cs"));

        AssertCached(RunTwice(compilation, edited));
    }

    [Fact]
    public void EditingAnUnrelatedFile_KeepsEveryStepCached()
    {
        CSharpCompilation compilation = Compilations.Create(Network, Unrelated);
        SyntaxTree unrelated = compilation.SyntaxTrees.Single(t => t.ToString().Contains("Twice", StringComparison.Ordinal));
        SyntaxTree changed = unrelated.WithChangedText(unrelated.GetText().Replace(unrelated.ToString().IndexOf("2 * x", StringComparison.Ordinal), 5, "x + x"));

        AssertCached(RunTwice(compilation, compilation.ReplaceSyntaxTree(unrelated, changed)));
    }

    private const string EveryKind = """
        using NetGen;

        namespace Samples;

        [Network(Inputs = 20, Loss = Loss.SoftmaxCrossEntropy)]
        [Dense(16, Init = Init.Normal, InitStandardDeviation = 0.02, UseBias = false)]
        [Repeat(2)]
        [BatchNorm]
        [PReLU(SharedSlope = true)]
        [Residual]
        [Dense(8, Init = Init.Orthogonal, InitGain = 2)]
        [LayerNorm]
        [EndResidual]
        [EndRepeat]
        [Dropout(0.5)]
        [Dense(4, Init = Init.VarianceScaling, InitFanMode = FanMode.FanAverage)]
        public partial class Families;
        """;

    [Fact]
    public void EditingAnUnrelatedFile_KeepsTheModelOfEveryLayerKindCached()
    {
        CSharpCompilation compilation = Compilations.Create(EveryKind, Unrelated);
        SyntaxTree unrelated = compilation.SyntaxTrees.Single(t => t.ToString().Contains("Twice", StringComparison.Ordinal));
        SyntaxTree changed = unrelated.WithChangedText(unrelated.GetText().Replace(unrelated.ToString().IndexOf("2 * x", StringComparison.Ordinal), 5, "x + x"));

        AssertCached(RunTwice(compilation, compilation.ReplaceSyntaxTree(unrelated, changed)));
    }

    private const string Convolutional = """
        using NetGen;

        namespace Samples;

        [Network(Channels = 3, Height = 8, Width = 8, Loss = Loss.SoftmaxCrossEntropy)]
        [Conv2D(4, 3, Padding = Padding.Same, Init = Init.DeltaOrthogonal, InitGain = 2, UseBias = false)]
        [BatchNorm(Activation = Activation.ReLU)]
        [Residual]
        [Conv2D(4, 3, Activation.ReLU, PaddingSize = 1, Init = Init.Orthogonal)]
        [EndResidual]
        [MaxPool2D(2)]
        [AvgPool2D(2, Stride = 1)]
        [Conv2D(2, 2, Dilation = 2, Padding = Padding.Same)]
        [GlobalAveragePool]
        [Dense(3)]
        public partial class Images;
        """;

    [Fact]
    public void EditingAnUnrelatedFile_KeepsTheModelOfAConvolutionalNetworkCached()
    {
        CSharpCompilation compilation = Compilations.Create(Convolutional, Unrelated);
        SyntaxTree unrelated = compilation.SyntaxTrees.Single(t => t.ToString().Contains("Twice", StringComparison.Ordinal));
        SyntaxTree changed = unrelated.WithChangedText(unrelated.GetText().Replace(unrelated.ToString().IndexOf("2 * x", StringComparison.Ordinal), 5, "x + x"));

        AssertCached(RunTwice(compilation, compilation.ReplaceSyntaxTree(unrelated, changed)));
    }

    [Fact]
    public void ChangingAKernelSize_ModifiesTheModel()
    {
        CSharpCompilation compilation = Compilations.Create(Convolutional);
        SyntaxTree tree = compilation.SyntaxTrees.Single();
        SyntaxTree changed = tree.WithChangedText(tree.GetText().Replace(tree.ToString().IndexOf("Conv2D(2, 2,", StringComparison.Ordinal), 12, "Conv2D(2, 3,"));

        GeneratorRunResult result = RunTwice(compilation, compilation.ReplaceSyntaxTree(tree, changed));

        var reasons = result.TrackedSteps[TrackingNames.NetworkModels].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.Equal([IncrementalStepRunReason.Modified], reasons);
        Assert.Contains("kernelHeight: 3, kernelWidth: 3,", result.GeneratedSources.Single().SourceText.ToString().Split("Layer7Geometry = new(")[1], StringComparison.Ordinal);
    }

    [Fact]
    public void ChangingAnInitializerArgument_ModifiesTheModel()
    {
        CSharpCompilation compilation = Compilations.Create(EveryKind);
        SyntaxTree tree = compilation.SyntaxTrees.Single();
        SyntaxTree changed = tree.WithChangedText(tree.GetText().Replace(tree.ToString().IndexOf("InitGain = 2", StringComparison.Ordinal), 12, "InitGain = 3"));

        GeneratorRunResult result = RunTwice(compilation, compilation.ReplaceSyntaxTree(tree, changed));

        var reasons = result.TrackedSteps[TrackingNames.NetworkModels].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.Equal([IncrementalStepRunReason.Modified], reasons);
        Assert.Contains("gain: 3", result.GeneratedSources.Single().SourceText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AddingACommentToTheNetworkFile_KeepsTheSpecUnchanged()
    {
        CSharpCompilation compilation = Compilations.Create(Network);
        SyntaxTree tree = compilation.SyntaxTrees.Single();
        SyntaxTree changed = tree.WithChangedText(tree.GetText().Replace(0, 0, "// A comment.\n"));

        AssertCached(RunTwice(compilation, compilation.ReplaceSyntaxTree(tree, changed)));
    }

    [Fact]
    public void ChangingTheUnitsOfALayer_ModifiesTheSpec()
    {
        CSharpCompilation compilation = Compilations.Create(Network);
        SyntaxTree tree = compilation.SyntaxTrees.Single();
        SyntaxTree changed = tree.WithChangedText(tree.GetText().Replace(tree.ToString().IndexOf("128", StringComparison.Ordinal), 3, "64"));

        GeneratorRunResult result = RunTwice(compilation, compilation.ReplaceSyntaxTree(tree, changed));

        foreach (string step in TrackedSteps)
        {
            var reasons = result.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
            Assert.Equal([IncrementalStepRunReason.Modified], reasons);
        }
        Assert.Contains("64", result.GeneratedSources.Single().SourceText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void StepOutputs_HoldNothingFromTheCompilation()
    {
        CSharpCompilation compilation = Compilations.Create(Network, GeneratorSnapshotSources.Regression);
        GeneratorDriver driver = Compilations.CreateDriver(trackSteps: true).RunGenerators(compilation);
        GeneratorRunResult result = driver.GetRunResult().Results.Single();

        foreach (string step in TrackedSteps)
        {
            Assert.True(result.TrackedSteps.ContainsKey(step), $"The step {step} is not tracked.");
            foreach (IncrementalGeneratorRunStep run in result.TrackedSteps[step])
            {
                foreach ((object value, _) in run.Outputs)
                {
                    AssertHoldsNoCompilationObject(value, step, new HashSet<object>(ReferenceEqualityComparer.Instance));
                }
            }
        }
    }

    [Fact]
    public void ForbiddenObjectWalk_FindsASymbolInAModel()
    {
        // The walk itself is tested: a symbol hidden in a field of a field must be found.
        ISymbol symbol = Compilations.Create(Network).GetTypeByMetadataName("Samples.Digits")!;
        var holder = new { Inner = new { Items = new object[] { 1, symbol } } };

        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => AssertHoldsNoCompilationObject(holder, "test", new HashSet<object>(ReferenceEqualityComparer.Instance)));
    }

    /// <summary>Runs the driver on <paramref name="first"/>, then on <paramref name="second"/>; returns the second run.</summary>
    private static GeneratorRunResult RunTwice(Compilation first, Compilation second)
    {
        GeneratorDriver driver = Compilations.CreateDriver(trackSteps: true).RunGenerators(first);
        GeneratorRunResult firstResult = driver.GetRunResult().Results.Single();
        Assert.Null(firstResult.Exception);
        Assert.NotEmpty(firstResult.GeneratedSources);

        driver = driver.RunGenerators(second);
        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        Assert.Null(result.Exception);
        return result;
    }

    private static void AssertCached(GeneratorRunResult result)
    {
        foreach (string step in TrackedSteps)
        {
            Assert.True(result.TrackedSteps.ContainsKey(step), $"The step {step} is not tracked.");
            var outputs = result.TrackedSteps[step].SelectMany(s => s.Outputs).ToList();
            Assert.NotEmpty(outputs);
            Assert.All(outputs, output => Assert.True(
                output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                $"{step} produced a {output.Reason} output: {output.Value}"));
        }
        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
            output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    /// <summary>Fails when <paramref name="value"/> or anything reachable from its fields or items is tied to a compilation.</summary>
    private static void AssertHoldsNoCompilationObject(object? value, string path, HashSet<object> visited)
    {
        if (value is null || value is string || value is Type || value.GetType().IsPrimitive || value.GetType().IsEnum || value is decimal)
        {
            return;
        }
        Assert.False(
            value is ISymbol or SyntaxNode or SyntaxToken or SyntaxTree or Compilation or SemanticModel or Location or AttributeData or Diagnostic,
            $"{path} holds a {value.GetType().FullName}: a model must keep only values.");
        if (!value.GetType().IsValueType && !visited.Add(value))
        {
            return;
        }
        if (value is IEnumerable items)
        {
            int index = 0;
            foreach (object? item in items)
            {
                AssertHoldsNoCompilationObject(item, $"{path}[{index++}]", visited);
            }
        }
        for (Type? type = value.GetType(); type is not null; type = type.BaseType)
        {
            foreach (FieldInfo field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (field.FieldType.IsPointer || field.FieldType.IsByRefLike)
                {
                    continue;
                }
                AssertHoldsNoCompilationObject(field.GetValue(value), $"{path}.{field.Name}", visited);
            }
        }
    }
}

/// <summary>A second network for tests that need more than one.</summary>
internal static class GeneratorSnapshotSources
{
    public const string Regression = """
        using NetGen;

        namespace Samples.Regression;

        [Network(Inputs = 3, Precision = Precision.Double)]
        [Dense(16, Activation.ELU, Alpha = 0.5, Repeat = 2)]
        [Dense(1)]
        public partial class Regressor;
        """;
}

using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using NetGen.Generators;
using NetGen.Generators.Analyzers;

namespace NetGen.Benchmarks.Analyzers;

/// <summary>
/// The cost of one declaration as it grows: a network of <see cref="Layers"/> layers, written as that many attributes
/// (every layer kind in turn: Dense, BatchNorm, PReLU, Dropout, residual blocks) or as one <c>[Dense(..., Repeat = n)]</c>.
/// The generator (cold) and both analyzers; the cost should grow no faster than the layer count.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class DeclarationScalingBenchmarks
{
    private CSharpCompilation _compilation = null!;

    [Params(10, 100, 1000)]
    public int Layers { get; set; }

    [Params(false, true)]
    public bool Repeated { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _compilation = NetGenRoslyn.Compilation("Scaling", [CSharpSyntaxTree.ParseText(Declaration(Layers, Repeated), NetGenRoslyn.ParseOptions, path: "Network.cs")]);
        NetGenRoslyn.CreateDriver().RunGeneratorsAndUpdateCompilation(_compilation.Clone(), out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
        if (!diagnostics.IsEmpty || output.SyntaxTrees.Count() != 2 || RunNetGenAnalyzers().Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            throw new InvalidOperationException($"The {Layers}-layer declaration does not generate cleanly.");
        }
    }

    [Benchmark]
    public int GeneratorCold()
    {
        NetGenRoslyn.CreateDriver().RunGeneratorsAndUpdateCompilation(_compilation.Clone(), out Compilation output, out _);
        return output.SyntaxTrees.Count();
    }

    [Benchmark]
    public int Analyzers() => RunNetGenAnalyzers().Length;

    /// <summary>One network of <paramref name="layers"/> layers (the output layer included).</summary>
    public static string Declaration(int layers, bool repeated)
    {
        var text = new StringBuilder("using NetGen;\n\nnamespace Scaling;\n\n[Network(Inputs = 32, Loss = Loss.SoftmaxCrossEntropy)]\n");
        if (repeated)
        {
            text.Append(CultureInfo.InvariantCulture, $"[Dense(32, Activation.ReLU, Init = Init.HeNormal, Repeat = {layers - 1})]\n");
        }
        else
        {
            string[] cycle =
            [
                "[Dense(32, Activation.ReLU, Init = Init.HeNormal)]",
                "[Dense(32, UseBias = false, Init = Init.Orthogonal)]",
                "[BatchNorm]",
                "[PReLU]",
                "[Dropout(0.1)]",
                "[Residual] [Dense(32, Activation.ReLU, Init = Init.HeNormal)] [LayerNorm] [EndResidual]", // 3 layers
            ];
            int written = 0;
            for (int i = 0; written < layers - 1; i++)
            {
                string next = cycle[i % cycle.Length];
                int count = next.StartsWith("[Residual]", StringComparison.Ordinal) ? 3 : 1;
                if (written + count > layers - 1)
                {
                    next = cycle[0];
                    count = 1;
                }
                text.Append(next).Append('\n');
                written += count;
            }
        }
        return text.Append("[Dense(10)]\npublic partial class Deep;\n").ToString();
    }

    private ImmutableArray<Diagnostic> RunNetGenAnalyzers() => NetGenRoslyn.RunNetGenAnalyzers(_compilation.Clone());
}

using System.Collections.Immutable;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace NetGen.Benchmarks.Analyzers;

/// <summary>
/// The cost of a recurrent layer's prediction over time, as the user types: the generator (cold, which writes the horizon
/// column) and both analyzers (NG0110, NG0111) on one LSTM, chrono-initialized or not, over <see cref="Steps"/> steps. The
/// model computes at most 1,024 lags one by one, so the cost should not grow with the sequence past that.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class RecurrentSequenceBenchmarks
{
    private CSharpCompilation _compilation = null!;

    [Params(28, 1000, 100_000)]
    public int Steps { get; set; }

    [Params(false, true)]
    public bool Chrono { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        string chrono = Chrono ? string.Create(CultureInfo.InvariantCulture, $", ChronoMaxDependency = {Steps}") : "";
        string source = string.Create(CultureInfo.InvariantCulture,
            $"using NetGen;\n\nnamespace Sequences;\n\n[Network(Inputs = 28, Steps = {Steps}, Loss = Loss.SoftmaxCrossEntropy)]\n[LSTM(128{chrono})]\n[Dense(10)]\npublic partial class Reader;\n");
        _compilation = NetGenRoslyn.Compilation("Sequences", [CSharpSyntaxTree.ParseText(source, NetGenRoslyn.ParseOptions, path: "Network.cs")]);
        NetGenRoslyn.CreateDriver().RunGeneratorsAndUpdateCompilation(_compilation.Clone(), out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
        if (!diagnostics.IsEmpty || output.SyntaxTrees.Count() != 2 || NetGenRoslyn.RunNetGenAnalyzers(_compilation.Clone()).Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            throw new InvalidOperationException($"The {Steps}-step declaration does not generate cleanly.");
        }
    }

    [Benchmark]
    public int GeneratorCold()
    {
        NetGenRoslyn.CreateDriver().RunGeneratorsAndUpdateCompilation(_compilation.Clone(), out Compilation output, out _);
        return output.SyntaxTrees.Count();
    }

    [Benchmark]
    public int Analyzers() => NetGenRoslyn.RunNetGenAnalyzers(_compilation.Clone()).Length;
}

using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using NetGen.Generators;
using NetGen.Generators.Analyzers;

namespace NetGen.Benchmarks.Analyzers;

/// <summary>
/// What NetGen's generator and analyzers add to the build of a project of <see cref="Corpus.NetworkCount"/> networks.
/// Every benchmark starts from a fresh <see cref="Compilation.Clone"/> (no cached symbols or bound trees, as in a
/// command-line build); parsing is done once in the setup and not measured.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class AnalysisBenchmarks
{
    private CSharpCompilation _compilation = null!;
    private CSharpCompilation _edited = null!;
    private Compilation _generated = null!;
    private GeneratorDriver _warmDriver = null!;

    [GlobalSetup]
    public void Setup()
    {
        IReadOnlyList<(string Path, string Text)> files = Corpus.Files();
        _compilation = NetGenRoslyn.Compilation("Contoso", files.Select(f => CSharpSyntaxTree.ParseText(f.Text, NetGenRoslyn.ParseOptions, path: f.Path)));

        // The unrelated edit: a method added to one ordinary class.
        SyntaxTree service = _compilation.SyntaxTrees.Single(t => t.FilePath == "Services/Service07.cs");
        _edited = _compilation.ReplaceSyntaxTree(service, CSharpSyntaxTree.ParseText(
            Corpus.Ordinary(7, "    public int Count => _orders.Count;"), NetGenRoslyn.ParseOptions, path: service.FilePath));

        _warmDriver = CreateDriver().RunGeneratorsAndUpdateCompilation(_compilation.Clone(), out _generated, out ImmutableArray<Diagnostic> driverDiagnostics);
        GeneratorRunResult run = _warmDriver.GetRunResult().Results.Single();

        // The project must be what it claims: no errors before or after generation, one file per network,
        // and the gradient-health warnings present.
        Check(_compilation.Clone().GetDiagnostics(), "user code");
        Check(driverDiagnostics.AddRange(run.Diagnostics), "generator");
        Check(_generated.Clone().GetDiagnostics(), "user and generated code");
        if (run.GeneratedSources.Length != Corpus.NetworkCount)
        {
            throw new InvalidOperationException($"{run.GeneratedSources.Length} generated files, expected {Corpus.NetworkCount}");
        }
        ImmutableArray<Diagnostic> analyzerDiagnostics = RunNetGenAnalyzers();
        Check(analyzerDiagnostics, "analyzers");
        int lines = _compilation.SyntaxTrees.Sum(t => t.GetText().Lines.Count);
        int generatedLines = run.GeneratedSources.Sum(s => s.SourceText.Lines.Count);
        Console.WriteLine($"// Project: {_compilation.SyntaxTrees.Length} files, {lines} lines ({Corpus.NetworkCount} networks, {Corpus.OrdinaryCount} ordinary classes); " +
            $"generated: {run.GeneratedSources.Length} files, {generatedLines} lines; analyzer warnings: " +
            string.Join(", ", analyzerDiagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key).Select(g => $"{g.Key} x{g.Count()}")));
    }

    /// <summary>The compiler's own work on the user code: binding, flow analysis, declaration and method-body diagnostics.</summary>
    [Benchmark(Baseline = true)]
    public int Compile() => _compilation.Clone().GetDiagnostics().Length;

    /// <summary>A cold build: a fresh driver runs <see cref="NetworkGenerator"/> and adds the 200 generated files.</summary>
    [Benchmark]
    public int GeneratorCold()
    {
        CreateDriver().RunGeneratorsAndUpdateCompilation(_compilation.Clone(), out Compilation output, out _);
        return output.SyntaxTrees.Count();
    }

    /// <summary>The IDE case: the driver of the last run, again, after an edit of an ordinary class.</summary>
    [Benchmark]
    public int GeneratorIncremental()
    {
        _warmDriver.RunGeneratorsAndUpdateCompilation(_edited.Clone(), out Compilation output, out _);
        return output.SyntaxTrees.Count();
    }

    /// <summary>Both analyzers on the user code. Includes the compilation they observe (see <see cref="AnalyzerDriverOnly"/>).</summary>
    [Benchmark]
    public int Analyzers() => RunNetGenAnalyzers().Length;

    /// <summary>The control for <see cref="Analyzers"/>: the same analysis, with an analyzer that does nothing.</summary>
    [Benchmark]
    public int AnalyzerDriverOnly() => RunAnalyzers(_compilation.Clone(), new NoOpAnalyzer()).Length;

    /// <summary>The compile of the user code and the 200 generated files (compare with <see cref="Compile"/>).</summary>
    [Benchmark]
    public int CompileWithGenerated() => _generated.Clone().GetDiagnostics().Length;

    /// <summary>
    /// Everything a build does with NetGen: the generator, then the compile of user and generated code with both
    /// analyzers attached (compare with <see cref="Compile"/>).
    /// </summary>
    [Benchmark]
    public int FullBuild()
    {
        CreateDriver().RunGeneratorsAndUpdateCompilation(_compilation.Clone(), out Compilation output, out _);
        return output
            .WithAnalyzers([new NetworkDeclarationAnalyzer(), new GradientHealthAnalyzer()], NetGenRoslyn.Options())
            .GetAllDiagnosticsAsync().GetAwaiter().GetResult().Length;
    }

    private ImmutableArray<Diagnostic> RunNetGenAnalyzers() => NetGenRoslyn.RunNetGenAnalyzers(_compilation.Clone());

    private static ImmutableArray<Diagnostic> RunAnalyzers(Compilation compilation, params DiagnosticAnalyzer[] analyzers) =>
        NetGenRoslyn.RunAnalyzers(compilation, analyzers);

    private static CSharpGeneratorDriver CreateDriver() => NetGenRoslyn.CreateDriver();

    private static void Check(IEnumerable<Diagnostic> diagnostics, string what)
    {
        Diagnostic[] errors = [.. diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error || d.Id == "AD0001")];
        if (errors.Length > 0)
        {
            throw new InvalidOperationException($"{what}: {errors.Length} errors, first: {errors[0]}");
        }
    }
}

/// <summary>An analyzer that registers a named-type action and does nothing: the cost of the analyzer driver itself.</summary>
// A control instantiated by the benchmark, never loaded by a compiler: the rules for shipped analyzers do not apply.
#pragma warning disable RS1036, RS1041, RS2008
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NoOpAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Never = new(
        "BENCH0001", "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Never];

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSymbolAction(_ => { }, SymbolKind.NamedType);
    }
}
#pragma warning restore RS1036, RS1041, RS2008

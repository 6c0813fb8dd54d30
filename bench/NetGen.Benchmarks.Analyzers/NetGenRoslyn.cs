using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using NetGen.Generators;
using NetGen.Generators.Analyzers;

namespace NetGen.Benchmarks.Analyzers;

/// <summary>Roslyn driven in memory, as the benchmarks share it: the references, the generator driver and the analyzers.</summary>
internal static class NetGenRoslyn
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    /// <summary>.NET 10's reference assemblies and NetGen.dll.</summary>
    public static ImmutableArray<MetadataReference> References { get; } =
    [
        .. Basic.Reference.Assemblies.Net100.References.All,
        MetadataReference.CreateFromFile(typeof(NetGen.NetworkAttribute).Assembly.Location),
    ];

    public static CSharpCompilation Compilation(string name, IEnumerable<SyntaxTree> trees) => CSharpCompilation.Create(
        name, trees, References, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static CSharpGeneratorDriver CreateDriver() => CSharpGeneratorDriver.Create(
        [new NetworkGenerator().AsSourceGenerator()],
        parseOptions: ParseOptions,
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false));

    public static ImmutableArray<Diagnostic> RunNetGenAnalyzers(Compilation compilation) =>
        RunAnalyzers(compilation, new NetworkDeclarationAnalyzer(), new GradientHealthAnalyzer());

    public static ImmutableArray<Diagnostic> RunAnalyzers(Compilation compilation, params DiagnosticAnalyzer[] analyzers) =>
        compilation.WithAnalyzers([.. analyzers], Options()).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();

    public static CompilationWithAnalyzersOptions Options() => new(
        new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false);
}

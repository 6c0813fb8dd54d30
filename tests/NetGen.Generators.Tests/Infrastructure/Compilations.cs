using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using NetGen.Generators.Analyzers;

namespace NetGen.Generators.Tests.Infrastructure;

/// <summary>In-memory compilations against .NET 10 and the NetGen runtime, and helpers to run the generator and the analyzer on them.</summary>
public static class Compilations
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public static readonly ImmutableArray<MetadataReference> References =
    [
        .. Basic.Reference.Assemblies.Net100.References.All,
        MetadataReference.CreateFromFile(typeof(NetGen.NetworkAttribute).Assembly.Location),
    ];

    public static CSharpCompilation Create(params string[] sources) => CSharpCompilation.Create(
        "TestAssembly",
        sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, ParseOptions, path: $"Source{i}.cs")),
        References,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static CSharpGeneratorDriver CreateDriver(bool trackSteps = false) => CSharpGeneratorDriver.Create(
        [new NetworkGenerator().AsSourceGenerator()],
        parseOptions: ParseOptions,
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    /// <summary>Runs the generator; returns its result and the compilation with the generated files added.</summary>
    public static (GeneratorRunResult Result, Compilation Output, ImmutableArray<Diagnostic> DriverDiagnostics) RunGenerator(Compilation compilation)
    {
        GeneratorDriver driver = CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
        return (driver.GetRunResult().Results.Single(), output, diagnostics);
    }

    /// <summary>Runs <see cref="NetworkDeclarationAnalyzer"/>, including any analyzer exception (reported as AD0001).</summary>
    public static ImmutableArray<Diagnostic> RunAnalyzer(Compilation compilation) => RunAnalyzers(compilation, new NetworkDeclarationAnalyzer());

    /// <summary>Runs both of NetGen's analyzers, including any analyzer exception (reported as AD0001).</summary>
    public static ImmutableArray<Diagnostic> RunAllAnalyzers(Compilation compilation) =>
        RunAnalyzers(compilation, new NetworkDeclarationAnalyzer(), new GradientHealthAnalyzer());

    private static ImmutableArray<Diagnostic> RunAnalyzers(Compilation compilation, params Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer[] analyzers)
    {
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false);
        return compilation
            .WithAnalyzers([.. analyzers], options)
            .GetAllDiagnosticsAsync().GetAwaiter().GetResult()
            .Where(d => d.Id.StartsWith("NG", StringComparison.Ordinal) || d.Id == "AD0001")
            .ToImmutableArray();
    }

    /// <summary>The errors and warnings of a compilation, formatted for an assertion message.</summary>
    public static string Describe(IEnumerable<Diagnostic> diagnostics) =>
        string.Join(Environment.NewLine, diagnostics.Select(d => d.ToString()));
}

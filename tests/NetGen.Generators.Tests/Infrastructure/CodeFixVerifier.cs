using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using NetGen.Generators.Analyzers;

namespace NetGen.Generators.Tests.Infrastructure;

/// <summary>
/// Runs a NetGen code fix on markup sources (<c>{|NG0101:...|}</c>) against .NET 10 and the NetGen runtime (offline,
/// as <see cref="AnalyzerVerifier"/>). Both analyzers run on both states, so the fixed code must compile and carry no
/// NetGen diagnostic at all (none of the declaration rules, none of the gradient-health rules) unless the fixed
/// markup says so.
/// </summary>
public static class CodeFixVerifier
{
    private static readonly ReferenceAssemblies Net100 = new("net10.0");

    /// <summary>Applies the fix (the one with <paramref name="equivalenceKey"/> when given) once per diagnostic, then Fix All.</summary>
    public static Task VerifyAsync<TFix>(string source, string fixedSource, string? equivalenceKey = null, int? fixAllIterations = null)
        where TFix : CodeFixProvider, new()
    {
        var test = new Test<TFix>
        {
            TestCode = source,
            FixedCode = fixedSource,
            ReferenceAssemblies = Net100,
            CodeActionEquivalenceKey = equivalenceKey,
        };
        if (fixAllIterations is int iterations)
        {
            test.NumberOfFixAllIterations = iterations;
            test.NumberOfFixAllInDocumentIterations = iterations;
            test.NumberOfFixAllInProjectIterations = iterations;
        }
        test.TestState.AdditionalReferences.AddRange(Compilations.References); // .NET 10 and NetGen.dll
        test.SolutionTransforms.Add((solution, projectId) =>
            solution.WithProjectParseOptions(projectId, new CSharpParseOptions(LanguageVersion.Latest)));
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>The titles of the fixes <typeparamref name="TFix"/> offers for each NetGen diagnostic of <paramref name="source"/> (plain C#, no markup).</summary>
    public static async Task<ImmutableArray<string>> OfferedAsync<TFix>(string source)
        where TFix : CodeFixProvider, new()
    {
        using var workspace = new AdhocWorkspace();
        Project project = workspace.CurrentSolution
            .AddProject("Test", "Test", LanguageNames.CSharp)
            .WithParseOptions(Compilations.ParseOptions)
            .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary))
            .AddMetadataReferences(Compilations.References);
        Document document = project.AddDocument("Test.cs", SourceText.From(source));
        Compilation compilation = (await document.Project.GetCompilationAsync())!;
        ImmutableArray<Diagnostic> diagnostics = await compilation
            .WithAnalyzers([new GradientHealthAnalyzer()])
            .GetAnalyzerDiagnosticsAsync();
        var fix = new TFix();
        var titles = ImmutableArray.CreateBuilder<string>();
        foreach (Diagnostic diagnostic in diagnostics.Where(d => fix.FixableDiagnosticIds.Contains(d.Id)))
        {
            var context = new CodeFixContext(document, diagnostic, (action, _) => titles.Add(action.Title), CancellationToken.None);
            await fix.RegisterCodeFixesAsync(context);
        }
        return titles.ToImmutable();
    }

    private sealed class Test<TFix> : CSharpCodeFixTest<GradientHealthAnalyzer, TFix, DefaultVerifier>
        where TFix : CodeFixProvider, new()
    {
        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() =>
            [new GradientHealthAnalyzer(), new NetworkDeclarationAnalyzer()];
    }
}

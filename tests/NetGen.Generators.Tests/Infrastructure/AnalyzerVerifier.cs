using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using NetGen.Generators.Analyzers;

namespace NetGen.Generators.Tests.Infrastructure;

/// <summary>Runs NetGen's analyzers on markup sources (<c>{|NG0010:0|}</c>) against .NET 10 and the NetGen runtime.</summary>
public static class AnalyzerVerifier
{
    /// <summary>
    /// No package to resolve: the .NET 10 reference assemblies come from Basic.Reference.Assemblies.Net100 (see
    /// <see cref="Compilations.References"/>). The framework's own <c>ReferenceAssemblies.Net.Net100</c> asks NuGet for
    /// Microsoft.NETCore.App.Ref and fails here (KeyNotFoundException 'Microsoft.NETCore.App.Ref.10.0.1'), and would
    /// make the tests depend on the network.
    /// </summary>
    private static readonly ReferenceAssemblies Net100 = new("net10.0");

    public static Task VerifyAsync(string source, params DiagnosticResult[] expected) =>
        VerifyAsync<NetworkDeclarationAnalyzer>(source, editorConfig: null, expected);

    /// <summary>Runs <typeparamref name="TAnalyzer"/>, with an <c>.editorconfig</c> holding <paramref name="editorConfig"/> under <c>[*.cs]</c> when given.</summary>
    public static Task VerifyAsync<TAnalyzer>(string source, string? editorConfig, params DiagnosticResult[] expected)
        where TAnalyzer : Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer, new()
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
        {
            TestCode = source,
            ReferenceAssemblies = Net100,
        };
        if (editorConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\n" + editorConfig));
        }
        test.TestState.AdditionalReferences.AddRange(Compilations.References); // .NET 10 and NetGen.dll
        test.SolutionTransforms.Add((solution, projectId) =>
            solution.WithProjectParseOptions(projectId, new CSharpParseOptions(LanguageVersion.Latest)));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }
}

using Microsoft.CodeAnalysis;

namespace NetGen.Generators.Tests.Infrastructure;

/// <summary>
/// The contract every fuzzed declaration is held to: the generator and the analyzers never throw (no generator exception,
/// no CS8784/CS8785, no AD0001), and whatever is generated compiles when neither the compiler nor a rule objects.
/// </summary>
internal static class FuzzCheck
{
    public static void NeverCrashesAndCompilesWhenValid(string source)
    {
        Compilation compilation = Compilations.Create("using NetGen;\n" + source);

        var (result, output, driverDiagnostics) = Compilations.RunGenerator(compilation);
        Assert.True(result.Exception is null, $"generator threw on:\n{source}\n{result.Exception}");
        Assert.DoesNotContain(driverDiagnostics, d => d.Id is "CS8784" or "CS8785");

        var analyzerDiagnostics = Compilations.RunAllAnalyzers(compilation);
        Assert.True(analyzerDiagnostics.All(d => d.Id != "AD0001"), $"an analyzer threw on:\n{source}\n{Compilations.Describe(analyzerDiagnostics)}");

        bool declarationIsClean = !compilation.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error)
                                  && !analyzerDiagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
        if (declarationIsClean && result.GeneratedSources.Length > 0)
        {
            var errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(errors.Count == 0, $"generated code does not compile for:\n{source}\n{Compilations.Describe(errors)}");
        }
    }
}

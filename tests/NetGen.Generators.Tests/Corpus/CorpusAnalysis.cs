using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using NetGen.Generators.Tests.Infrastructure;
using NetGen.Tests.Corpus;

namespace NetGen.Generators.Tests.Corpus;

/// <summary>Runs NetGen's analyzers on each corpus entry's declaration, the file NetGen.Tests compiles and measures.</summary>
public static class CorpusAnalysis
{
    private static readonly Lazy<IReadOnlyList<CorpusVerdict>> Verdicts = new(() => [.. PublishedNetworks.All.Select(Analyze)]);

    /// <summary>Every entry's verdict, analyzed once per test run.</summary>
    public static IReadOnlyList<CorpusVerdict> All => Verdicts.Value;

    /// <summary>The declaration's source text, as embedded from <c>tests/NetGen.Tests/Corpus/Networks/{id}.cs</c>.</summary>
    public static string Declaration(string id)
    {
        using Stream? stream = typeof(CorpusAnalysis).Assembly.GetManifestResourceStream($"Corpus.Networks.{id}.cs");
        if (stream is null)
        {
            throw new InvalidOperationException($"no declaration Corpus/Networks/{id}.cs");
        }
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The ids of every embedded declaration.</summary>
    public static IEnumerable<string> DeclaredIds() => typeof(CorpusAnalysis).Assembly.GetManifestResourceNames()
        .Where(name => name.StartsWith("Corpus.Networks.", StringComparison.Ordinal))
        .Select(name => name["Corpus.Networks.".Length..^".cs".Length]);

    private static CorpusVerdict Analyze(PublishedNetwork entry)
    {
        Compilation compilation = Compilations.Create(Declaration(entry.Id));
        ImmutableArray<Diagnostic> errors = [.. compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error)];
        ImmutableArray<Diagnostic> diagnostics = Compilations.RunAllAnalyzers(compilation);
        if (!errors.IsEmpty || diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            // A declaration with an error is analyzed by no gradient rule: it would pass for healthy.
            throw new InvalidOperationException($"{entry.Id} does not compile:{Environment.NewLine}{Compilations.Describe(errors.AddRange(diagnostics))}");
        }
        return new CorpusVerdict(entry, [.. diagnostics.Where(d => d.Id.StartsWith("NG01", StringComparison.Ordinal))]);
    }
}

using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using NetGen.Generators.Analyzers;
using NetGen.Generators.Diagnostics;

namespace NetGen.Generators.Tests;

/// <summary>Every rule has a page in docs/rules, a help link to it, a line in the release tracking file, and is reported by the analyzer.</summary>
public class RuleDocumentationTests
{
    public static TheoryData<string> Ids => new(Descriptors().Select(d => d.Id));

    [Fact]
    public void EveryIdHasADescriptor()
    {
        string[] ids = typeof(DiagnosticIds).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (string)f.GetRawConstantValue()!).OrderBy(id => id, StringComparer.Ordinal).ToArray();

        Assert.Equal(ids, Descriptors().Select(d => d.Id).OrderBy(id => id, StringComparer.Ordinal));
    }

    [Fact]
    public void TheAnalyzersSupportEveryDescriptorOnce()
    {
        Assert.Equal(
            Descriptors().Select(d => d.Id).OrderBy(id => id, StringComparer.Ordinal),
            new NetworkDeclarationAnalyzer().SupportedDiagnostics.Concat(new GradientHealthAnalyzer().SupportedDiagnostics)
                .Select(d => d.Id).OrderBy(id => id, StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void RuleHasAPage(string id)
    {
        string page = Path.Combine(RepositoryRoot(), "docs", "rules", id + ".md");
        Assert.True(File.Exists(page), $"{id} has no page at {page}.");
        Assert.StartsWith($"# {id}:", File.ReadAllText(page), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void RuleHasAHelpLinkToItsPage(string id)
    {
        DiagnosticDescriptor descriptor = Descriptors().Single(d => d.Id == id);
        // The page in the NuGet global packages folder, netgen/{version}/docs/rules/{id}.md (README, "Rule pages"); the
        // package ships docs/rules there (FreshProjectTests finds each page in the packed and the restored package).
        Assert.Equal($"netgen/{NetGen.Generators.Emit.GeneratedCode.Version}/docs/rules/{id}.md", descriptor.HelpLinkUri);
        string inRepository = descriptor.HelpLinkUri.Substring(descriptor.HelpLinkUri.IndexOf("docs/rules/", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(RepositoryRoot(), inRepository)), $"{id}'s help link {descriptor.HelpLinkUri} names no page in docs/rules.");
        Assert.False(string.IsNullOrWhiteSpace(descriptor.Description.ToString(System.Globalization.CultureInfo.InvariantCulture)), $"{id} has no description.");
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void RuleIsInTheReleaseTrackingFile(string id)
    {
        DiagnosticDescriptor descriptor = Descriptors().Single(d => d.Id == id);
        string[] lines = File.ReadAllLines(Path.Combine(RepositoryRoot(), "generators", "NetGen.Generators", "AnalyzerReleases.Unshipped.md"));
        string? line = lines.SingleOrDefault(l => l.StartsWith(id + " ", StringComparison.Ordinal));

        Assert.NotNull(line);
        string[] cells = line.Split('|').Select(c => c.Trim()).ToArray();
        Assert.Equal(descriptor.Category, cells[1]);
        Assert.Equal(descriptor.DefaultSeverity.ToString(), cells[2]);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void PageStatesTheSeverity(string id)
    {
        DiagnosticDescriptor descriptor = Descriptors().Single(d => d.Id == id);
        string page = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "rules", id + ".md"));
        Assert.Contains($"Severity: {descriptor.DefaultSeverity}", page, StringComparison.Ordinal);
        Assert.Contains($"dotnet_diagnostic.{id}.severity", page, StringComparison.Ordinal);
    }

    /// <summary>Every code fix supports Fix All, and the page of every rule it fixes has a "Code fixes" section.</summary>
    [Fact]
    public void EveryFixedRuleDocumentsItsFixes()
    {
        Type[] providers = typeof(NetGen.CodeFixes.InitializerCodeFixProvider).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider).IsAssignableFrom(t)).ToArray();
        Assert.NotEmpty(providers);
        foreach (Type provider in providers)
        {
            var fix = (Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider)Activator.CreateInstance(provider)!;
            Assert.NotNull(fix.GetFixAllProvider());
            foreach (string id in fix.FixableDiagnosticIds)
            {
                string page = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "rules", id + ".md"));
                Assert.Contains("## Code fixes", page, StringComparison.Ordinal);
            }
        }
    }

    private static IEnumerable<DiagnosticDescriptor> Descriptors() => typeof(DiagnosticDescriptors)
        .GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(f => (DiagnosticDescriptor)f.GetValue(null)!);

    /// <summary>The folder of NetGen.sln, found by walking up from this source file.</summary>
    private static string RepositoryRoot([CallerFilePath] string file = "")
    {
        for (DirectoryInfo? directory = new FileInfo(file).Directory; directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "NetGen.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException($"No NetGen.sln above {file}.");
    }
}

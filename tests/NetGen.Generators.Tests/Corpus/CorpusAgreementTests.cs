using System.Globalization;
using Microsoft.CodeAnalysis;
using NetGen.Tests.Corpus;
using Xunit.Abstractions;

namespace NetGen.Generators.Tests.Corpus;

/// <summary>
/// NetGen's verdicts on the corpus of published networks against the sources' own verdicts: the table, the agreement,
/// and each deciding rule's precision and recall (mapping in <see cref="CorpusVerdict"/>).
/// </summary>
public class CorpusAgreementTests(ITestOutputHelper output)
{
    private const double RequiredAgreement = 0.90;

    [Fact]
    public void The_corpus_holds_at_least_40_networks_each_declared_once()
    {
        string[] ids = [.. PublishedNetworks.All.Select(e => e.Id)];
        Assert.True(ids.Length >= 40, $"{ids.Length} entries");
        Assert.Equal(ids.Length, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(ids.Order(StringComparer.Ordinal), CorpusAnalysis.DeclaredIds().Order(StringComparer.Ordinal));
        foreach (PublishedNetwork entry in PublishedNetworks.All)
        {
            Assert.Contains($"public partial class {entry.Id};", CorpusAnalysis.Declaration(entry.Id), StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(entry.Source), entry.Id);
            Assert.False(string.IsNullOrWhiteSpace(entry.Quote), entry.Id);
            Assert.Equal(entry.Verdict == PublishedVerdict.NotAGradientProblem, entry.Problem is not null);
        }
    }

    [Fact]
    public void Agreement_with_the_published_verdicts_is_at_least_90_percent()
    {
        IReadOnlyList<CorpusVerdict> verdicts = CorpusAnalysis.All;
        output.WriteLine("| id | source | published | NetGen's diagnostics | agree |");
        output.WriteLine("|---|---|---|---|---|");
        foreach (CorpusVerdict verdict in verdicts)
        {
            string published = verdict.Entry.Problem is { } problem ? $"{verdict.Entry.Verdict} ({problem})" : verdict.Entry.Verdict.ToString();
            output.WriteLine($"| {verdict.Entry.Id} | {verdict.Entry.Kind} | {published} | {verdict.DiagnosticSummary} | {(verdict.Agrees ? "yes" : "NO")} |");
        }

        int agreeing = verdicts.Count(v => v.Agrees);
        double agreement = (double)agreeing / verdicts.Count;
        output.WriteLine("");
        output.WriteLine(Invariant($"Agreement: {agreeing} of {verdicts.Count} ({agreement:P0})"));
        int ruleFires = verdicts.Count(v => v.PublishedRuleFires);
        int strictly = verdicts.Count(v => v.AgreesStrictly);
        output.WriteLine(Invariant($"(Strictly, the published verdict's rule alone, or none for a healthy network: {strictly} of {verdicts.Count}. Leniently, its own rule fires whatever else does: {ruleFires} of {verdicts.Count}.)"));
        foreach (IGrouping<PublishedVerdict, CorpusVerdict> group in verdicts.GroupBy(v => v.Entry.Verdict).OrderBy(g => g.Key))
        {
            output.WriteLine(Invariant($"  {group.Key}: {group.Count(v => v.Agrees)} of {group.Count()}"));
        }
        output.WriteLine("");
        output.WriteLine("| rule | stands for | fired | true positives | precision | recall |");
        output.WriteLine("|---|---|---:|---:|---:|---:|");
        foreach ((string id, PublishedVerdict stands) in CorpusVerdict.Rules)
        {
            RuleScore score = RuleScore.Of(verdicts, id, stands);
            output.WriteLine(Invariant($"| {id} | {stands} | {score.Fired} | {score.TruePositives} | {Format(score.Precision)} | {Format(score.Recall)} |"));
        }

        Assert.True(agreement >= RequiredAgreement,
            Invariant($"NetGen agrees with {agreeing} of {verdicts.Count} published verdicts ({agreement:P0}), below {RequiredAgreement:P0}; disagreements: ")
            + string.Join(", ", verdicts.Where(v => !v.Agrees).Select(v => $"{v.Entry.Id} ({v.Entry.Verdict}: {v.DiagnosticSummary})")));
    }

    [Fact]
    public void Rule_scores_count_what_they_say()
    {
        // The scoring itself, on a hand-made tally: NG0101 fires on two vanishing entries, a healthy one and a dying-ReLU
        // one, misses one vanishing entry, and its Info-level note on the last healthy entry does not count.
        PublishedNetwork Entry(PublishedVerdict verdict) => new("X", SourceKind.Paper, "s", "q", verdict,
            verdict == PublishedVerdict.NotAGradientProblem ? "p" : null);
        CorpusVerdict[] tally =
        [
            new(Entry(PublishedVerdict.Vanishing), [Fake("NG0101")]),
            new(Entry(PublishedVerdict.Vanishing), [Fake("NG0101"), Fake("NG0104")]),
            new(Entry(PublishedVerdict.Vanishing), []),
            new(Entry(PublishedVerdict.Healthy), [Fake("NG0101")]),
            new(Entry(PublishedVerdict.DyingReLU), [Fake("NG0101"), Fake("NG0104")]),
            new(Entry(PublishedVerdict.NotAGradientProblem), [Fake("NG0107")]),
            new(Entry(PublishedVerdict.Healthy), [Fake("NG0101", DiagnosticSeverity.Info)]),
        ];
        RuleScore vanishing = RuleScore.Of(tally, "NG0101", PublishedVerdict.Vanishing);
        Assert.Equal((4, 2), (vanishing.Fired, vanishing.TruePositives));
        Assert.Equal(0.5, vanishing.Precision);
        Assert.Equal(2.0 / 3, vanishing.Recall, 12);
        Assert.Equal([true, true, false, false, true, true, true], tally.Select(v => v.Agrees));
        Assert.Equal([true, false, false, false, false, true, true], tally.Select(v => v.AgreesStrictly));
    }

    private static Diagnostic Fake(
        string id, DiagnosticSeverity severity = DiagnosticSeverity.Warning) =>
        Diagnostic.Create(new DiagnosticDescriptor(id, "t", "m", "c", severity, true),
        Location.None);

    private static string Format(double value) => double.IsNaN(value) ? "-" : value.ToString("P0", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>How a deciding rule scores on a set of entries: it fired on <see cref="Fired"/> of them, rightly on <see cref="TruePositives"/>.</summary>
    private sealed record RuleScore(int Fired, int TruePositives, int Positives)
    {
        public double Precision => Fired == 0 ? double.NaN : (double)TruePositives / Fired;

        public double Recall => Positives == 0 ? double.NaN : (double)TruePositives / Positives;

        public static RuleScore Of(IEnumerable<CorpusVerdict> verdicts, string id, PublishedVerdict stands)
        {
            CorpusVerdict[] all = [.. verdicts];
            return new RuleScore(
                all.Count(v => v.Fired(id)),
                all.Count(v => v.Fired(id) && v.Entry.Verdict == stands),
                all.Count(v => v.Entry.Verdict == stands));
        }
    }
}

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using NetGen.Generators.Diagnostics;
using NetGen.Tests.Corpus;

namespace NetGen.Generators.Tests.Corpus;

/// <summary>
/// The analyzers' diagnostics on one corpus entry, read as a verdict. The mapping: NG0101 means vanishing, NG0102
/// exploding, NG0104 dying ReLU, when reported as a warning or an error; none of them means healthy (or a problem that
/// is not a gradient problem). Info-level notes and the structural rules (NG0103, NG0105 to NG0107) are listed, not
/// counted.
/// </summary>
public sealed record CorpusVerdict(PublishedNetwork Entry, ImmutableArray<Diagnostic> Diagnostics)
{
    private static readonly (string Id, PublishedVerdict Verdict)[] DecidingRules =
    [
        (DiagnosticIds.VanishingGradient, PublishedVerdict.Vanishing),
        (DiagnosticIds.ExplodingGradient, PublishedVerdict.Exploding),
        (DiagnosticIds.DeepNarrowReLUStack, PublishedVerdict.DyingReLU),
    ];

    /// <summary>The rules that decide a verdict, with the verdict each stands for.</summary>
    public static IReadOnlyList<(string Id, PublishedVerdict Verdict)> Rules => DecidingRules;

    /// <summary>Whether a deciding rule fired (as a warning or an error) on this entry.</summary>
    public bool Fired(string id) =>
        Diagnostics.Any(d => d.Id == id && d.Severity >= DiagnosticSeverity.Warning);

    /// <summary>The verdicts NetGen's deciding rules stand for on this entry: empty means healthy.</summary>
    public IReadOnlyList<PublishedVerdict> NetGenVerdicts =>
        [.. DecidingRules.Where(rule => Fired(rule.Id)).Select(rule => rule.Verdict)];

    /// <summary>
    /// Whether NetGen agrees with the published verdict: the verdict's rule fires and no rule of a contradicting verdict
    /// does; a healthy network or a problem that is not a gradient problem draws none of the deciding rules. Vanishing
    /// and dying ReLU do not contradict each other: dead units stop the gradient, and NG0104 says how far below the
    /// mean-field prediction a typical narrow network's first-layer gradient is, so a vanishing entry agrees with NG0101
    /// or NG0104, a dying-ReLU entry needs NG0104 and may draw NG0101 too.
    /// </summary>
    public bool Agrees => Entry.Verdict switch
    {
        PublishedVerdict.Healthy or PublishedVerdict.NotAGradientProblem => NetGenVerdicts.Count == 0,
        PublishedVerdict.Vanishing => NetGenVerdicts.Count > 0 && !NetGenVerdicts.Contains(PublishedVerdict.Exploding),
        PublishedVerdict.DyingReLU => NetGenVerdicts.Contains(PublishedVerdict.DyingReLU) && !NetGenVerdicts.Contains(PublishedVerdict.Exploding),
        _ => NetGenVerdicts.Count == 1 && NetGenVerdicts[0] == Entry.Verdict,
    };

    /// <summary>The strict reading: the published verdict's rule is the only deciding rule that fires (none for a healthy network).</summary>
    public bool AgreesStrictly => Entry.Verdict switch
    {
        PublishedVerdict.Healthy or PublishedVerdict.NotAGradientProblem => NetGenVerdicts.Count == 0,
        _ => NetGenVerdicts.Count == 1 && NetGenVerdicts[0] == Entry.Verdict,
    };

    /// <summary>The lenient reading: the published verdict's own rule fires (none of them for a healthy network), whatever else fires.</summary>
    public bool PublishedRuleFires => Entry.Verdict switch
    {
        PublishedVerdict.Healthy or PublishedVerdict.NotAGradientProblem => NetGenVerdicts.Count == 0,
        _ => NetGenVerdicts.Contains(Entry.Verdict),
    };

    /// <summary>Every NG diagnostic as "id(severity)", for the table.</summary>
    public string DiagnosticSummary => Diagnostics.IsEmpty
        ? "-"
        : string.Join(" ", Diagnostics.OrderBy(d => d.Id, StringComparer.Ordinal)
            .Select(d => d.Id + (d.Severity == DiagnosticSeverity.Warning ? "" : "(" + d.Severity.ToString().ToLowerInvariant() + ")")));
}

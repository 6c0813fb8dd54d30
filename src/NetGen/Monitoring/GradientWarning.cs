using System;
using System.Globalization;

namespace NetGen;

/// <summary>
/// A detection rule that started to hold in a layer: what was measured, against which threshold, from which published tool,
/// and what to try. Raised by <see cref="GradientMonitor.Warning"/> and listed in <see cref="GradientReport.Warnings"/>.
/// </summary>
public sealed class GradientWarning : EventArgs
{
    private const string AfterDivergenceAdvice =
        "this follows from the divergence, so fix that first: lower the learning rate, clip gradients by global norm (TrainingOptions.ClipGradientNorm)";

    internal GradientWarning(GradientRuleDescription rule, int layerIndex, string layerName, double value, long measurement, long divergedAt)
    {
        Rule = rule.Rule;
        RuleId = rule.Id;
        RuleName = rule.Name;
        Problem = rule.Problem;
        Source = rule.Source;
        Measured = rule.Measured;
        Threshold = rule.Threshold;
        AfterDivergence = divergedAt > 0;
        Advice = AfterDivergence ? AfterDivergenceAdvice : rule.Advice;
        LayerIndex = layerIndex;
        LayerName = layerName;
        Value = value;
        Measurement = measurement;
        string comparison = rule.Rule == GradientRule.NonFinite
            ? "found"
            : string.Create(CultureInfo.InvariantCulture, $"= {value:G3}, threshold {rule.Threshold:G3}");
        string where = rule.NetworkWide ? "" : $" in {LayerName}";
        string after = AfterDivergence ? string.Create(CultureInfo.InvariantCulture, $", after the divergence found at measurement {divergedAt}") : "";
        Message = $"{RuleId} {RuleName}{where}{after}: {Measured} {comparison} ({Source}). Try: {Advice}.";
    }

    /// <summary>The rule.</summary>
    public GradientRule Rule { get; }

    /// <summary>The rule's id, <c>NGM01</c> to <c>NGM11</c> (see <see cref="GradientRule"/>).</summary>
    public string RuleId { get; }

    /// <summary>The rule's name, such as "Vanishing gradient".</summary>
    public string RuleName { get; }

    /// <summary>The problem the rule diagnoses.</summary>
    public GradientProblem Problem { get; }

    /// <summary>
    /// Whether the run had already diverged (<see cref="GradientReport.DivergedAt"/>) when this warning was raised: then a
    /// vanishing gradient, dead units or saturation are what the divergence left behind, not the diagnosis, and
    /// <see cref="Advice"/> says to fix the divergence. Always false for the divergence rules themselves.
    /// </summary>
    public bool AfterDivergence { get; }

    /// <summary>The published tool the rule and its threshold come from.</summary>
    public string Source { get; }

    /// <summary>
    /// The layer's index in <see cref="INetwork{T}.Layers"/>; for the network-wide rules (NGM01, NGM03 to NGM07, NGM11), the first
    /// dense or convolution layer (0 when there is none).
    /// </summary>
    public int LayerIndex { get; }

    /// <summary>The layer's name, such as <c>Layer1</c>.</summary>
    public string LayerName { get; }

    /// <summary>What was measured.</summary>
    public string Measured { get; }

    /// <summary>The measured value (1 for <see cref="GradientRule.NonFinite"/>).</summary>
    public double Value { get; }

    /// <summary>The rule's threshold (0 for <see cref="GradientRule.NonFinite"/>).</summary>
    public double Threshold { get; }

    /// <summary>What to try.</summary>
    public string Advice { get; }

    /// <summary>The number of the measurement (<see cref="GradientReport.Measurement"/>) that raised the warning.</summary>
    public long Measurement { get; }

    /// <summary>One line: rule, layer, measured value and threshold, source and advice.</summary>
    public string Message { get; }

    /// <summary>Returns <see cref="Message"/>.</summary>
    public override string ToString() => Message;
}

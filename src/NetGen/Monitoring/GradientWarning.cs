using System;
using System.Globalization;

namespace NetGen;

/// <summary>
/// A detection rule that started to hold in a layer: what was measured, against which threshold, from which published tool,
/// and what to try. Raised by <see cref="GradientMonitor.Warning"/> and listed in <see cref="GradientReport.Warnings"/>.
/// </summary>
public sealed class GradientWarning : EventArgs
{
    internal GradientWarning(GradientRuleDescription rule, int layerIndex, string layerName, double value, long measurement)
    {
        Rule = rule.Rule;
        RuleId = rule.Id;
        RuleName = rule.Name;
        Source = rule.Source;
        Measured = rule.Measured;
        Threshold = rule.Threshold;
        Advice = rule.Advice;
        LayerIndex = layerIndex;
        LayerName = layerName;
        Value = value;
        Measurement = measurement;
        string comparison = rule.Rule == GradientRule.NonFinite
            ? "found"
            : string.Create(CultureInfo.InvariantCulture, $"= {value:G3}, threshold {rule.Threshold:G3}");
        Message = $"{RuleId} {RuleName} in {LayerName}: {Measured} {comparison} ({Source}). Try: {Advice}.";
    }

    /// <summary>The rule.</summary>
    public GradientRule Rule { get; }

    /// <summary>The rule's id, <c>NGM01</c> to <c>NGM10</c> (see <see cref="GradientRule"/>).</summary>
    public string RuleId { get; }

    /// <summary>The rule's name, such as "Vanishing gradient".</summary>
    public string RuleName { get; }

    /// <summary>The published tool the rule and its threshold come from.</summary>
    public string Source { get; }

    /// <summary>The layer's index in <see cref="INetwork{T}.Layers"/>; for the first/last ratio rules, the first dense layer.</summary>
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

namespace NetGen;

/// <summary>What a <see cref="GradientRule"/> is called, where it comes from, what it measures, its threshold and what to try when it fires.</summary>
internal sealed record GradientRuleDescription(GradientRule Rule, string Id, string Name, string Source, string Measured, double Threshold, string Advice);

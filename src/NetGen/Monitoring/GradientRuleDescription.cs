namespace NetGen;

/// <summary>
/// What a <see cref="GradientRule"/> is called, the problem it diagnoses, where it comes from, what it measures, its threshold,
/// whether it reads the whole network rather than one layer, and what to try when it fires.
/// </summary>
internal sealed record GradientRuleDescription(
    GradientRule Rule, string Id, string Name, GradientProblem Problem, string Source, string Measured, double Threshold, bool NetworkWide, string Advice)
{
    /// <summary>Whether the rule finds a divergence: the run is then marked as diverged, and later vanishing, dying and saturation warnings say so.</summary>
    public bool MarksDivergence => Rule is GradientRule.ExplodingGradient or GradientRule.NonFinite or GradientRule.DivergingLoss;
}

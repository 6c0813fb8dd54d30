namespace RecurrentSample;

/// <summary>The words for where a test loss ended against its memoryless baseline.</summary>
internal static class Verdicts
{
    /// <summary>A loss within 10 % of the baseline has learned nothing the baseline did not know.</summary>
    private const double AtBaselineMargin = 0.1;

    /// <summary>A loss below this fraction of the baseline has learned the task, if not to the last sequence.</summary>
    private const double LearnedFraction = 0.1;

    /// <summary>A task counts as solved when this fraction of its test sequences (or symbols) is right.</summary>
    public const double SolvedScore = 0.99;

    public static string Of(double loss, double baseline, double score) =>
        !double.IsFinite(loss) ? "diverged"
        : score >= SolvedScore ? "solved"
        : loss < LearnedFraction * baseline ? "learned, not solved"
        : loss > (1 + AtBaselineMargin) * baseline ? "above the baseline"
        : loss > (1 - AtBaselineMargin) * baseline ? "at the baseline"
        : "below the baseline";
}

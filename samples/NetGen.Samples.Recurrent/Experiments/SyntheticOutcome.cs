using System.Collections.Generic;
using System.Linq;

namespace RecurrentSample;

/// <summary>The words shared by the synthetic tasks' outcomes: how long they trained, and the best they did.</summary>
internal static class SyntheticOutcome
{
    /// <summary>A run whose lowest test loss is below this fraction of its last one learned, then lost ground.</summary>
    private const double LostGroundFraction = 0.5;

    /// <summary>The lowest test loss and its step, when training ended well above it (a run that learned, then lost ground).</summary>
    public static string Lowest(IReadOnlyList<Measurement> curve, string loss)
    {
        // double's comparer puts NaN below every number: a diverged run's lowest loss is among the finite ones.
        Measurement lowest = curve.Where(m => double.IsFinite(m.Loss)).MinBy(m => m.Loss);
        bool lostGround = !double.IsFinite(curve[^1].Loss) || lowest.Loss < LostGroundFraction * curve[^1].Loss;
        return !lostGround ? "" : $"; lowest {loss} {ConsoleReport.Number(lowest.Loss)} at step {lowest.Step:N0} ({lowest.Score:P1})";
    }

    public static string Budget(long steps, SyntheticRecipe recipe, bool solved) =>
        $"{steps:N0} steps × {recipe.BatchSize}" + (solved ? $", stopped once {Verdicts.SolvedScore:P0} were right" : "");
}

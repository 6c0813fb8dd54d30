using System;
using System.Collections.Immutable;

namespace NetGen.Generators.Gradients.Recurrent;

/// <summary>Turning per-step factors into ratios over lags, and ratios into an e-fold horizon.</summary>
internal static class TimeCurves
{
    /// <summary>
    /// The ratios for lags 0..T−1 of a cell whose gradient mean square is multiplied by <paramref name="factors"/>[s] going
    /// back from h_s to h_{s−1} (indices 1..T; index 0 unused).
    /// </summary>
    public static ImmutableArray<double> FromStepFactors(double[] factors, int sequenceLength)
    {
        var ratios = ImmutableArray.CreateBuilder<double>(sequenceLength);
        double ratio = 1;
        ratios.Add(1);
        for (int k = 1; k < sequenceLength; k++)
        {
            // Root by root, so that a growing ratio reaches 10³⁰⁸ before its mean square would.
            ratio *= Math.Sqrt(factors[sequenceLength - k + 1]);
            ratios.Add(ratio);
        }
        return ratios.MoveToImmutable();
    }

    /// <summary>−1/ln √χ: the steps over which a constant mean-square factor χ per step shrinks the norm e-fold.</summary>
    public static double EFoldOfFactor(double factorSquared) => factorSquared >= 1 || double.IsNaN(factorSquared)
        ? double.PositiveInfinity
        : factorSquared <= 0 ? 0 : -2 / Math.Log(factorSquared);

    /// <summary>
    /// The lag, counted from lag 1, at which ratio(k)/ratio(1) first reaches 1/e, interpolated in log between integer lags;
    /// infinity if it never does within <paramref name="ratios"/>.
    /// </summary>
    public static double EFoldFromLagOne(ImmutableArray<double> ratios)
    {
        if (ratios.Length < 2 || !(ratios[1] > 0))
        {
            return ratios.Length < 2 ? double.PositiveInfinity : 0;
        }
        for (int k = 2; k < ratios.Length; k++)
        {
            double step = Crossing(ratios[k - 1] / ratios[1], ratios[k] / ratios[1]);
            if (!double.IsNaN(step))
            {
                return k - 2 + step;
            }
        }
        return double.PositiveInfinity;
    }

    /// <summary>Where in [0, 1] log r falls from log <paramref name="before"/> to −1, or NaN if it does not reach −1 at <paramref name="after"/>.</summary>
    public static double Crossing(double before, double after)
    {
        if (!(after <= Math.Exp(-1)))
        {
            return double.NaN;
        }
        if (!(after > 0))
        {
            return 1;
        }
        double from = Math.Log(before), to = Math.Log(after);
        return from <= to ? 1 : Math.Max(0, Math.Min(1, (from + 1) / (from - to)));
    }
}

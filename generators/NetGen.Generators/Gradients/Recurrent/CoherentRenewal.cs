using System;
using System.Collections.Generic;

namespace NetGen.Generators.Gradients.Recurrent;

/// <summary>
/// One step back of a gated cell's gradient, δ ← (μ + c·W̃ᵀ + N)·δ: a mean diagonal μ (E[f] or E[z], the same on every
/// unit), a coherent mixing c·W̃ᵀ through the tied recurrent weights (W̃ᵀ keeping the norm in mean square, c the mean of
/// the gate derivatives it carries), and a fresh zero-mean rest N of mean square <paramref name="Noise"/> (the gates'
/// fluctuations over steps and units).
/// </summary>
internal readonly record struct CoherentStep(double Mean, double Coherent, double Noise);

/// <summary>
/// The mean square of a gated cell's gradient k steps back, the tied weights accounted for. The plain mean-field
/// recursion multiplies mean squares, μ² + c² + noise per step, which assumes δ independent of W at every step; with
/// tied weights the powers of W̃ᵀ add coherently: for an i.i.d. (Ginibre-like) W̃ the powers are orthogonal in the
/// large-width limit, tr(W̃ʲ W̃ᵀˡ)/H → δ_jl, so a run of coherent steps Π(μ_i + c_i·W̃ᵀ) = Σ_j p_j·W̃ᵀʲ has mean square
/// G = Σ_j p_j² (per step (μ + c)² asymptotically: the spectral radius of μ + c·W̃ᵀ, circular law, against the mean
/// field's μ² + c²). A fresh noise step decorrelates the vector from the powers of W̃, so the total is a renewal sum over
/// the noise steps: A(k) = G(1..k) + Σ_n A(n − 1)·noise_n·G(n + 1..k).
/// </summary>
internal static class CoherentRenewal
{
    /// <summary>
    /// A(0..n) for <paramref name="steps"/>[i − 1] the step taken i-th going back (A(0) = 1), by <see cref="CoherentCorrelations"/>:
    /// O(n·w), w the lags over which the coefficients stay correlated (at most n).
    /// </summary>
    public static double[] MeanSquares(IReadOnlyList<CoherentStep> steps)
    {
        var correlations = new CoherentCorrelations();
        var meanSquares = new double[steps.Count + 1];
        meanSquares[0] = 1;
        for (int k = 1; k <= steps.Count; k++)
        {
            meanSquares[k] = correlations.Advance(steps[k - 1], meanSquares[k - 1]);
        }
        return meanSquares;
    }

    /// <summary>
    /// A(k) for the same step repeated, k = 0, 1, … until A(k)/A(1) ≤ e⁻² (the norm e-fold from lag 1), until it grows
    /// a hundredfold, or <paramref name="maxLags"/>. O(k·w).
    /// </summary>
    public static List<double> Stationary(CoherentStep step, int maxLags)
    {
        var correlations = new CoherentCorrelations();
        var meanSquares = new List<double> { 1 };
        for (int k = 1; k < maxLags; k++)
        {
            double sum = correlations.Advance(step, meanSquares[k - 1]);
            meanSquares.Add(sum);
            if (k >= 2 && (sum <= Math.Exp(-2) * meanSquares[1] || sum >= 1e4 * meanSquares[1] || !(sum > 0)))
            {
                break;
            }
        }
        return meanSquares;
    }

    /// <summary>
    /// The renewal sums term by term as written (every coherent run's polynomial multiplied out): O(n³). Kept as the
    /// reference that <see cref="MeanSquares"/> is tested against.
    /// </summary>
    public static double[] MeanSquaresByRuns(IReadOnlyList<CoherentStep> steps)
    {
        int n = steps.Count;
        // coherent[a][b] = G(a..b) for 1 ≤ a ≤ b + 1 ≤ n + 1 (the empty run is 1).
        var coherent = new double[n + 2][];
        for (int a = 1; a <= n + 1; a++)
        {
            coherent[a] = new double[n + 1];
            coherent[a][a - 1] = 1;
            var polynomial = new List<double> { 1 };
            for (int b = a; b <= n; b++)
            {
                MultiplyInPlace(polynomial, steps[b - 1].Mean, steps[b - 1].Coherent);
                coherent[a][b] = SumOfSquares(polynomial);
            }
        }
        var meanSquares = new double[n + 1];
        meanSquares[0] = 1;
        for (int k = 1; k <= n; k++)
        {
            double sum = coherent[1][k];
            for (int m = 1; m <= k; m++)
            {
                sum += meanSquares[m - 1] * steps[m - 1].Noise * coherent[m + 1][k];
            }
            meanSquares[k] = sum;
        }
        return meanSquares;
    }

    private static void MultiplyInPlace(List<double> polynomial, double constant, double linear)
    {
        polynomial.Add(0);
        for (int j = polynomial.Count - 1; j >= 0; j--)
        {
            polynomial[j] = constant * polynomial[j] + (j > 0 ? linear * polynomial[j - 1] : 0);
        }
    }

    private static double SumOfSquares(List<double> polynomial)
    {
        double sum = 0;
        foreach (double p in polynomial)
        {
            sum += p * p;
        }
        return sum;
    }
}

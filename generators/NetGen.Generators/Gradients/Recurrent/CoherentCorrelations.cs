using System;
using System.Collections.Generic;

namespace NetGen.Generators.Gradients.Recurrent;

/// <summary>
/// The renewal sums of <see cref="CoherentRenewal"/> carried forward one step at a time. After k steps every renewal m
/// (and the run from the start) holds a polynomial P_m(W̃ᵀ) of weight w_m = A(m − 1)·noise_m; A(k) = Σ_m w_m·Σ_j p_mj².
/// Multiplying every P_m by the same μ + c·x only needs the weighted autocorrelations of their coefficients,
/// R_d = Σ_m w_m·Σ_j p_mj·p_m,j+d, which go to R'_d = (μ² + c²)·R_d + μ·c·(R_{d−1} + R_{d+1}) (R_{−1} = R_1); a renewal
/// adds A(k − 1)·noise_k to R_0, and A(k) = R_0. So a step costs the correlation length instead of every run's
/// polynomial; correlations below 10⁻³⁰ of R_0 are dropped at the far end (they feed back to R_0 only through as
/// many factors μ·c ≤ (μ² + c²)/2 as their lag).
/// </summary>
internal sealed class CoherentCorrelations
{
    private const double Negligible = 1e-30;

    private readonly List<double> correlations = new() { 1 };

    /// <summary>Takes one step back and returns A(k), given A(k − 1) = <paramref name="previousMeanSquare"/>.</summary>
    public double Advance(CoherentStep step, double previousMeanSquare)
    {
        double diagonal = step.Mean * step.Mean + step.Coherent * step.Coherent, hop = step.Mean * step.Coherent;
        List<double> r = correlations;
        r.Add(0);
        double before = r.Count > 2 ? r[1] : 0; // R_{d−1} for d = 0, by symmetry R_{−1} = R_1
        for (int d = 0; d < r.Count; d++)
        {
            double current = r[d], after = d + 1 < r.Count ? r[d + 1] : 0;
            r[d] = diagonal * current + hop * (before + after);
            before = current;
        }
        r[0] += step.Noise * previousMeanSquare;
        double floor = Negligible * Math.Abs(r[0]);
        while (r.Count > 1 && !(Math.Abs(r[r.Count - 1]) > floor))
        {
            r.RemoveAt(r.Count - 1);
        }
        return r[0];
    }
}

using System;
using System.Collections.Immutable;
using System.Globalization;

namespace NetGen.Generators.Gradients.Recurrent;

/// <summary>
/// An identity ReLU recurrence without biases (IRNN, Le, Jaitly &amp; Hinton 2015): h_t = max(0, h_{t−1} + u_t), one
/// unit at a time, u_t = (W_ih·x_t)_j independent over steps and symmetric. No mean-field fixed point exists (the state
/// grows like √t) and the per-step factor P(z &gt; 0) is strongly correlated over time, so the product of per-step
/// factors is wrong. Exactly instead: ∂L/∂h_{T−k} = ∂L/∂h_T on the units whose pre-activation stayed positive over the
/// last k steps, and with S the walk of partial sums (S_0 = 0), h_s = S_s − min_{r≤s} S_r is positive unless S_s is a
/// new minimum; so the mean square ratio is P(argmin_{0..T} S ≤ T − k) = Σ_{m=0}^{T−k} u_m·u_{T−m}, u_m = C(2m, m)/4^m
/// (the discrete arcsine law, Sparre Andersen 1953; Feller vol. 1 §III.4), whatever the input's scale. Since
/// Σ_{m=0}^{T} u_m·u_{T−m} = 1, the ratio² at lag k is also 1 − Σ_{j&lt;k} u_j·u_{T−j}: the lags a long sequence computes
/// need u near 0 and near T only, and the memory horizon of a long sequence follows from the continuous arcsine law,
/// P(argmin ≤ x·T) → (2/π)·arcsin √x (within 0.05 % of the discrete one from T = 1000 on).
/// </summary>
internal static class IdentityReluWalk
{
    /// <summary>The prediction for an IRNN.</summary>
    /// <exception cref="NotSupportedException">A gain other than 1 or a random bias: the walk is then no longer symmetric and unreflected.</exception>
    public static RecurrentHorizonPrediction Predict(RecurrentHorizonInput input)
    {
        if (input.Recurrent.Value != 1 || input.BiasVariance != 0)
        {
            throw new NotSupportedException(string.Format(CultureInfo.InvariantCulture,
                "The identity ReLU recurrence is modeled for gain 1 and zero biases (IRNN); got gain {0:R} and bias variance {1:R}.",
                input.Recurrent.Value, input.BiasVariance));
        }
        int length = input.SequenceLength;
        return length <= RecurrentHorizonPrediction.MaxComputedLags ? Short(length) : Long(length);
    }

    private static RecurrentHorizonPrediction Short(int length)
    {
        var firstPassage = new double[length + 1];
        firstPassage[0] = 1;
        for (int m = 1; m <= length; m++)
        {
            firstPassage[m] = firstPassage[m - 1] * (2 * m - 1) / (2 * m);
        }
        var ratios = ImmutableArray.CreateBuilder<double>(length);
        double meanSquare = 0;
        var cumulative = new double[length + 1];
        for (int m = 0; m <= length; m++)
        {
            meanSquare += firstPassage[m] * firstPassage[length - m];
            cumulative[m] = meanSquare;
        }
        for (int k = 0; k < length; k++)
        {
            ratios.Add(Math.Sqrt(cumulative[length - k] / cumulative[length]));
        }
        ImmutableArray<double> curve = ratios.MoveToImmutable();
        return new RecurrentHorizonPrediction(length, curve, null, TimeCurves.EFoldFromLagOne(curve), double.NaN);
    }

    private static RecurrentHorizonPrediction Long(int length)
    {
        int computed = RecurrentHorizonPrediction.MaxComputedLags;
        var ratios = ImmutableArray.CreateBuilder<double>(computed);
        double near = 1, far = FirstPassage(length), passed = 0;
        for (int k = 0; k < computed; k++)
        {
            ratios.Add(Math.Sqrt(1 - passed));
            passed += near * far;
            near *= (2.0 * k + 1) / (2.0 * k + 2);
            far *= 2.0 * (length - k) / (2.0 * (length - k) - 1);
        }
        double lagOneMeanSquare = 1 - FirstPassage(length);
        double eFold = length * Math.Pow(Math.Cos(Math.PI / 2 * Math.Exp(-2) * lagOneMeanSquare), 2);
        return new RecurrentHorizonPrediction(length, ratios.MoveToImmutable(), new ArcsineTail(), eFold - 1, double.NaN);
    }

    /// <summary>u_n = C(2n, n)/4ⁿ for n ≥ 1000, by its asymptotic series (to double precision there).</summary>
    private static double FirstPassage(double n) =>
        1 / Math.Sqrt(Math.PI * n) * (1 - 1 / (8 * n) + 1 / (128 * n * n) + 5 / (1024 * n * n * n) - 21 / (32768 * n * n * n * n));
}

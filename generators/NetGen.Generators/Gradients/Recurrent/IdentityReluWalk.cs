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
/// (the discrete arcsine law, Sparre Andersen 1953; Feller vol. 1 §III.4), whatever the input's scale.
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
        return new RecurrentHorizonPrediction(curve, TimeCurves.EFoldFromLagOne(curve), double.NaN);
    }
}

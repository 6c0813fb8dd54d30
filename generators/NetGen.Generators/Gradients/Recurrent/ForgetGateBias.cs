using System;
using System.Globalization;

namespace NetGen.Generators.Gradients.Recurrent;

/// <summary>
/// The LSTM forget gate's bias: a constant (0 in PyTorch, whose biases are small random numbers; 1 with Keras's
/// <c>unit_forget_bias</c>) or chrono initialization (Tallec &amp; Ollivier 2018, arXiv 1804.11188): b_f = log u with
/// u ~ U[1, T_max − 1] per unit, and the input gate's b_i = −b_f.
/// </summary>
/// <param name="Constant">The constant bias, when <paramref name="ChronoMaxDependency"/> is 0.</param>
/// <param name="ChronoMaxDependency">T_max for chrono initialization, 0 for a constant bias.</param>
internal sealed record ForgetGateBias(double Constant, int ChronoMaxDependency)
{
    /// <summary>The same bias on every unit; the input gate's bias stays 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The bias is not finite.</exception>
    public static ForgetGateBias Of(double constant) => !double.IsNaN(constant) && !double.IsInfinity(constant)
        ? new ForgetGateBias(constant, 0)
        : throw new ArgumentOutOfRangeException(nameof(constant), constant, "Expected a finite forget-gate bias.");

    /// <summary>Chrono initialization for dependencies up to <paramref name="maxDependency"/> steps.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDependency"/> is below 3 (U[1, T_max − 1] needs T_max − 1 &gt; 1).</exception>
    public static ForgetGateBias Chrono(int maxDependency) => maxDependency >= 3
        ? new ForgetGateBias(0, maxDependency)
        : throw new ArgumentOutOfRangeException(nameof(maxDependency), maxDependency,
            $"Chrono initialization draws log U[1, T_max − 1]: expected T_max >= 3, got {maxDependency.ToString(CultureInfo.InvariantCulture)}.");

    /// <summary>Whether the bias differs between units (chrono), so that the horizon is a mixture over units.</summary>
    public bool IsChrono => ChronoMaxDependency > 0;

    /// <summary>
    /// The forget-gate biases of equally likely unit classes: the constant once, or for chrono the log of the midpoints of
    /// <paramref name="classes"/> equal slices of [1, T_max − 1].
    /// </summary>
    public double[] UnitClasses(int classes)
    {
        if (!IsChrono)
        {
            return new[] { Constant };
        }
        var biases = new double[classes];
        double width = (ChronoMaxDependency - 2.0) / classes;
        for (int j = 0; j < classes; j++)
        {
            biases[j] = Math.Log(1 + (j + 0.5) * width);
        }
        return biases;
    }
}

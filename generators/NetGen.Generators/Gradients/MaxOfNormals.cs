using System;

namespace NetGen.Generators.Gradients;

/// <summary>
/// The mean and variance of the largest of n independent standard normal values, M_n, whose density is
/// n·φ(t)·Φ(t)^(n−1): for max pooling over n values with independent Gaussian parts. Integrated by the trapezoid rule on
/// [−10, 10] (n at most a window's size, so Φ^(n−1) stays smooth; the tails beyond carry less than 1e-20).
/// </summary>
internal static class MaxOfNormals
{
    private const int Steps = 4000;
    private const double Bound = 10;

    /// <summary>E[M_n] and Var(M_n); (0, 1) for n = 1.</summary>
    public static (double Mean, double Variance) Of(long n)
    {
        if (n <= 1)
        {
            return (0, 1);
        }
        double mean = Expectation(n, t => t, Steps);
        return (mean, Math.Max(0, Expectation(n, t => t * t, Steps) - mean * mean));
    }

    /// <summary>E[g(M_n)] by the trapezoid rule with <paramref name="steps"/> steps on [−10, 10].</summary>
    public static double Expectation(long n, Func<double, double> g, int steps)
    {
        double step = 2 * Bound / steps, mass = 0, sum = 0;
        for (int i = 0; i <= steps; i++)
        {
            double t = -Bound + i * step;
            double lower = 1 - NormalDistribution.UpperTail(t);
            double density = n * NormalDistribution.Density(t) * Math.Exp((n - 1) * Math.Log(Math.Max(lower, 1e-300)));
            double weight = (i == 0 || i == steps ? 0.5 : 1) * density;
            mass += weight;
            sum += weight * g(t);
        }
        return sum / mass;
    }
}

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
        double step = 2 * Bound / Steps, mass = 0, first = 0, second = 0;
        for (int i = 0; i <= Steps; i++)
        {
            double t = -Bound + i * step;
            double lower = 1 - NormalDistribution.UpperTail(t);
            double density = n * NormalDistribution.Density(t) * Math.Exp((n - 1) * Math.Log(Math.Max(lower, 1e-300)));
            double weight = i == 0 || i == Steps ? 0.5 : 1;
            mass += weight * density;
            first += weight * density * t;
            second += weight * density * t * t;
        }
        double mean = first / mass;
        return (mean, Math.Max(0, second / mass - mean * mean));
    }
}

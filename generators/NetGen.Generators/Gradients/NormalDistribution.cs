using System;

namespace NetGen.Generators.Gradients;

/// <summary>
/// The normal distribution's tail probability and partial moments, accurate to a few ulps from the centre to far in the
/// tails (no <c>Math.Erfc</c> in netstandard2.0): a positive-term series for erf near 0, a continued fraction for erfc
/// beyond (Abramowitz &amp; Stegun 7.1.6 and 7.1.14).
/// </summary>
internal static class NormalDistribution
{
    private const double SqrtPi = 1.7724538509055160273;
    private const double InverseSqrtTwoPi = 0.39894228040143267794;

    /// <summary>φ(t), the standard normal density.</summary>
    public static double Density(double t) => InverseSqrtTwoPi * Math.Exp(-0.5 * t * t);

    /// <summary>P(Z &gt; t) for a standard normal Z.</summary>
    public static double UpperTail(double t) => 0.5 * Erfc(t / Math.Sqrt(2));

    /// <summary>
    /// E[zᵏ·1{z &gt; c}] for k = 0, 1, 2 and z ~ N(mean, sd²): with t = (c − mean)/sd, Q = P(Z &gt; t), the masses are
    /// Q, mean·Q + sd·φ(t), (mean² + sd²)·Q + sd·(mean + c)·φ(t).
    /// </summary>
    public static (double M0, double M1, double M2) UpperMoments(double c, double mean, double sd)
    {
        double t = (c - mean) / sd;
        double q = UpperTail(t), density = Density(t);
        return (q, mean * q + sd * density, (mean * mean + sd * sd) * q + sd * (mean + c) * density);
    }

    /// <summary>E[zᵏ·1{z &lt; c}] for k = 0, 1, 2 and z ~ N(mean, sd²), by symmetry with <see cref="UpperMoments"/>.</summary>
    public static (double M0, double M1, double M2) LowerMoments(double c, double mean, double sd)
    {
        (double m0, double m1, double m2) = UpperMoments(-c, -mean, sd);
        return (m0, -m1, m2);
    }

    /// <summary>erfc(x), relative error near 1e-15 for every x.</summary>
    public static double Erfc(double x)
    {
        if (x < 0)
        {
            return 2 - Erfc(-x);
        }
        if (x < 2.5)
        {
            return 1 - Erf(x);
        }
        if (x > 27)
        {
            return 0; // below the smallest double
        }
        // erfc(x) = e^(−x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + 2/(x + ...))))), evaluated by the modified Lentz method.
        const double tiny = 1e-300;
        double f = x, c = x, d = 0;
        for (int n = 1; n < 300; n++)
        {
            double a = n / 2.0;
            d = x + a * d;
            d = Math.Abs(d) < tiny ? tiny : d;
            c = x + a / c;
            c = Math.Abs(c) < tiny ? tiny : c;
            d = 1 / d;
            double delta = c * d;
            f *= delta;
            if (Math.Abs(delta - 1) < 1e-16)
            {
                break;
            }
        }
        return Math.Exp(-x * x) / (SqrtPi * f);
    }

    /// <summary>erf(x) for |x| &lt; 2.5: 2/√π · e^(−x²) · Σ 2ⁿ x^(2n+1) / (1·3·…·(2n+1)), every term positive.</summary>
    private static double Erf(double x)
    {
        double term = x, sum = x;
        for (int n = 1; n < 200 && term > 1e-17 * sum; n++)
        {
            term *= 2 * x * x / (2 * n + 1);
            sum += term;
        }
        return 2 / SqrtPi * Math.Exp(-x * x) * sum;
    }
}

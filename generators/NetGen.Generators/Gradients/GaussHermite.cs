using System;

namespace NetGen.Generators.Gradients;

/// <summary>
/// Expectations over a normal distribution by Gauss–Hermite quadrature: exact for polynomials up to degree 2n − 1 and
/// accurate for the smooth activations (sigmoid, tanh, ELU, SELU). Nodes and weights are computed once, deterministically.
/// </summary>
internal static class GaussHermite
{
    private const int Order = 64;
    private static readonly (double[] Nodes, double[] Weights) Rule = Compute(Order);

    /// <summary>E[f(z)] for z ~ N(mean, variance).</summary>
    public static double Expectation(Func<double, double> f, double mean, double variance)
    {
        if (variance <= 0)
        {
            return f(mean);
        }
        double scale = Math.Sqrt(2 * variance);
        double sum = 0;
        for (int i = 0; i < Order; i++)
        {
            sum += Rule.Weights[i] * f(mean + scale * Rule.Nodes[i]);
        }
        return sum / Math.Sqrt(Math.PI);
    }

    /// <summary>The nodes and weights of the physicists' Hermite polynomial H_n, by Newton's method from the usual starting guesses.</summary>
    private static (double[] Nodes, double[] Weights) Compute(int n)
    {
        var nodes = new double[n];
        var weights = new double[n];
        double piToMinusQuarter = Math.Pow(Math.PI, -0.25);
        double z = 0;
        for (int i = 0; i < (n + 1) / 2; i++)
        {
            z = i switch
            {
                0 => Math.Sqrt(2.0 * n + 1) - 1.85575 * Math.Pow(2.0 * n + 1, -0.16667),
                1 => z - 1.14 * Math.Pow(n, 0.426) / z,
                2 => 1.86 * z - 0.86 * nodes[0],
                3 => 1.91 * z - 0.91 * nodes[1],
                _ => 2.0 * z - nodes[i - 2],
            };
            double derivative = 0;
            for (int iteration = 0; iteration < 100; iteration++)
            {
                // The normalized recurrence keeps the values in range for large n.
                double p1 = piToMinusQuarter, p2 = 0;
                for (int j = 1; j <= n; j++)
                {
                    double p3 = p2;
                    p2 = p1;
                    p1 = z * Math.Sqrt(2.0 / j) * p2 - Math.Sqrt((j - 1.0) / j) * p3;
                }
                derivative = Math.Sqrt(2.0 * n) * p2;
                double previous = z;
                z = previous - p1 / derivative;
                if (Math.Abs(z - previous) <= 1e-14)
                {
                    break;
                }
            }
            nodes[i] = z;
            nodes[n - 1 - i] = -z;
            weights[i] = weights[n - 1 - i] = 2.0 / (derivative * derivative);
        }
        return (nodes, weights);
    }
}

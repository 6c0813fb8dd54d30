using System;

namespace NetGen.Generators.Gradients.Recurrent;

/// <summary>
/// A Gauss–Hermite rule for the standard normal: E[h(z)] ≈ Σ_i w_i·h(z_i), exact for polynomials of degree below
/// 2·<see cref="Points"/>. Nodes by Newton's method on the orthonormal Hermite recurrence (Numerical Recipes §4.6).
/// </summary>
internal sealed class GaussHermite
{
    private GaussHermite(double[] nodes, double[] weights) => (Nodes, Weights) = (nodes, weights);

    private static readonly GaussHermite[] Rules = { Create(10), Create(20), Create(40), Create(100) };

    /// <summary>
    /// The smallest rule that integrates h(σ·z) to about 10⁻⁹ for h analytic within <paramref name="analyticHalfWidth"/> of
    /// the real axis (the error falls like exp(−c·√n·halfWidth/σ)), or null beyond the largest rule's reach.
    /// </summary>
    public static GaussHermite? For(double sd, double analyticHalfWidth)
    {
        foreach (GaussHermite rule in Rules)
        {
            if (sd * 10 * Math.PI / 2 <= Math.Sqrt(rule.Points) * analyticHalfWidth)
            {
                return rule;
            }
        }
        return null;
    }

    /// <summary>The standard normal's nodes z_i.</summary>
    public double[] Nodes { get; }

    /// <summary>The weights w_i, summing to 1.</summary>
    public double[] Weights { get; }

    /// <summary>The number of nodes.</summary>
    public int Points => Nodes.Length;

    internal static GaussHermite Create(int n)
    {
        // Roots x of the physicists' H_n (weight e^(−x²)), largest first; the normal's nodes are √2·x, weights w/√π.
        var nodes = new double[n];
        var weights = new double[n];
        double piQuarter = Math.Pow(Math.PI, -0.25), x = 0;
        for (int i = 0; i < (n + 1) / 2; i++)
        {
            x = i switch
            {
                0 => Math.Sqrt(2.0 * n + 1) - 1.85575 * Math.Pow(2.0 * n + 1, -1.0 / 6),
                1 => x - 1.14 * Math.Pow(n, 0.426) / x,
                2 => 1.86 * x - 0.86 * nodes[0] / Math.Sqrt(2),
                3 => 1.91 * x - 0.91 * nodes[1] / Math.Sqrt(2),
                _ => 2.0 * x - nodes[i - 2] / Math.Sqrt(2),
            };
            double derivative = 0;
            for (int iteration = 0; iteration < 100; iteration++)
            {
                double p1 = piQuarter, p2 = 0;
                for (int j = 1; j <= n; j++)
                {
                    double p3 = p2;
                    p2 = p1;
                    p1 = x * Math.Sqrt(2.0 / j) * p2 - Math.Sqrt((j - 1.0) / j) * p3;
                }
                derivative = Math.Sqrt(2.0 * n) * p2;
                double previous = x;
                x = previous - p1 / derivative;
                if (Math.Abs(x - previous) <= 1e-15 * Math.Max(1, Math.Abs(x)))
                {
                    break;
                }
            }
            double weight = 2 / (derivative * derivative) / Math.Sqrt(Math.PI);
            nodes[i] = Math.Sqrt(2) * x;
            nodes[n - 1 - i] = -Math.Sqrt(2) * x;
            weights[i] = weight;
            weights[n - 1 - i] = weight;
        }
        return new GaussHermite(nodes, weights);
    }
}

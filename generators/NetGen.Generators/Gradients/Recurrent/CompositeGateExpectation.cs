using System;

namespace NetGen.Generators.Gradients.Recurrent;

/// <summary>
/// <see cref="GateMoments"/> where the Gauss–Hermite rules do not reach (a wide pre-activation, e.g. inputs that were
/// not standardized): all four moments in one pass of the composite 8-point Gauss–Legendre rule that
/// <see cref="NormalExpectation"/> uses (panels no wider than 0.5 over the activation's transition, within 12 standard
/// deviations), the saturated rest in closed form from the normal's tails. One pass instead of that class's three per
/// call and two more calls for E[f'].
/// </summary>
internal static class CompositeGateExpectation
{
    /// <summary>Beyond ±20, 1 − tanh² is below 10⁻¹⁷.</summary>
    private const double TanhWindow = 20;

    /// <summary>Beyond ±40, σ or 1 − σ is below 10⁻¹⁷.</summary>
    private const double SigmoidWindow = 40;

    private const double Reach = 12;
    private const double PanelWidth = 0.5;

    /// <summary>The moments of tanh(x), x ~ N(mean, sd²), sd &gt; 0.</summary>
    public static GateMoments Tanh(double mean, double sd)
    {
        (double below, double above) = Tails(TanhWindow, mean, sd);
        double m1 = above - below, m2 = above + below, d2 = 0, d1 = 0;
        foreach ((double x, double w) in Nodes(TanhWindow, mean, sd))
        {
            double t = Math.Tanh(x), slope = 1 - t * t;
            m1 += w * t;
            m2 += w * t * t;
            d1 += w * slope;
            d2 += w * slope * slope;
        }
        return new GateMoments(m1, m2, d2, d1);
    }

    /// <summary>The moments of σ(x) and of 1 − σ(x) (that is σ(−x), whose law is that of σ at −mean), x ~ N(mean, sd²), sd &gt; 0.</summary>
    public static (GateMoments Plus, GateMoments Minus) SigmoidPair(double mean, double sd)
    {
        (double below, double above) = Tails(SigmoidWindow, mean, sd);
        double m1 = above, m2 = above, n1 = below, n2 = below, d2 = 0, d1 = 0;
        foreach ((double x, double w) in Nodes(SigmoidWindow, mean, sd))
        {
            double e = Math.Exp(-x), s = 1 / (1 + e), complement = e * s, slope = s * complement;
            if (double.IsInfinity(e))
            {
                (s, complement, slope) = (0, 1, 0);
            }
            m1 += w * s;
            m2 += w * s * s;
            n1 += w * complement;
            n2 += w * complement * complement;
            d1 += w * slope;
            d2 += w * slope * slope;
        }
        return (new GateMoments(m1, m2, d2, d1), new GateMoments(n1, n2, d2, d1));
    }

    /// <summary>P(x &lt; −window) and P(x &gt; window).</summary>
    private static (double Below, double Above) Tails(double window, double mean, double sd) =>
        (NormalDistribution.UpperTail((window + mean) / sd), NormalDistribution.UpperTail((window - mean) / sd));

    /// <summary>The nodes and weights (the normal density's included) over the window within <see cref="Reach"/> deviations.</summary>
    private static System.Collections.Generic.IEnumerable<(double X, double Weight)> Nodes(double window, double mean, double sd)
    {
        double from = Math.Max(-window, mean - Reach * sd), to = Math.Min(window, mean + Reach * sd);
        if (!(from < to))
        {
            yield break;
        }
        int panels = (int)Math.Ceiling((to - from) / PanelWidth);
        double width = (to - from) / panels;
        for (int panel = 0; panel < panels; panel++)
        {
            double centre = from + (panel + 0.5) * width;
            for (int i = 0; i < GaussLegendre.Nodes.Length; i++)
            {
                double x = centre + 0.5 * width * GaussLegendre.Nodes[i];
                yield return (x, GaussLegendre.Weights[i] * 0.5 * width * NormalDistribution.Density((x - mean) / sd) / sd);
            }
        }
    }
}

using System;
using NetGen.Generators.Model;

namespace NetGen.Generators.Gradients.Recurrent;

/// <summary>E[f(z)], E[f(z)²], E[f'(z)²] and E[f'(z)] of a gate's activation f, z ~ N(mean, variance).</summary>
internal readonly record struct GateMoments(double Mean, double MeanSquare, double DerivativeMeanSquare, double MeanDerivative);

/// <summary>
/// <see cref="GateMoments"/> for sigmoid and tanh, which the recurrent models evaluate at every step and unit class.
/// While the standard deviation is small, one Gauss–Hermite rule of 10 to 100 points (<see cref="GaussHermite.For"/>:
/// tanh is analytic within π/2 of the real axis, sigmoid within π; within about 10⁻⁹ of <see cref="NormalExpectation"/>),
/// a few hundredths of the composite quadrature's cost; beyond, that quadrature in one pass for all four moments
/// (<see cref="CompositeGateExpectation"/>); at zero variance, the point values.
/// </summary>
internal static class GateExpectation
{
    private static readonly ActivationFunction SigmoidFunction = new(ActivationKind.Sigmoid, 0);
    private static readonly ActivationFunction TanhFunction = new(ActivationKind.Tanh, 0);

    /// <summary>The moments of σ(z).</summary>
    public static GateMoments Sigmoid(double mean, double variance)
    {
        double sd = Math.Sqrt(variance);
        if (!(variance > 0))
        {
            return Quadrature(SigmoidFunction, mean, variance);
        }
        if (GaussHermite.For(sd, Math.PI) is not { } rule)
        {
            return CompositeGateExpectation.SigmoidPair(mean, sd).Plus;
        }
        double m1 = 0, m2 = 0, d2 = 0, d1 = 0;
        for (int i = 0; i < rule.Points; i++)
        {
            // 1 − σ as e·σ, which keeps its digits where σ is within rounding of 1.
            double e = Math.Exp(-(mean + sd * rule.Nodes[i])), s = 1 / (1 + e), slope = s * (e * s), w = rule.Weights[i];
            m1 += w * s;
            m2 += w * s * s;
            d1 += w * slope;
            d2 += w * slope * slope;
        }
        return new GateMoments(m1, m2, d2, d1);
    }

    /// <summary>
    /// The moments of σ(z) and of σ(−mean + z') (z' ~ N(0, variance)), the second from the same nodes as 1 − σ(z) in
    /// the form e/(1 + e), e = exp(−z), which keeps its precision when σ(z) is within 10⁻¹⁰ of 1 (chrono's input gate
    /// against its forget gate).
    /// </summary>
    public static (GateMoments Plus, GateMoments Minus) SigmoidPair(double mean, double variance)
    {
        double sd = Math.Sqrt(variance);
        if (!(variance > 0))
        {
            return (Quadrature(SigmoidFunction, mean, variance), Quadrature(SigmoidFunction, -mean, variance));
        }
        if (GaussHermite.For(sd, Math.PI) is not { } rule)
        {
            return CompositeGateExpectation.SigmoidPair(mean, sd);
        }
        double m1 = 0, m2 = 0, d2 = 0, d1 = 0, n1 = 0, n2 = 0;
        for (int i = 0; i < rule.Points; i++)
        {
            double e = Math.Exp(-(mean + sd * rule.Nodes[i])), s = 1 / (1 + e), complement = e * s, slope = s * complement, w = rule.Weights[i];
            m1 += w * s;
            m2 += w * s * s;
            n1 += w * complement;
            n2 += w * complement * complement;
            d1 += w * slope;
            d2 += w * slope * slope;
        }
        return (new GateMoments(m1, m2, d2, d1), new GateMoments(n1, n2, d2, d1));
    }

    /// <summary>The moments of tanh(z).</summary>
    public static GateMoments Tanh(double mean, double variance)
    {
        double sd = Math.Sqrt(variance);
        if (!(variance > 0))
        {
            return Quadrature(TanhFunction, mean, variance);
        }
        if (GaussHermite.For(sd, Math.PI / 2) is not { } rule)
        {
            return CompositeGateExpectation.Tanh(mean, sd);
        }
        double m1 = 0, m2 = 0, d2 = 0, d1 = 0;
        for (int i = 0; i < rule.Points; i++)
        {
            double t = Math.Tanh(mean + sd * rule.Nodes[i]), slope = 1 - t * t, w = rule.Weights[i];
            m1 += w * t;
            m2 += w * t * t;
            d1 += w * slope;
            d2 += w * slope * slope;
        }
        return new GateMoments(m1, m2, d2, d1);
    }

    private static GateMoments Quadrature(ActivationFunction activation, double mean, double variance)
    {
        (double m1, double m2, double d2) = NormalExpectation.Of(activation, mean, variance);
        return new GateMoments(m1, m2, d2, ActivationStatistics.MeanDerivative(activation, mean, variance));
    }
}

using System.Globalization;
using NetGen.Generators.Gradients;
using NetGen.Generators.Gradients.Recurrent;
using NetGen.Generators.Model;

namespace NetGen.Generators.Tests.Health.Recurrent;

/// <summary>The recurrent models' gate moments by Gauss–Hermite against the composite quadrature they replace.</summary>
public class GateExpectationTests
{
    private static readonly ActivationFunction Sigmoid = new(ActivationKind.Sigmoid, 0);
    private static readonly ActivationFunction Tanh = new(ActivationKind.Tanh, 0);

    public static TheoryData<double> Variances => new(new[] { 1e-8, 1e-4, 0.01, 0.1, 0.3, 0.5, 1, 2, 4, 30, 1000 });

    [Theory]
    [MemberData(nameof(Variances))]
    public void Sigmoid_moments_match_the_composite_quadrature(double variance)
    {
        foreach (double mean in new[] { -12.0, -4, -1, 0, 0.5, 1, 3, 7, 12 })
        {
            GateMoments fast = GateExpectation.Sigmoid(mean, variance);
            (double m1, double m2, double d2) = NormalExpectation.Of(Sigmoid, mean, variance);
            AssertClose(m1, fast.Mean, mean, variance, "E[σ]");
            AssertClose(m2, fast.MeanSquare, mean, variance, "E[σ²]");
            AssertClose(d2, fast.DerivativeMeanSquare, mean, variance, "E[σ'²]");
            if (Math.Abs(mean) <= 4)
            {
                // The reference is a central difference of E[σ], which loses its digits where σ saturates.
                AssertClose(ActivationStatistics.MeanDerivative(Sigmoid, mean, variance), fast.MeanDerivative, mean, variance, "E[σ']", 1e-5);
            }
            (GateMoments plus, GateMoments minus) = GateExpectation.SigmoidPair(mean, variance);
            AssertClose(fast.Mean, plus.Mean, mean, variance, "E[σ] (pair)", 1e-12);
            AssertClose(fast.DerivativeMeanSquare, plus.DerivativeMeanSquare, mean, variance, "E[σ'²] (pair)", 1e-12);
            (double n1, double n2, _) = NormalExpectation.Of(Sigmoid, -mean, variance);
            AssertClose(n1, minus.Mean, -mean, variance, "E[σ] (mirrored)");
            AssertClose(n2, minus.MeanSquare, -mean, variance, "E[σ²] (mirrored)");
        }
    }

    [Theory]
    [MemberData(nameof(Variances))]
    public void Tanh_moments_match_the_composite_quadrature(double variance)
    {
        GateMoments fast = GateExpectation.Tanh(0, variance);
        (_, double m2, double d2) = NormalExpectation.Of(Tanh, 0, variance);
        AssertClose(m2, fast.MeanSquare, 0, variance, "E[tanh²]");
        AssertClose(d2, fast.DerivativeMeanSquare, 0, variance, "E[tanh'²]");
        AssertClose(ActivationStatistics.MeanDerivative(Tanh, 0, variance), fast.MeanDerivative, 0, variance, "E[tanh']", 1e-5);
    }

    /// <summary>
    /// 10⁻⁶ relative: a per-step error the ratios compound over at most 1024 steps to about 10⁻³ (the fast path is
    /// held to 1 % of the numbers before it). E[f'] against a central difference of E[f], itself good to ~10⁻⁷.
    /// </summary>
    private static void AssertClose(double expected, double actual, double mean, double variance, string what, double tolerance = 1e-6) =>
        Assert.True(Math.Abs(actual - expected) <= tolerance * Math.Abs(expected) + 1e-300, string.Format(CultureInfo.InvariantCulture,
            "{0} at mean {1}, variance {2}: {3:R} by Gauss–Hermite, {4:R} by the composite quadrature; expected within {5:E0} relative.",
            what, mean, variance, actual, expected, tolerance));
}

using NetGen.Generators.Gradients;
using NetGen.Generators.Model;

namespace NetGen.Generators.Tests.Health;

/// <summary>
/// The gradient model's expectations over a normal pre-activation, at every scale, against references computed apart
/// from the model's code: adaptive Simpson integration in the test (split at the activation's kinks and around the
/// mean), closed forms where they exist, and the large-variance limits.
/// </summary>
public class NormalExpectationTests
{
    public static TheoryData<Activation, double, double> Cases()
    {
        var data = new TheoryData<Activation, double, double>();
        foreach (Activation activation in new[] { Activation.Sigmoid, Activation.Tanh, Activation.ReLU, Activation.LeakyReLU, Activation.ELU, Activation.SELU, Activation.Identity })
        {
            foreach (double variance in new[] { 1e-8, 1e-4, 0.3, 1, 50, 100, 500, 1e4, 1e8 })
            {
                foreach (double mean in new[] { 0.0, 0.7, -3 })
                {
                    data.Add(activation, mean, variance);
                }
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_adaptive_integration(Activation declared, double mean, double variance)
    {
        var kind = (ActivationKind)(int)declared;
        var activation = new ActivationFunction(kind, kind == ActivationKind.LeakyReLU ? 0.01 : kind == ActivationKind.ELU ? 1.0 : 0);
        (double m, double square, double derivative) = NormalExpectation.Of(activation, mean, variance);

        Func<double, double> f = ActivationFunctions.Function(kind, activation.Parameter);
        Func<double, double> fPrime = ActivationFunctions.Derivative(kind, activation.Parameter);
        AssertClose(Reference(f, mean, variance), m, "E[f]");
        AssertClose(Reference(z => f(z) * f(z), mean, variance), square, "E[f²]");
        AssertClose(Reference(z => fPrime(z) * fPrime(z), mean, variance), derivative, "E[f'²]");
    }

    [Theory]
    [InlineData(50)]
    [InlineData(500)]
    [InlineData(1e4)]
    [InlineData(1e8)]
    public void Saturating_derivatives_at_large_variance_follow_their_integral_over_the_density_at_the_mean(double variance)
    {
        // For a wide N(0, q), E[g(z)] → g's integral times the density at 0, 1/√(2πq): ∫tanh'² = 4/3, ∫σ'² = 1/6 (by
        // substitution u = tanh z, resp. s = σ(z)). The correction is of relative order 1/q.
        double density = 1 / Math.Sqrt(2 * Math.PI * variance);
        double tanh = NormalExpectation.Of(new ActivationFunction(ActivationKind.Tanh, 0), 0, variance).DerivativeMeanSquare;
        double sigmoid = NormalExpectation.Of(new ActivationFunction(ActivationKind.Sigmoid, 0), 0, variance).DerivativeMeanSquare;
        Assert.InRange(tanh / (4.0 / 3 * density), 1 - 3 / variance, 1 + 1e-9);
        Assert.InRange(sigmoid / (1.0 / 6 * density), 1 - 3 / variance, 1 + 1e-9);
    }

    [Fact]
    public void ReLU_has_its_closed_forms()
    {
        // z ~ N(μ, σ²): E[ReLU] = μΦ(μ/σ) + σφ(μ/σ), E[ReLU²] = (μ² + σ²)Φ(μ/σ) + μσφ(μ/σ), E[ReLU'²] = Φ(μ/σ).
        const double mu = 0.3, sigma = 2.0;
        double t = mu / sigma, phi = Math.Exp(-t * t / 2) / Math.Sqrt(2 * Math.PI);
        double cdf = 0.5596176923702425; // Φ(0.15) = (1 + erf(0.15/√2))/2, computed with Python's math.erf
        var (m, square, derivative) = NormalExpectation.Of(new ActivationFunction(ActivationKind.ReLU, 0), mu, sigma * sigma);
        Assert.Equal(mu * cdf + sigma * phi, m, 14);
        Assert.Equal((mu * mu + sigma * sigma) * cdf + mu * sigma * phi, square, 14);
        Assert.Equal(cdf, derivative, 14);
    }

    private static void AssertClose(double expected, double actual, string what)
    {
        // The reference's own rounding over a range of ±40 sd is about 1e-12 of the integrand's scale.
        double tolerance = 1e-9 * Math.Abs(expected) + 1e-12;
        Assert.True(Math.Abs(actual - expected) <= tolerance, $"{what}: expected {expected:R}, got {actual:R}");
    }

    /// <summary>
    /// ∫ g(z)·N(z; mean, variance) dz by adaptive Simpson over mean ± 40 sd, split at the kinks and saturation of the
    /// activations (0, ±1, ±10, ±40) and at every standard deviation, so that no feature falls between samples.
    /// </summary>
    private static double Reference(Func<double, double> g, double mean, double variance)
    {
        double sd = Math.Sqrt(variance);
        double from = mean - 40 * sd, to = mean + 40 * sd;
        var cuts = new SortedSet<double> { from, to };
        foreach (double c in new[] { 0.0, -1, 1, -10, 10, -40, 40 })
        {
            if (c > from && c < to)
            {
                cuts.Add(c);
            }
        }
        for (int k = -40; k <= 40; k++)
        {
            cuts.Add(mean + k * sd);
        }
        double Integrand(double z) => g(z) * Math.Exp(-0.5 * (z - mean) * (z - mean) / variance) / (sd * Math.Sqrt(2 * Math.PI));
        double total = 0;
        double[] points = cuts.ToArray();
        for (int i = 0; i + 1 < points.Length; i++)
        {
            double a = points[i], b = points[i + 1];
            double fa = Integrand(a), fb = Integrand(b), fm = Integrand((a + b) / 2);
            total += Adaptive(Integrand, a, b, fa, fm, fb, Simpson(a, b, fa, fm, fb), 1e-16, 30);
        }
        return total;
    }

    private static double Simpson(double a, double b, double fa, double fm, double fb) => (b - a) / 6 * (fa + 4 * fm + fb);

    private static double Adaptive(Func<double, double> f, double a, double b, double fa, double fm, double fb, double whole, double tolerance, int depth)
    {
        double m = (a + b) / 2, lm = (a + m) / 2, rm = (m + b) / 2;
        double flm = f(lm), frm = f(rm);
        double left = Simpson(a, m, fa, flm, fm), right = Simpson(m, b, fm, frm, fb);
        if (depth <= 0 || Math.Abs(left + right - whole) <= Math.Max(15 * tolerance, 1e-14 * Math.Abs(left + right)))
        {
            return left + right + (left + right - whole) / 15;
        }
        return Adaptive(f, a, m, fa, flm, fm, left, tolerance / 2, depth - 1) + Adaptive(f, m, b, fm, frm, fb, right, tolerance / 2, depth - 1);
    }
}

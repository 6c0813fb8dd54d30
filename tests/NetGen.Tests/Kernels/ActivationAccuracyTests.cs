namespace NetGen.Tests.Kernels;

/// <summary>
/// ELU and SELU for small negative z, where α(e^z − 1) loses the digits of e^z that cancel against 1 (at z = −1e-7 half of
/// a double's), and the sigmoid cross-entropy of a confident logit, whose whole loss is log(1 + e^−|z|) ≈ e^−|z|. The
/// references are Taylor series summed smallest term first, exact to about one ulp for |z| &lt; 1e-3.
/// </summary>
public class ActivationAccuracyTests
{
    private static readonly double[] SmallNegative = [-1e-7, -1.2345e-7, -3e-9, -1e-12, -1e-15, -4.5e-5, -9.9e-4];

    [Fact]
    public void ELU_and_SELU_of_small_negative_z_are_accurate_to_the_last_digits_in_double()
    {
        double seluAlpha = Activations.SeluAlpha, seluLambda = Activations.SeluLambda;
        foreach (double z in SmallNegative)
        {
            double expm1 = ExpM1Series(z);
            AssertRelative(expm1, Activations.ELU(z, 1.0), 1e-15, $"ELU({z:R})");
            AssertRelative(0.5 * expm1, Activations.ELU(z, 0.5), 1e-15, $"ELU({z:R}, α = 0.5)");
            AssertRelative(seluLambda * (seluAlpha * expm1), Activations.SELU(z), 1e-15, $"SELU({z:R})");
        }
    }

    [Fact]
    public void ELU_and_SELU_of_small_negative_z_are_accurate_to_the_last_digits_in_float()
    {
        foreach (double z in SmallNegative)
        {
            float zf = (float)z;
            double expm1 = ExpM1Series(zf);
            AssertRelative(expm1, Activations.ELU(zf, 1f), Math.Pow(2, -24), $"ELU({zf:R}f)");
            AssertRelative(Activations.SeluLambda * Activations.SeluAlpha * expm1, Activations.SELU(zf), 3 * Math.Pow(2, -24), $"SELU({zf:R}f)");
        }
    }

    [Theory]
    [InlineData(Activation.ELU)]
    [InlineData(Activation.SELU)]
    public void The_batch_kernels_values_and_gradients_near_zero_agree_with_the_series(Activation activation)
    {
        const double alpha = 1.0;
        double scale = activation == Activation.SELU ? Activations.SeluLambda * Activations.SeluAlpha : alpha;
        double[] z = [.. SmallNegative.Select(value => value / 100), .. SmallNegative];
        double[] a = new double[z.Length], dz = new double[z.Length];
        double[] da = [.. z.Select((_, i) => 0.25 + i)];
        ActivationKernels.Apply(activation, alpha, z, a);
        ActivationKernels.MultiplyByDerivative(activation, alpha, da, z, dz);
        for (int i = 0; i < z.Length; i++)
        {
            double expm1 = ExpM1Series(z[i]);
            AssertRelative(scale * expm1, a[i], 1e-15, $"{activation}({z[i]:R})");
            // f'(z) = scale·e^z = scale·(1 + (e^z − 1)); times da
            AssertRelative(da[i] * (scale * (1 + expm1)), dz[i], 1e-15, $"{activation}'({z[i]:R})·{da[i]}");
        }
    }

    [Theory]
    [InlineData(Activation.ReLU)]
    [InlineData(Activation.Sigmoid)]
    [InlineData(Activation.Tanh)]
    public void The_batch_kernels_vectorized_functions_agree_with_the_scalar_ones(Activation activation)
    {
        // From −40 to 40, through tiny and subnormal-adjacent magnitudes; an odd length leaves a remainder past the vectors.
        double[] z = [.. Enumerable.Range(-4001, 8003).Select(i => i / 100.0), 1e-300, -1e-300, 1e-9, -1e-9, -0.0];
        double[] a = new double[z.Length];
        ActivationKernels.Apply(activation, 0.0, z, a);
        for (int i = 0; i < z.Length; i++)
        {
            double expected = activation switch
            {
                Activation.ReLU => Activations.ReLU(z[i]),
                Activation.Sigmoid => Activations.Sigmoid(z[i]),
                _ => Activations.Tanh(z[i]),
            };
            double error = expected == 0 ? Math.Abs(a[i]) : Math.Abs(a[i] - expected) / Math.Abs(expected);
            double tolerance = activation == Activation.ReLU ? 0 : 1e-15;
            Assert.True(error <= tolerance, $"{activation}({z[i]:R}): {a[i]:R}, scalar {expected:R}, relative error {error:E2}");
        }
    }

    [Theory]
    [InlineData(40.0, 1.0)]
    [InlineData(-40.0, 0.0)]
    [InlineData(700.0, 1.0)]
    public void Sigmoid_cross_entropy_of_a_confidently_right_logit_is_e_to_the_minus_z(double logit, double target)
    {
        double expected = Math.Exp(-Math.Abs(logit)); // log(1 + e^−|z|) = e^−|z| − e^−2|z|/2 + …: the rest is below 1e-17 relative
        AssertRelative(expected, Losses.SigmoidCrossEntropy<double>([logit], [target]), 1e-15, $"loss of logit {logit} for target {target}");
    }

    [Fact]
    public void ExpM1_and_LogP1_are_within_1e_15_relative_over_small_arguments()
    {
        var random = new Random(7);
        for (int i = 0; i < 20_000; i++)
        {
            double x = (random.NextDouble() * 2 - 1) * Math.Pow(10, -3 - random.NextDouble() * 12); // |x| from 1e-15 to 1e-3
            AssertRelative(ExpM1Series(x), AccurateMath.ExpM1(x), 1e-15, $"ExpM1({x:R})");
            AssertRelative(LogP1Series(x), AccurateMath.LogP1(x), 1e-15, $"LogP1({x:R})");
        }
    }

    /// <summary>log(1 + x) = Σ_{n≥1} (−1)ⁿ⁺¹xⁿ/n, summed from the smallest term.</summary>
    private static double LogP1Series(double x)
    {
        var terms = new double[12];
        double power = x;
        for (int n = 0; n < terms.Length; n++)
        {
            terms[n] = (n % 2 == 0 ? power : -power) / (n + 1);
            power *= x;
        }
        double sum = 0;
        for (int n = terms.Length - 1; n >= 0; n--)
        {
            sum += terms[n];
        }
        return sum;
    }

    /// <summary>e^z − 1 = Σ_{n≥1} zⁿ/n!, summed from the smallest term.</summary>
    private static double ExpM1Series(double z)
    {
        var terms = new double[20];
        double term = z;
        for (int n = 0; n < terms.Length; n++)
        {
            terms[n] = term;
            term *= z / (n + 2);
        }
        double sum = 0;
        for (int n = terms.Length - 1; n >= 0; n--)
        {
            sum += terms[n];
        }
        return sum;
    }

    private static void AssertRelative(double expected, double actual, double tolerance, string what)
    {
        double error = Math.Abs(actual - expected) / Math.Abs(expected);
        Assert.True(error <= tolerance, $"{what}: {actual:R}, expected {expected:R}, relative error {error:E2} > {tolerance:E2}");
    }
}

using NetGen.Generators.Gradients;
using NetGen.Generators.Model;
using Xunit.Abstractions;

namespace NetGen.Generators.Tests.Health;

/// <summary>
/// The finite-width statistics of ReLU stacks (Gradients/FiniteWidth.cs) against tabulated special-function values, closed
/// forms and Monte Carlo simulations written here; their agreement with generated networks is measured in
/// tests/NetGen.Tests/FiniteWidth.
/// </summary>
public class FiniteWidthTests(ITestOutputHelper output)
{
    // Abramowitz & Stegun, table 6.1 (digamma) and 6.2 (trigamma), at 1/2, 1, 3/2, 2, 5/2.
    private static readonly double[] Digamma = [-1.9635100, -0.5772157, 0.0364900, 0.4227843, 0.7031566];
    private static readonly double[] Trigamma = [4.9348022, 1.6449341, 0.9348022, 0.6449341, 0.4903578];

    [Fact]
    public void Log_factor_of_a_width_5_layer_matches_the_tabulated_digamma_values()
    {
        // K active units of 5, given K ≥ 1: weights C(5, k)/31; ln R = ln(2/5) + ln χ²_K.
        double[] weights = [5 / 31.0, 10 / 31.0, 10 / 31.0, 5 / 31.0, 1 / 31.0];
        double meanDigamma = weights.Select((w, i) => w * Digamma[i]).Sum();
        double expectedMean = Math.Log(4.0 / 5) + meanDigamma;
        double expectedVariance = weights.Select((w, i) => w * (Trigamma[i] + Math.Pow(Digamma[i] - meanDigamma, 2))).Sum();

        (double mean, double variance) = FiniteWidth.ReLULogFactor(5);

        output.WriteLine($"width 5: mean {mean:F5} (table {expectedMean:F5}), variance {variance:F5} (table {expectedVariance:F5})");
        Assert.Equal(expectedMean, mean, 5);
        Assert.Equal(expectedVariance, variance, 5);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(10)]
    [InlineData(32)]
    public void Log_factor_matches_a_simulation_of_the_layer(int width)
    {
        // R = (2/n)·Σ over the active units of g², g ~ N(0, 1), each unit active with probability 1/2; given some active.
        const int draws = 200_000;
        var random = new Random(width);
        var logs = new List<double>(draws);
        while (logs.Count < draws)
        {
            double sum = 0;
            int active = 0;
            for (int i = 0; i < width; i++)
            {
                if (random.Next(2) == 1)
                {
                    active++;
                    double g = Gaussian(random);
                    sum += g * g;
                }
            }
            if (active > 0)
            {
                logs.Add(Math.Log(2.0 / width * sum));
            }
        }
        double sampleMean = logs.Average();
        double sampleVariance = logs.Sum(v => (v - sampleMean) * (v - sampleMean)) / (draws - 1);
        double fourth = logs.Sum(v => Math.Pow(v - sampleMean, 4)) / draws;

        (double mean, double variance) = FiniteWidth.ReLULogFactor(width);

        // Four standard errors of the sample mean and of the sample variance (from the sample's fourth central moment).
        double meanError = 4 * Math.Sqrt(sampleVariance / draws), varianceError = 4 * Math.Sqrt((fourth - sampleVariance * sampleVariance) / draws);
        output.WriteLine($"width {width}: mean {mean:F4} vs simulated {sampleMean:F4} ± {meanError:F4}; variance {variance:F4} vs {sampleVariance:F4} ± {varianceError:F4}");
        Assert.InRange(mean, sampleMean - meanError, sampleMean + meanError);
        Assert.InRange(variance, sampleVariance - varianceError, sampleVariance + varianceError);
    }

    [Fact]
    public void Wide_layers_approach_the_asymptotic_five_over_n()
    {
        (double mean, double variance) = FiniteWidth.ReLULogFactor(4000);
        Assert.InRange(mean * 4000, -2.5 * 1.01, -2.5 * 0.99);
        Assert.InRange(variance * 4000, 5 * 0.99, 5 * 1.01);
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(0.5)]
    [InlineData(0.9)]
    [InlineData(0.999)]
    public void Orthant_probability_matches_sheppards_formula(double rho)
    {
        // Two standard normals with correlation ρ are both ≤ 0 with probability 1/4 + arcsin(ρ)/(2π); three equicorrelated
        // ones with probability 1/8 + 3·arcsin(ρ)/(4π).
        Assert.Equal(0.25 + Math.Asin(rho) / (2 * Math.PI), FiniteWidth.AllAtMostZero(rho, 2), 6);
        Assert.Equal(0.125 + 3 * Math.Asin(rho) / (4 * Math.PI), FiniteWidth.AllAtMostZero(rho, 3), 6);
    }

    [Fact]
    public void Relu_correlation_map_matches_the_arc_cosine_kernel()
    {
        Assert.Equal(1 / Math.PI, FiniteWidth.ReLUCorrelation(0), 12);
        Assert.Equal(1, FiniteWidth.ReLUCorrelation(1), 12);
        // ρ = 0.5: E[relu(u)·relu(v)] / E[relu(u)²] by simulation, four standard errors.
        const int draws = 1_000_000;
        var random = new Random(7);
        double cross = 0, square = 0, crossSquares = 0;
        for (int i = 0; i < draws; i++)
        {
            double u = Gaussian(random), v = 0.5 * u + Math.Sqrt(0.75) * Gaussian(random);
            double product = Math.Max(u, 0) * Math.Max(v, 0);
            cross += product;
            crossSquares += product * product;
            square += Math.Max(u, 0) * Math.Max(u, 0);
        }
        double simulated = cross / square;
        double error = 4 * Math.Sqrt(crossSquares / draws - Math.Pow(cross / draws, 2)) / Math.Sqrt(draws) / (square / draws);
        Assert.InRange(FiniteWidth.ReLUCorrelation(0.5), simulated - error, simulated + error);
    }

    [Fact]
    public void Width_5_stack_of_20_has_beta_4_and_dies_for_an_input_with_probability_1_minus_31_32_to_the_20()
    {
        FiniteWidthPrediction prediction = FiniteWidth.Predict(GradientModelTests.Stack(ActivationKind.ReLU, InitKind.HeNormal, layers: 20, width: 5))!;
        Assert.Equal(20, prediction.Layers);
        Assert.Equal(4, prediction.Beta, 12);
        Assert.Equal(1 - Math.Pow(31.0 / 32, 20), prediction.DeadForAnInput, 12);
    }

    [Fact]
    public void Wide_stacks_stay_near_the_mean_field_prediction()
    {
        FiniteWidthPrediction prediction = FiniteWidth.Predict(GradientModelTests.Stack(ActivationKind.ReLU, InitKind.HeNormal, layers: 10, width: 1000))!;
        Assert.InRange(prediction.TypicalRatio, 0.98, 1.0);
        Assert.True(prediction.DeadForAnInput < 1e-200);
    }

    [Fact]
    public void Networks_with_skips_or_without_relu_layers_get_no_finite_width_prediction()
    {
        Assert.Null(FiniteWidth.Predict(GradientModelTests.Stack(ActivationKind.Tanh, InitKind.GlorotUniform, layers: 10, width: 5)));
    }

    /// <summary>
    /// The predictions the measurement test in tests/NetGen.Tests/FiniteWidth compares with (its table
    /// <c>FiniteWidthPredictions</c>): the same numbers, so that the table cannot drift from the code.
    /// </summary>
    [Theory]
    [MemberData(nameof(MeasuredNetworks))]
    public void Predictions_quoted_by_the_measurement_test_are_the_codes(int width, int depth, double dead, double logMean, double logVariance, double typical, double deadUnits)
    {
        FiniteWidthPrediction p = FiniteWidth.Predict(GradientModelTests.Stack(ActivationKind.ReLU, InitKind.HeNormal, depth, width))!;
        output.WriteLine($"[{width}, {depth}, {p.DeadForAnInput:F4}, {p.LogMean:F4}, {p.LogVariance:F4}, {p.TypicalRatio:G4}, {p.DeadUnitFraction:F4}]");
        Assert.Equal(dead, p.DeadForAnInput, 4);
        Assert.Equal(logMean, p.LogMean, 4);
        Assert.Equal(logVariance, p.LogVariance, 4);
        Assert.Equal(typical, p.TypicalRatio, 4);
        Assert.Equal(deadUnits, p.DeadUnitFraction, 4);
    }

    public static TheoryData<int, int, double, double, double, double, double> MeasuredNetworks() => new()
    {
        { 3, 5, 0.4871, -3.918, 17.5975, 0.141, 0.2444 },
        { 3, 10, 0.7369, -7.8917, 35.4864, 0.01933, 0.4535 },
        { 3, 20, 0.9308, -15.9632, 71.6146, 0.0003417, 0.6692 },
        { 5, 5, 0.1468, -3.1134, 11.8468, 0.2108, 0.0936 },
        { 5, 10, 0.272, -6.2598, 23.7735, 0.04372, 0.2103 },
        { 5, 20, 0.4701, -12.4521, 47.119, 0.001977, 0.3726 },
        { 10, 5, 0.0049, -1.5209, 4.3348, 0.4675, 0.0384 },
        { 10, 10, 0.0097, -3.0455, 8.6212, 0.2181, 0.1029 },
        { 10, 20, 0.0194, -6.1214, 17.2814, 0.046853, 0.1909 },
        { 32, 5, 0.0, -0.4101, 0.8603, 0.8146, 0.0366 },
        { 32, 10, 0.0, -0.819, 1.7661, 0.664, 0.0991 },
        { 32, 20, 0.0, -1.6985, 3.5589, 0.4277, 0.1839 },
    };

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}

namespace NetGen.Tests.Kernels;

/// <summary>The parameterised schemes: sample moments against the analytic ones, bounds, orthogonality, argument errors.</summary>
public class InitializerSchemeTests
{
    private const int Draws = 200_000;

    /// <summary>Five standard errors of a sample variance of <see cref="Draws"/> values whose kurtosis is at most <paramref name="kurtosis"/>: Var(s²) ≈ σ⁴(κ − 1)/n.</summary>
    private static double VarianceTolerance(double variance, double kurtosis) => 5 * variance * Math.Sqrt((kurtosis - 1) / Draws);

    private static (double Mean, double Variance) Moments(double[] values)
    {
        double mean = values.Average();
        return (mean, values.Select(v => (v - mean) * (v - mean)).Average());
    }

    private static void AssertMoments(double[] values, double mean, double variance, double kurtosis)
    {
        var (sampleMean, sampleVariance) = Moments(values);
        double meanTolerance = 5 * Math.Sqrt(variance / values.Length);
        Assert.InRange(sampleMean, mean - meanTolerance, mean + meanTolerance);
        double tolerance = VarianceTolerance(variance, kurtosis);
        Assert.InRange(sampleVariance, variance - tolerance, variance + tolerance);
    }

    [Fact]
    public void Normal_has_its_mean_and_variance()
    {
        var values = new double[Draws];
        Initializers.Normal<double>(values, mean: 0.3, standardDeviation: 2.0, new SeededRandom(1));
        AssertMoments(values, 0.3, 4.0, kurtosis: 3);
        Assert.Equal(4.0, Initializers.Variance(Init.Normal, 10, 10, 2.0, 0, 1, 1, FanMode.FanIn, 1), 12);
        Assert.Equal(0.3, Initializers.Mean(Init.Normal, 0, 0.3, 0, 1));
    }

    [Fact]
    public void Uniform_has_its_mean_and_variance_and_stays_in_its_bounds()
    {
        var values = new double[Draws];
        Initializers.Uniform<double>(values, minimum: -1.0, maximum: 3.0, new SeededRandom(2));
        AssertMoments(values, 1.0, 16.0 / 12.0, kurtosis: 1.8);
        Assert.All(values, v => Assert.InRange(v, -1.0, 3.0));
        Assert.True(values.Min() < -0.999 && values.Max() > 2.999, "the draws should cover the whole interval");
        Assert.Equal(16.0 / 12.0, Initializers.Variance(Init.Uniform, 10, 10, 0.05, -1.0, 3.0, 1, FanMode.FanIn, 1), 12);
        Assert.Equal(1.0, Initializers.Mean(Init.Uniform, 0, 0, -1.0, 3.0));
    }

    [Fact]
    public void Truncated_normal_stays_within_two_standard_deviations_with_variance_0_7737413_sigma_squared()
    {
        const double mean = 1.0, sigma = 0.5;
        var values = new double[Draws];
        Initializers.TruncatedNormal<double>(values, mean, sigma, new SeededRandom(3));
        // Var of N(0, 1) truncated to [−2, 2]: 1 − 2·2·φ(2) / (Φ(2) − Φ(−2)).
        double phi2 = Math.Exp(-2.0) / Math.Sqrt(2 * Math.PI);
        const double mass = 0.95449973610364158; // Φ(2) − Φ(−2) = erf(√2)
        double truncatedVariance = 1 - 4 * phi2 / mass;
        Assert.Equal(0.7737413, truncatedVariance, 7);
        AssertMoments(values, mean, truncatedVariance * sigma * sigma, kurtosis: 3);
        Assert.All(values, v => Assert.InRange(v, mean - 2 * sigma, mean + 2 * sigma));
        Assert.True(values.Max() > mean + 1.99 * sigma && values.Min() < mean - 1.99 * sigma, "redrawn, not clamped: values reach near both bounds");
        Assert.True(values.Count(v => Math.Abs(v - mean) >= 2 * sigma) < 5, "clamping would pile 4.6 % of the draws on the bounds");
        Assert.Equal(truncatedVariance * sigma * sigma, Initializers.Variance(Init.TruncatedNormal, 1, 1, sigma, 0, 1, 1, FanMode.FanIn, 1), 7);
    }

    public static TheoryData<FanMode, InitDistribution> VarianceScalingCases()
    {
        var data = new TheoryData<FanMode, InitDistribution>();
        foreach (FanMode mode in Enum.GetValues<FanMode>())
        {
            foreach (InitDistribution distribution in Enum.GetValues<InitDistribution>())
            {
                data.Add(mode, distribution);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(VarianceScalingCases))]
    public void Variance_scaling_has_variance_scale_over_n(FanMode mode, InitDistribution distribution)
    {
        const int fanIn = 300, fanOut = 100;
        const double scale = 2.0;
        double n = mode switch { FanMode.FanIn => 300, FanMode.FanOut => 100, _ => 200 };
        double variance = scale / n;
        var values = new double[Draws];
        Initializers.VarianceScaling<double>(values, scale, mode, distribution, fanIn, fanOut, new SeededRandom(4));
        AssertMoments(values, 0, variance, kurtosis: 3);
        double bound = distribution switch
        {
            InitDistribution.Uniform => Math.Sqrt(3 * variance),
            InitDistribution.TruncatedNormal => 2 * Math.Sqrt(variance) / 0.87962566103423978,
            _ => double.PositiveInfinity,
        };
        Assert.All(values, v => Assert.InRange(v, -bound, bound));
        Assert.Equal(variance, Initializers.Variance(Init.VarianceScaling, fanIn, fanOut, 0.05, 0, 1, scale, mode, 1), 12);
    }

    [Theory]
    [InlineData(8, 8)]
    [InlineData(5, 12)]
    [InlineData(12, 5)]
    [InlineData(64, 33)]
    [InlineData(33, 64)]
    [InlineData(1, 7)]
    [InlineData(7, 1)]
    public void Orthogonal_rows_or_columns_are_orthonormal_times_the_gain(int rows, int columns)
    {
        const double gain = 1.5;
        var w = new double[rows * columns];
        Initializers.Orthogonal<double>(w, rows, columns, gain, new SeededRandom(5));
        // rows ≤ columns: W·Wᵀ = gain²·I (orthonormal rows); rows > columns: Wᵀ·W = gain²·I (orthonormal columns).
        bool byRows = rows <= columns;
        int size = byRows ? rows : columns;
        int length = byRows ? columns : rows;
        for (int p = 0; p < size; p++)
        {
            for (int r = 0; r < size; r++)
            {
                double product = 0;
                for (int t = 0; t < length; t++)
                {
                    product += byRows ? w[p * columns + t] * w[r * columns + t] : w[t * columns + p] * w[t * columns + r];
                }
                Assert.True(Math.Abs(product - (p == r ? gain * gain : 0)) < 1e-12, $"({p}, {r}): {product}");
            }
        }
    }

    /// <summary>
    /// Keras's construction exactly: A [max, min] drawn row after row; Q of A = QR with R's diagonal made positive. Then Qᵀ·A = R is
    /// upper triangular with a positive diagonal, which pins Q down (the QR decomposition with a positive diagonal is unique).
    /// </summary>
    [Theory]
    [InlineData(9, 4)]
    [InlineData(4, 9)]
    [InlineData(6, 6)]
    public void Orthogonal_is_the_sign_corrected_Q_of_the_drawn_gaussian_matrix(int rows, int columns)
    {
        const double gain = 0.5;
        var w = new double[rows * columns];
        Initializers.Orthogonal<double>(w, rows, columns, gain, new SeededRandom(6));
        int m = Math.Max(rows, columns), k = Math.Min(rows, columns);
        var random = new SeededRandom(6);
        var a = new double[m, k];
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < k; j++)
            {
                a[i, j] = random.NextGaussian();
            }
        }
        // Q[i, j] = W[i, j] / gain when rows ≥ columns, W[j, i] / gain otherwise.
        double Q(int i, int j) => (rows >= columns ? w[i * columns + j] : w[j * columns + i]) / gain;
        for (int p = 0; p < k; p++)
        {
            for (int j = 0; j < k; j++)
            {
                double r = 0;
                for (int i = 0; i < m; i++)
                {
                    r += Q(i, p) * a[i, j];
                }
                if (p > j)
                {
                    Assert.True(Math.Abs(r) < 1e-12, $"R[{p}, {j}] = {r} below the diagonal");
                }
                else if (p == j)
                {
                    Assert.True(r > 0, $"R[{p}, {p}] = {r} is not positive: the sign correction is missing");
                }
            }
        }
    }

    [Fact]
    public void Orthogonal_depends_on_the_seed_only()
    {
        var first = new float[20 * 30];
        var again = new float[20 * 30];
        var other = new float[20 * 30];
        Initializers.Orthogonal<float>(first, 20, 30, 1.0, new SeededRandom(7));
        Initializers.Orthogonal<float>(again, 20, 30, 1.0, new SeededRandom(7));
        Initializers.Orthogonal<float>(other, 20, 30, 1.0, new SeededRandom(8));
        Assert.Equal(first, again);
        Assert.True(first.Zip(other).Count(pair => pair.First != pair.Second) > 590, "another seed should give another matrix");
    }

    [Fact]
    public void Orthogonal_entries_have_variance_gain_squared_over_the_larger_dimension()
    {
        var w = new double[200 * 100];
        Initializers.Orthogonal<double>(w, 200, 100, 2.0, new SeededRandom(9));
        double meanSquare = w.Average(v => v * v);
        Assert.Equal(4.0 / 200, meanSquare, 12); // exact: the columns are orthonormal, times the gain
        Assert.Equal(4.0 / 200, Initializers.Variance(Init.Orthogonal, 100, 200, 0, 0, 1, 1, FanMode.FanIn, 2.0), 15);
    }

    [Theory]
    [InlineData(3, 5)]
    [InlineData(5, 3)]
    [InlineData(4, 4)]
    public void Identity_is_the_gain_on_the_main_diagonal(int rows, int columns)
    {
        var values = Enumerable.Repeat(9f, rows * columns).ToArray();
        Initializers.Identity<float>(values, rows, columns, gain: 2.0);
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < columns; j++)
            {
                Assert.Equal(i == j ? 2f : 0f, values[i * columns + j]);
            }
        }
    }

    [Fact]
    public void Arguments_out_of_range_name_the_expected_and_the_actual_values()
    {
        var random = new SeededRandom(0);
        var values = new double[12];
        AssertError<ArgumentOutOfRangeException>(() => Initializers.Normal<double>(values, 0, -1.5, random), "standardDeviation", "-1.5", "at least 0");
        AssertError<ArgumentOutOfRangeException>(() => Initializers.TruncatedNormal<double>(values, 0, double.NaN, random), "standardDeviation", "NaN");
        AssertError<ArgumentOutOfRangeException>(() => Initializers.Normal<double>(values, double.NaN, 1, random), "mean", "NaN");
        AssertError<ArgumentOutOfRangeException>(() => Initializers.Uniform<double>(values, 0.5, 0.5, random), "maximum", "0.5", "exceed");
        AssertError<ArgumentOutOfRangeException>(() => Initializers.Uniform<double>(values, 1, 0.25, random), "maximum", "0.25", "1");
        AssertError<ArgumentOutOfRangeException>(() => Initializers.Uniform<double>(values, double.NegativeInfinity, 0, random), "minimum", "Infinity");
        AssertError<ArgumentOutOfRangeException>(
            () => Initializers.VarianceScaling<double>(values, 0, FanMode.FanIn, InitDistribution.Normal, 3, 4, random), "scale", "positive", "0");
        AssertError<ArgumentOutOfRangeException>(
            () => Initializers.VarianceScaling<double>(values, 1, FanMode.FanIn, InitDistribution.Normal, 0, 4, random), "fanIn", "positive", "0");
        AssertError<ArgumentException>(() => Initializers.Orthogonal<double>(values, 3, 5, 1, random), "values", "15", "12");
        AssertError<ArgumentException>(() => Initializers.Identity<double>(values, 2, 5, 1), "values", "10", "12");
        AssertError<ArgumentOutOfRangeException>(() => Initializers.Identity<double>(values, 3, 4, double.NaN), "gain", "NaN");
        AssertError<ArgumentOutOfRangeException>(() => Initializers.Orthogonal<double>(values, 0, 4, 1, random), "rows", "0");
        AssertError<ArgumentOutOfRangeException>(() => Initializers.Constant<double>(values, double.PositiveInfinity), "value", "Infinity");
        AssertError<ArgumentOutOfRangeException>(() => Initializers.HeNormal<double>(values, -2, random), "fanIn", "-2");
    }

    [Theory]
    [InlineData(Init.Normal, "Initializers.Normal(")]
    [InlineData(Init.Uniform, "Initializers.Uniform(")]
    [InlineData(Init.TruncatedNormal, "Initializers.TruncatedNormal(")]
    [InlineData(Init.VarianceScaling, "Initializers.VarianceScaling(")]
    [InlineData(Init.Orthogonal, "Initializers.Orthogonal(")]
    [InlineData(Init.Identity, "Initializers.Identity(")]
    public void Fill_refuses_the_schemes_with_parameters_and_names_the_method_to_call(Init init, string method)
    {
        var random = new SeededRandom(0);
        ArgumentException error = Assert.Throws<ArgumentException>(() => Initializers.Fill<float>(new float[6], init, 2, 3, 0, random));
        Assert.Equal("init", error.ParamName);
        Assert.Contains(method, error.Message);
        Assert.Equal(new SeededRandom(0).NextUInt64(), random.NextUInt64()); // nothing drawn
        error = Assert.Throws<ArgumentException>(() => Initializers.Variance(init, 2, 3));
        Assert.Contains("Variance(init, fanIn, fanOut, standardDeviation", error.Message);
    }

    private static void AssertError<TException>(Action action, string parameter, params string[] inMessage) where TException : ArgumentException
    {
        TException error = Assert.Throws<TException>(action);
        Assert.Equal(parameter, error.ParamName);
        foreach (string text in inMessage)
        {
            Assert.Contains(text, error.Message);
        }
    }
}

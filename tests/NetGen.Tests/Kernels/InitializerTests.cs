namespace NetGen.Tests.Kernels;

public class InitializerTests
{
    private const int FanIn = 400;
    private const int FanOut = 200;

    // Variances from the papers' formulas, written out here rather than taken from Initializers.Variance:
    // Glorot: 2/(in+out); He: 2/in; LeCun: 1/in; U(±1/√in): 1/(3·in); N(0,1): 1.
    [Theory]
    [InlineData(Init.GlorotUniform, 2.0 / (FanIn + FanOut), 3.0 * 2.0 / (FanIn + FanOut))]
    [InlineData(Init.GlorotNormal, 2.0 / (FanIn + FanOut), double.PositiveInfinity)]
    [InlineData(Init.HeUniform, 2.0 / FanIn, 3.0 * 2.0 / FanIn)]
    [InlineData(Init.HeNormal, 2.0 / FanIn, double.PositiveInfinity)]
    [InlineData(Init.LeCunNormal, 1.0 / FanIn, double.PositiveInfinity)]
    [InlineData(Init.LegacyUniform, 1.0 / (3.0 * FanIn), 1.0 / FanIn)]
    [InlineData(Init.StandardNormal, 1.0, double.PositiveInfinity)]
    public void Random_schemes_have_zero_mean_and_the_published_variance(Init init, double variance, double squaredLimit)
    {
        var values = new double[FanIn * FanOut];
        Initializers.Fill<double>(values, init, FanIn, FanOut, constant: 0, new SeededRandom(9));
        double mean = values.Average();
        double sampleVariance = values.Select(v => (v - mean) * (v - mean)).Average();
        // 80,000 draws: the sample variance is within 2% of the true one far beyond 5 standard errors.
        Assert.InRange(sampleVariance / variance, 0.98, 1.02);
        Assert.InRange(mean, -5 * Math.Sqrt(variance / values.Length), 5 * Math.Sqrt(variance / values.Length));
        Assert.All(values, v => Assert.True(v * v <= squaredLimit, $"{v} is outside the uniform limit"));
        Assert.Equal(variance, Initializers.Variance(init, FanIn, FanOut), 12);
    }

    [Fact]
    public void Deterministic_schemes_fill_zeros_and_constants()
    {
        var values = new float[10];
        Initializers.Fill<float>(values, Init.Constant, 3, 4, constant: 0.25, new SeededRandom(0));
        Assert.All(values, v => Assert.Equal(0.25f, v));
        Initializers.Fill<float>(values, Init.Zeros, 3, 4, constant: 0.25, new SeededRandom(0));
        Assert.All(values, v => Assert.Equal(0f, v));
    }

    [Fact]
    public void Undefined_scheme_names_the_valid_ones()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Initializers.Fill<float>(new float[1], (Init)42, 1, 1, 0, new SeededRandom(0)));
        Assert.Contains("HeNormal", error.Message);
    }
}

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

    public static TheoryData<Init> OldRandomSchemes() =>
        [Init.GlorotUniform, Init.GlorotNormal, Init.HeUniform, Init.HeNormal, Init.LeCunNormal, Init.LegacyUniform, Init.StandardNormal];

    /// <summary>
    /// The values the schemes drew before they had methods of their own, computed here from <see cref="SeededRandom"/> itself: one
    /// NextDouble per uniform value, (2u − 1)·limit; one NextGaussian per normal value, g·σ. Generated networks' snapshots and
    /// accuracies depend on these bits and on the draw order.
    /// </summary>
    private static double[] Reference(Init init, int count, int fanIn, int fanOut, long seed)
    {
        var random = new SeededRandom(seed);
        double limit = init switch
        {
            Init.GlorotUniform => Math.Sqrt(6.0 / (fanIn + fanOut)),
            Init.HeUniform => Math.Sqrt(6.0 / fanIn),
            Init.LegacyUniform => 1.0 / Math.Sqrt(fanIn),
            _ => double.NaN,
        };
        double sigma = init switch
        {
            Init.GlorotNormal => Math.Sqrt(2.0 / (fanIn + fanOut)),
            Init.HeNormal => Math.Sqrt(2.0 / fanIn),
            Init.LeCunNormal => Math.Sqrt(1.0 / fanIn),
            Init.StandardNormal => 1.0,
            _ => double.NaN,
        };
        return [.. Enumerable.Range(0, count).Select(_ => double.IsNaN(limit) ? random.NextGaussian() * sigma : (2 * random.NextDouble() - 1) * limit)];
    }

    [Theory]
    [MemberData(nameof(OldRandomSchemes))]
    public void Fill_and_the_scheme_methods_give_the_same_bits_as_before(Init init)
    {
        const int fanIn = 7, fanOut = 5, count = 35;
        double[] expected = Reference(init, count, fanIn, fanOut, seed: 11);

        var viaFill = new double[count];
        var random = new SeededRandom(11);
        Initializers.Fill<double>(viaFill, init, fanIn, fanOut, constant: 0, random);
        Assert.Equal(expected.Select(BitConverter.DoubleToInt64Bits), viaFill.Select(BitConverter.DoubleToInt64Bits));
        var singles = new float[count];
        Initializers.Fill<float>(singles, init, fanIn, fanOut, constant: 0, new SeededRandom(11));
        Assert.Equal(expected.Select(v => BitConverter.SingleToInt32Bits((float)v)), singles.Select(BitConverter.SingleToInt32Bits));

        var viaMethod = new double[count];
        var methodRandom = new SeededRandom(11);
        switch (init)
        {
            case Init.GlorotUniform: Initializers.GlorotUniform<double>(viaMethod, fanIn, fanOut, methodRandom); break;
            case Init.GlorotNormal: Initializers.GlorotNormal<double>(viaMethod, fanIn, fanOut, methodRandom); break;
            case Init.HeUniform: Initializers.HeUniform<double>(viaMethod, fanIn, methodRandom); break;
            case Init.HeNormal: Initializers.HeNormal<double>(viaMethod, fanIn, methodRandom); break;
            case Init.LeCunNormal: Initializers.LeCunNormal<double>(viaMethod, fanIn, methodRandom); break;
            case Init.LegacyUniform: Initializers.LegacyUniform<double>(viaMethod, fanIn, methodRandom); break;
            default: Initializers.StandardNormal<double>(viaMethod, methodRandom); break;
        }
        Assert.Equal(viaFill, viaMethod);
        // Both leave the generator where the old code left it (the draws that follow, the biases', are unchanged too).
        SeededRandomState expectedState = ReferenceState(init, count, seed: 11);
        Assert.Equal(expectedState, random.GetState());
        Assert.Equal(expectedState, methodRandom.GetState());
    }

    /// <summary>The generator's state after <see cref="Reference"/> drew its values.</summary>
    private static SeededRandomState ReferenceState(Init init, int count, long seed)
    {
        var random = new SeededRandom(seed);
        bool uniform = init is Init.GlorotUniform or Init.HeUniform or Init.LegacyUniform;
        for (int i = 0; i < count; i++)
        {
            _ = uniform ? random.NextDouble() : random.NextGaussian();
        }
        return random.GetState();
    }
}

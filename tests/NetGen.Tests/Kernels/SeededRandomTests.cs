using NetGen;

namespace NetGen.Tests.Kernels;

public class SeededRandomTests
{
    [Fact]
    public void Same_seed_gives_same_sequence_and_other_seed_differs()
    {
        var a = new SeededRandom(42);
        var b = new SeededRandom(42);
        var c = new SeededRandom(43);
        var fromA = Enumerable.Range(0, 100).Select(_ => a.NextUInt64()).ToArray();
        Assert.Equal(fromA, Enumerable.Range(0, 100).Select(_ => b.NextUInt64()).ToArray());
        Assert.NotEqual(fromA, Enumerable.Range(0, 100).Select(_ => c.NextUInt64()).ToArray());
    }

    [Fact]
    public void Gaussian_samples_have_mean_zero_and_variance_one()
    {
        var random = new SeededRandom(7);
        const int n = 200_000;
        double sum = 0, sumOfSquares = 0;
        for (int i = 0; i < n; i++)
        {
            double x = random.NextGaussian();
            sum += x;
            sumOfSquares += x * x;
        }
        double mean = sum / n;
        double variance = sumOfSquares / n - mean * mean;
        // Standard errors: 1/sqrt(n) ≈ 0.0022 for the mean, sqrt(2/n) ≈ 0.0032 for the variance.
        Assert.InRange(mean, -0.01, 0.01);
        Assert.InRange(variance, 0.985, 1.015);
    }

    [Fact]
    public void Shuffle_is_a_permutation()
    {
        var values = Enumerable.Range(0, 1000).ToArray();
        new SeededRandom(1).Shuffle(values.AsSpan());
        Assert.NotEqual(Enumerable.Range(0, 1000), values);
        Assert.Equal(Enumerable.Range(0, 1000), values.Order());
    }
}

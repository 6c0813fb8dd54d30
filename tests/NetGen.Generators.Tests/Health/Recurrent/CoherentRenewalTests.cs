using System.Globalization;
using NetGen.Generators.Gradients.Recurrent;

namespace NetGen.Generators.Tests.Health.Recurrent;

/// <summary>The renewal sums by the coefficients' autocorrelations against the same sums term by term.</summary>
public class CoherentRenewalTests
{
    [Theory]
    [InlineData(1, 0.5, 0.3)]
    [InlineData(2, 0.5, 0)] // no renewals: the coherent runs alone
    [InlineData(3, 0, 0.3)] // no coherent mixing: a product of mean squares
    [InlineData(4, 0.9, 0.05)] // a long, slowly decaying run (the correlations reach far)
    public void Correlations_carried_forward_give_the_renewal_sums_term_by_term(int seed, double coherentScale, double noiseScale)
    {
        var random = new Random(seed);
        CoherentStep[] steps = Enumerable.Range(0, 300)
            .Select(_ => new CoherentStep(random.NextDouble(), coherentScale * random.NextDouble(), noiseScale * random.NextDouble()))
            .ToArray();
        double[] fast = CoherentRenewal.MeanSquares(steps);
        double[] byRuns = CoherentRenewal.MeanSquaresByRuns(steps);
        Assert.Equal(byRuns.Length, fast.Length);
        for (int k = 0; k < fast.Length; k++)
        {
            // Below 1e-290 the sums are subnormal doubles, which keep too few digits to compare.
            if (byRuns[k] > 1e-290)
            {
                Assert.True(Math.Abs(fast[k] / byRuns[k] - 1) <= 1e-12, string.Format(CultureInfo.InvariantCulture,
                    "A({0}): {1:R} by correlations, {2:R} term by term; expected within 1e-12.", k, fast[k], byRuns[k]));
            }
        }
    }

    [Fact]
    public void The_stationary_sums_are_the_renewal_sums_of_the_repeated_step()
    {
        var step = new CoherentStep(0.8, 0.15, 0.05);
        List<double> stationary = CoherentRenewal.Stationary(step, 500);
        double[] byRuns = CoherentRenewal.MeanSquaresByRuns(Enumerable.Repeat(step, stationary.Count - 1).ToArray());
        Assert.True(stationary.Count > 3, $"expected several lags before the e-fold, got {stationary.Count}");
        for (int k = 0; k < stationary.Count; k++)
        {
            Assert.Equal(byRuns[k], stationary[k], 1e-12 * byRuns[k]);
        }
    }
}

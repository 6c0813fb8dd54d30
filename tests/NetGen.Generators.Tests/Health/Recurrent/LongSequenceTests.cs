using System.Collections.Immutable;
using System.Globalization;
using NetGen.Generators.Gradients.Recurrent;
using Xunit.Abstractions;

namespace NetGen.Generators.Tests.Health.Recurrent;

/// <summary>
/// Sequences longer than <see cref="RecurrentHorizonPrediction.MaxComputedLags"/>: the computed lags are the stationary
/// state's, which is what the last steps of a long sequence see, and <see cref="RecurrentHorizonPrediction.Ratio"/>
/// reaches every lag.
/// </summary>
public class LongSequenceTests(ITestOutputHelper output)
{
    private const int Computed = RecurrentHorizonPrediction.MaxComputedLags;

    [Theory]
    [InlineData("rnn-tanh-torch")]
    [InlineData("rnn-relu-orth")]
    [InlineData("lstm-torch")]
    [InlineData("lstm-b1")]
    [InlineData("lstm-keras")]
    [InlineData("gru-torch")]
    [InlineData("gru-keras")]
    public void A_long_sequence_has_the_lags_of_one_whose_state_has_settled(string name)
    {
        RecurrentHorizonPrediction exact = RecurrentHorizon.Predict(HorizonCases.Get(name, Computed));
        RecurrentHorizonPrediction longer = RecurrentHorizon.Predict(HorizonCases.Get(name, 1_000_000));
        Assert.Equal(Computed, longer.Ratios.Length);
        Assert.Equal(1_000_000, longer.SequenceLength);
        // The first half of T = 1024's lags only go back through steps where the state from zero has long settled.
        for (int k = 0; k < Computed / 2 && exact.Ratios[k] > 1e-150; k++)
        {
            Assert.True(Math.Abs(longer.Ratio(k) / exact.Ratios[k] - 1) <= 1e-6, string.Format(CultureInfo.InvariantCulture,
                "{0}, lag {1}: {2:R} at T = 10⁶, {3:R} at T = {4}; expected the same within 1e-6.", name, k, longer.Ratio(k), exact.Ratios[k], Computed));
        }
        Assert.Equal(exact.MemoryHorizon, longer.MemoryHorizon);
    }

    [Fact]
    public void An_irnn_long_sequence_has_the_discrete_arcsine_law_at_the_computed_lags_and_the_continuous_one_beyond()
    {
        const int length = 5000;
        RecurrentHorizonPrediction p = RecurrentHorizon.Predict(HorizonCases.Get("irnn", length));
        ImmutableArray<double> exact = ArcsineRatios(length);
        for (int k = 0; k < Computed; k++)
        {
            Assert.Equal(exact[k], p.Ratio(k), 1e-12);
        }
        foreach (int lag in new[] { Computed, 2000, 3000, 4000, 4900, length - 2, length - 1 })
        {
            Assert.True(Math.Abs(p.Ratio(lag) / exact[lag] - 1) <= 2e-3, string.Format(CultureInfo.InvariantCulture,
                "lag {0}: {1:R} by the continuous law, {2:R} by the discrete one; expected within 0.2 %.", lag, p.Ratio(lag), exact[lag]));
        }
        double exactHorizon = TimeCurves.EFoldFromLagOne(exact);
        output.WriteLine(string.Format(CultureInfo.InvariantCulture, "horizon {0:F3} (discrete {1:F3})", p.MemoryHorizon, exactHorizon));
        Assert.InRange(p.MemoryHorizon, 0.999 * exactHorizon, 1.001 * exactHorizon);
    }

    /// <summary>
    /// Chrono (T_max = 1000) over 20000 steps: the ratios at lags beyond the computed ones against every lag computed
    /// one by one, printed from a build with <see cref="RecurrentHorizonPrediction.MaxComputedLags"/> = 40000 (the forward
    /// state from zero has settled long before these lags' steps).
    /// </summary>
    [Theory]
    [InlineData(1500, 3.536028107035957E-05)]
    [InlineData(3000, 4.2519087114220645E-06)]
    [InlineData(4999, 3.106016486099481E-07)]
    [InlineData(7000, 2.4686619016115218E-08)]
    [InlineData(10000, 5.965358225473807E-10)]
    [InlineData(15000, 1.3227257456513933E-12)]
    [InlineData(19999, 3.1096720957839226E-15)]
    public void Chrono_long_sequences_follow_the_mixture_of_rates_beyond_the_computed_lags(int lag, double everyLagComputed)
    {
        var layer = HorizonCases.Get("lstm-chrono50", 20000) with { ForgetBias = ForgetGateBias.Chrono(1000) };
        double ratio = RecurrentHorizon.Predict(layer).Ratio(lag);
        Assert.True(Math.Abs(ratio / everyLagComputed - 1) <= 1e-3, string.Format(CultureInfo.InvariantCulture,
            "lag {0}: {1:R} from the knots, {2:R} with every lag computed; expected within 0.1 %.", lag, ratio, everyLagComputed));
    }

    /// <summary>
    /// A ReLU recurrence of gain 3 explodes: E[h²] overflows a double after a few hundred steps, while the factor per step
    /// stays s_rec²·P(z &gt; 0) = 9/2 (ReLU is scale-free). Before, the overflowed variance made every later ratio NaN.
    /// </summary>
    [Fact]
    public void An_exploding_relu_recurrence_keeps_its_factor_once_the_state_overflows()
    {
        var layer = HorizonCases.Get("rnn-relu-orth", 1000) with { Recurrent = RecurrentInit.Orthogonal(3) };
        RecurrentHorizonPrediction p = RecurrentHorizon.Predict(layer);
        for (int k = 0; k < 1000; k++)
        {
            double expected = Math.Pow(4.5, k / 2.0);
            Assert.False(double.IsNaN(p.Ratios[k]), $"lag {k}: NaN");
            Assert.True(double.IsInfinity(expected) ? double.IsPositiveInfinity(p.Ratios[k]) : Math.Abs(p.Ratios[k] / expected - 1) <= 1e-9,
                string.Format(CultureInfo.InvariantCulture, "lag {0}: {1:R}, expected 4.5^(k/2) = {2:R}", k, p.Ratios[k], expected));
        }
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(100)]
    public void A_lag_outside_the_sequence_is_refused(int lag)
    {
        RecurrentHorizonPrediction p = RecurrentHorizon.Predict(HorizonCases.Get("lstm-b1", 100));
        Assert.Throws<ArgumentOutOfRangeException>(() => p.Ratio(lag));
    }

    /// <summary>√P(argmin of the walk ≤ T − k), from u_m = C(2m, m)/4^m over the whole sequence, as the model computes a short one.</summary>
    private static ImmutableArray<double> ArcsineRatios(int length)
    {
        var u = new double[length + 1];
        u[0] = 1;
        for (int m = 1; m <= length; m++)
        {
            u[m] = u[m - 1] * (2 * m - 1) / (2 * m);
        }
        var cumulative = new double[length + 1];
        double sum = 0;
        for (int m = 0; m <= length; m++)
        {
            sum += u[m] * u[length - m];
            cumulative[m] = sum;
        }
        return Enumerable.Range(0, length).Select(k => Math.Sqrt(cumulative[length - k] / cumulative[length])).ToImmutableArray();
    }
}

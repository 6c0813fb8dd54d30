using NetGen.Generators.Gradients.Recurrent;

namespace NetGen.Generators.Tests.Health.Recurrent;

/// <summary>
/// The prediction's work is bounded whatever the declared sequence length: at most
/// <see cref="RecurrentHorizonPrediction.MaxComputedLags"/> lags are computed one by one, the rest continue by a tail, and
/// every lag's ratio is a number (infinity only where the model predicts growth past a double's range, as an LSTM of
/// forget bias 3 over 100,000 steps). (Its time is measured by bench/NetGen.Benchmarks.Analyzers, not here: timed unit
/// tests are noise on a shared machine.)
/// </summary>
public class RecurrentHorizonCostTests
{
    public static TheoryData<string> Cases => new(HorizonCases.Names);

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_prediction_at_any_length_computes_a_bounded_number_of_lags(string name)
    {
        foreach (int length in new[] { 1000, 100_000, int.MaxValue })
        {
            RecurrentHorizonPrediction prediction = RecurrentHorizon.Predict(HorizonCases.Get(name, length));
            Assert.Equal(length, prediction.SequenceLength);
            Assert.InRange(prediction.Ratios.Length, 1, RecurrentHorizonPrediction.MaxComputedLags);
            foreach (int lag in new[] { 0, 1, length / 2, length - 1 })
            {
                double ratio = prediction.Ratio(lag);
                Assert.True(ratio >= 0, $"{name}, T = {length}: ratio {ratio} at lag {lag}"); // false for NaN
            }
        }
    }
}

using System.Globalization;
using NetGen.Generators.Gradients.Recurrent;
using Xunit.Abstractions;

namespace NetGen.Generators.Tests.Health.Recurrent;

/// <summary>
/// The time-horizon model against a measurement: ‖∂L/∂h_{T−k}‖/‖∂L/∂h_T‖ from the naive reference at initialization,
/// geometric mean over the case's seeds (<see cref="RecurrentCase.Seeds"/>, <see cref="BpttMeasurement"/>), within 2x of the
/// prediction at every lag k &lt; T = 50.
/// </summary>
public class RecurrentHorizonTests(ITestOutputHelper output)
{
    public static TheoryData<string> Cases => new(RecurrentCases.Names);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Prediction_is_within_2x_of_the_measurement_at_every_lag(string name)
    {
        RecurrentCase c = RecurrentCases.Get(name);
        RecurrentHorizonPrediction predicted = RecurrentHorizon.Predict(c.Model);
        (double[] measured, double[] rootMeanSquare) = BpttMeasurement.Of(c);
        output.WriteLine($"{name}: horizon {predicted.MemoryHorizon.ToString("F2", CultureInfo.InvariantCulture)} steps, step factor² {predicted.StepFactorSquared.ToString("F4", CultureInfo.InvariantCulture)}");
        output.WriteLine("lag  measured(geo)  measured(RMS)  predicted  predicted/measured");
        double worst = 1;
        int worstLag = 0;
        for (int k = 0; k < RecurrentCases.Length; k++)
        {
            double factor = predicted.Ratios[k] / measured[k];
            output.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0,3}  {1,13:E3}  {2,13:E3}  {3,9:E3}  {4,8:F3}", k, measured[k], rootMeanSquare[k], predicted.Ratios[k], factor));
            if (Math.Abs(Math.Log(factor)) > Math.Abs(Math.Log(worst)))
            {
                (worst, worstLag) = (factor, k);
            }
        }
        Assert.True(Math.Abs(Math.Log(worst)) <= Math.Log(2),
            $"{name}: predicted/measured = {worst.ToString("F3", CultureInfo.InvariantCulture)} at lag {worstLag}; expected within 2x at every lag.");
    }
}

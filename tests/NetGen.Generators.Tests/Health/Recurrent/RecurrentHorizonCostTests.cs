using System.Diagnostics;
using System.Globalization;
using NetGen.Generators.Gradients.Recurrent;
using Xunit.Abstractions;

namespace NetGen.Generators.Tests.Health.Recurrent;

/// <summary>Timing tests run alone, so that the other tests' threads and allocations do not time them.</summary>
[CollectionDefinition(nameof(RecurrentTimingCollection), DisableParallelization = true)]
public class RecurrentTimingCollection
{
}

/// <summary>The prediction is cheap enough for an analyzer that runs while the user types, at any declared sequence length.</summary>
[Collection(nameof(RecurrentTimingCollection))]
public class RecurrentHorizonCostTests(ITestOutputHelper output)
{
    /// <summary>About ten times what a prediction takes on a loaded 2-core machine (at most ~25 ms, chrono at T = 1000).</summary>
    private const double MaxMilliseconds = 250;

    public static TheoryData<string> Cases => new(HorizonCases.Names);

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_prediction_costs_milliseconds_whatever_the_sequence_length(string name)
    {
        foreach (int length in new[] { 1000, 100_000, int.MaxValue })
        {
            RecurrentHorizonInput layer = HorizonCases.Get(name, length);
            double best = double.PositiveInfinity;
            for (int run = 0; run < 5; run++)
            {
                var stopwatch = Stopwatch.StartNew();
                RecurrentHorizon.Predict(layer);
                best = Math.Min(best, stopwatch.Elapsed.TotalMilliseconds);
            }
            output.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0}, T = {1}: {2:F2} ms", name, length, best));
            Assert.True(best <= MaxMilliseconds, string.Format(CultureInfo.InvariantCulture,
                "{0} at T = {1}: {2:F0} ms; expected at most {3} ms (an analyzer runs it at every keystroke).", name, length, best, MaxMilliseconds));
        }
    }
}

using Xunit.Abstractions;

namespace NetGen.Tests.FiniteWidth;

/// <summary>
/// NetGen's finite-width prediction for narrow He-initialized ReLU stacks (FiniteWidthPredictions.cs) against generated
/// networks: 400 constructions of each, one input each for the per-input statistics (independent draws) and a batch of 32
/// for the dead units. Every tolerance is four standard errors of the measurement, except the dead-unit fraction's,
/// which is the model's own error (stated below).
/// </summary>
public class FiniteWidthMeasurementTests(ITestOutputHelper output)
{
    private const int Constructions = 400;
    private const int BatchSize = 32;

    // The mean-field correlation map makes the inputs' representations collapse more slowly than they do at finite
    // width, so the dead-unit fraction is predicted low for the narrow stacks (by 0.086 at width 10 and depth 20, where
    // the measurement's own standard error is ~0.01); this tolerance is that model error, not a sampling one.
    private const double DeadUnitModelError = 0.1;

    // Below this many inputs the network is alive at, the sample's log moments are too noisy to check.
    private const int MinAliveForMoments = 50;

    // Targets ~100x the outputs' scale make the output error (output − target) independent of the output layer's weights,
    // as the finite-width law assumes of the gradient that enters the last layer.
    private const double TargetScale = 100;

    public static TheoryData<string> Networks() => new(NetworkTypes().Select(t => t.Name));

    [Theory]
    [MemberData(nameof(Networks))]
    public void Finite_width_prediction_agrees_with_generated_networks(string name)
    {
        Type type = NetworkTypes().Single(t => t.Name == name);
        FiniteWidthPrediction predicted = FiniteWidthPrediction.ByNetwork[name];
        Measurement measured = Measure(type);

        int n = Constructions;
        double dead = (double)measured.DeadInputs / n;
        List<double> logs = measured.Logs;
        double below = (double)logs.Count(v => v < 2 * Math.Log(predicted.TypicalRatio)) / Math.Max(1, logs.Count);
        double mean = logs.Count > 1 ? logs.Average() : double.NaN;
        double variance = logs.Count > 1 ? logs.Sum(v => (v - mean) * (v - mean)) / (logs.Count - 1) : double.NaN;
        double fourth = logs.Count > 1 ? logs.Sum(v => Math.Pow(v - mean, 4)) / logs.Count : double.NaN;
        output.WriteLine($"{name}: dead for an input {dead:F3} (predicted {predicted.DeadForAnInput:F3}); born dead for a batch of {BatchSize} {(double)measured.BornDead / n:F3}");
        output.WriteLine($"  alive inputs {logs.Count}: ln(g/g_mf) mean {mean:F2} (predicted {predicted.LogMean:F2}), variance {variance:F2} (predicted {predicted.LogVariance:F2})");
        output.WriteLine($"  alive inputs below the predicted typical ratio {predicted.TypicalRatio:G3}: {below:F3} (0.5 if it is their median)");
        output.WriteLine($"  dead units for a batch {measured.DeadUnits:F3} (predicted {predicted.DeadUnitFraction:F3}); median over networks of the batch's first/last ratio / mean-field {measured.BatchRatioMedian:G3}");

        double deadError = 4 * Math.Sqrt(predicted.DeadForAnInput * (1 - predicted.DeadForAnInput) / n);
        Assert.InRange(dead, predicted.DeadForAnInput - deadError, predicted.DeadForAnInput + deadError);
        // Born dead (for every input of the batch) implies dead for the first of them: at most the per-input probability.
        Assert.InRange((double)measured.BornDead / n, 0, predicted.DeadForAnInput + deadError);
        if (logs.Count >= MinAliveForMoments)
        {
            // The typical ratio is the median of the alive inputs: half of them lie below it (binomial, four standard errors).
            double medianError = 4 * Math.Sqrt(0.25 / logs.Count);
            Assert.True(Math.Abs(below - 0.5) <= medianError, $"{below:F3} of the alive inputs below the predicted typical ratio");
            double meanError = 4 * Math.Sqrt(variance / logs.Count), varianceError = 4 * Math.Sqrt((fourth - variance * variance) / logs.Count);
            Assert.InRange(predicted.LogMean, mean - meanError, mean + meanError);
            Assert.InRange(predicted.LogVariance, variance - varianceError, variance + varianceError);
        }
        Assert.InRange(measured.DeadUnits, predicted.DeadUnitFraction - DeadUnitModelError, predicted.DeadUnitFraction + DeadUnitModelError);
    }

    private sealed record Measurement(int DeadInputs, List<double> Logs, int BornDead, double DeadUnits, double BatchRatioMedian);

    /// <summary>
    /// Per construction: one standard-normal input (ln of its first-to-last squared gradient ratio per unit over the
    /// mean-field one, or dead when a hidden layer's pre-activations are all at most 0), then a batch of 32 (the monitor's
    /// dead units; born dead when a whole layer is dead for the batch; the batch's ratio of bias-gradient norms).
    /// </summary>
    private static Measurement Measure(Type type)
    {
        var probe = (INetwork<double>)Activator.CreateInstance(type, BatchSize, 0)!;
        int last = probe.Layers.Count - 1;
        double meanField = Math.Pow(probe.Layers[0].PredictedGradient / probe.Layers[last].PredictedGradient, 2);
        var random = new SeededRandom(12345);
        int deadInputs = 0, bornDead = 0;
        double deadUnits = 0;
        var logs = new List<double>();
        var batchRatios = new List<double>();
        for (int construction = 0; construction < Constructions; construction++)
        {
            var network = (INetwork<double>)Activator.CreateInstance(type, BatchSize, 1000 + construction)!;
            var monitor = new GradientMonitor<double>(network);
            int inputs = network.InputSize, outputs = network.OutputSize;
            var x = new double[BatchSize * inputs];
            var t = new double[BatchSize * outputs];

            Fill(random, x, t, 1, inputs, outputs);
            network.ComputeGradients(x.AsSpan(0, inputs), t.AsSpan(0, outputs), 1);
            bool dead = Enumerable.Range(0, last).Any(l => AllAtMostZero(network.PreActivations(l)));
            GradientReport one = monitor.Measure();
            if (dead)
            {
                deadInputs++;
            }
            else
            {
                logs.Add(Math.Log(SquaredRatio(one, network, last) / meanField));
            }

            Fill(random, x, t, BatchSize, inputs, outputs);
            network.ComputeGradients(x, t, BatchSize);
            GradientReport batch = monitor.Measure();
            double fraction = Enumerable.Range(0, last).Average(l => batch.Layers[l].DeadUnitFraction);
            deadUnits += fraction / Constructions;
            if (Enumerable.Range(0, last).Any(l => batch.Layers[l].DeadUnitFraction == 1))
            {
                bornDead++;
            }
            batchRatios.Add(Math.Sqrt(SquaredRatio(batch, network, last) / meanField));
        }
        batchRatios.Sort();
        return new Measurement(deadInputs, logs, bornDead, deadUnits, batchRatios[batchRatios.Count / 2]);
    }

    private static double SquaredRatio(GradientReport report, INetwork<double> network, int last) =>
        Math.Pow(report.Layers[0].BiasGradientNorm, 2) / network.Layers[0].Outputs
        / (Math.Pow(report.Layers[last].BiasGradientNorm, 2) / network.Layers[last].Outputs);

    private static bool AllAtMostZero(ReadOnlySpan<double> values)
    {
        foreach (double value in values)
        {
            if (value > 0)
            {
                return false;
            }
        }
        return true;
    }

    private static void Fill(SeededRandom random, double[] x, double[] t, int count, int inputs, int outputs)
    {
        for (int i = 0; i < count * inputs; i++)
        {
            x[i] = random.NextGaussian();
        }
        for (int i = 0; i < count * outputs; i++)
        {
            t[i] = TargetScale * random.NextGaussian();
        }
    }

    private static IEnumerable<Type> NetworkTypes() => typeof(FiniteWidthMeasurementTests).Assembly.GetTypes()
        .Where(t => t.Namespace == typeof(FiniteWidthMeasurementTests).Namespace && typeof(INetwork<double>).IsAssignableFrom(t))
        .OrderBy(t => t.Name, StringComparer.Ordinal);
}

using Xunit.Abstractions;

namespace NetGen.Tests.GradientPrediction;

/// <summary>
/// The gradient profile NetGen predicts at compile time (LayerInfo.PredictedGradient) against the monitor's measurement
/// at initialization: the first dense layer's gradient relative to the output layer's, within a factor of 2 (seen: 0.92 to
/// 1.63, the widest for ten ReLU layers with He init, where the mean-field model ignores the finite width).
/// </summary>
public class PredictionAgreementTests(ITestOutputHelper output)
{
    private const int Seeds = 4;
    private const int BatchesPerSeed = 10;
    private const int BatchSize = 32;

    public static TheoryData<string> Networks() => new(NetworkTypes().Select(t => t.Name));

    [Theory]
    [MemberData(nameof(Networks))]
    public void Predicted_first_to_last_ratio_is_within_2x_of_the_measured_one(string name)
    {
        Type type = NetworkTypes().Single(t => t.Name == name);
        var first = (INetwork<double>)Activator.CreateInstance(type, BatchSize, 0)!;
        int firstDense = IndexOfFirstDense(first);
        int last = first.Layers.Count - 1;
        double predicted = first.Layers[firstDense].PredictedGradient / first.Layers[last].PredictedGradient;

        // The mean square of dz per unit, measured as the batch-mean bias gradient over batches of standard-normal inputs
        // (E[x²] = 1, as the analysis assumes) and random classes. Batch means shrink every layer's gradient alike
        // (by √batch, the samples' gradients being uncorrelated), so the ratio is the per-sample one.
        double firstSquare = 0, outputSquare = 0;
        for (int seed = 0; seed < Seeds; seed++)
        {
            var network = (INetwork<double>)Activator.CreateInstance(type, BatchSize, seed)!;
            var monitor = new GradientMonitor<double>(network);
            var random = new SeededRandom(100 + seed);
            var inputs = new double[BatchSize * network.InputSize];
            var targets = new double[BatchSize * network.OutputSize];
            for (int batch = 0; batch < BatchesPerSeed; batch++)
            {
                for (int i = 0; i < inputs.Length; i++)
                {
                    inputs[i] = random.NextGaussian();
                }
                Array.Clear(targets);
                for (int sample = 0; sample < BatchSize; sample++)
                {
                    targets[sample * network.OutputSize + random.NextInt32(network.OutputSize)] = 1;
                }
                network.ComputeGradients(inputs, targets, BatchSize);
                GradientReport report = monitor.Measure();
                firstSquare += Math.Pow(report.Layers[firstDense].BiasGradientNorm, 2) / network.Layers[firstDense].Outputs;
                outputSquare += Math.Pow(report.Layers[last].BiasGradientNorm, 2) / network.Layers[last].Outputs;
            }
        }
        double measured = Math.Sqrt(firstSquare / outputSquare);

        output.WriteLine($"{name}: predicted {predicted:E2}, measured {measured:E2}, ratio {predicted / measured:F2}");
        Assert.InRange(predicted / measured, 1.0 / 2, 2.0);
    }

    private static int IndexOfFirstDense(INetwork<double> network)
    {
        for (int i = 0; i < network.Layers.Count; i++)
        {
            if (network.Layers[i].Kind == LayerKind.Dense)
            {
                return i;
            }
        }
        throw new InvalidOperationException("no dense layer");
    }

    private static IEnumerable<Type> NetworkTypes() => typeof(PredictionAgreementTests).Assembly.GetTypes()
        .Where(t => t.Namespace == typeof(PredictionAgreementTests).Namespace && typeof(INetwork<double>).IsAssignableFrom(t))
        .OrderBy(t => t.Name, StringComparer.Ordinal);
}

using Xunit.Abstractions;

namespace NetGen.Tests.GradientPrediction;

/// <summary>
/// The gradient profile NetGen predicts at compile time (LayerInfo.PredictedGradient) against measurements of the
/// generated networks at initialization: every dense layer's gradient relative to the output layer's, within a factor of 2.
/// </summary>
public class PredictionAgreementTests(ITestOutputHelper output)
{
    private const int Seeds = 4;
    private const int SamplesPerSeed = 32;
    private const int BatchSeeds = 2;
    private const int BatchesPerSeed = 3;

    // The model gives batch normalization's large-batch limit; at B = 32 the 34-layer BN-ReLU stack measures 309 against 168.
    private const int BatchSize = 128;

    // Weights of non-zero mean are followed sample by sample of their shared shift (SharedShiftChain). The sigmoid stack
    // with U(0, 1) weights is still off at its first layer: 1.94 on these 128 samples, 2.51 on 32 seeds of 128 samples
    // (its other layers 1.21 and 1.10); the rest agree within 2x.
    private static readonly Dictionary<string, double> BeyondTheModel = new()
    {
        [nameof(SigmoidUnitUniformQuadratic)] = 3,
    };

    public static TheoryData<string> Networks() => new(NetworkTypes().Select(t => t.Name));

    [Theory]
    [MemberData(nameof(Networks))]
    public void Every_dense_layer_s_predicted_gradient_is_within_2x_of_the_measured_one(string name)
    {
        Type type = NetworkTypes().Single(t => t.Name == name);
        var probe = (INetwork<double>)Activator.CreateInstance(type, 2, 0)!;
        bool batchNorm = probe.Layers.Any(layer => layer.Kind == LayerKind.BatchNorm);
        double[] meanSquares = batchNorm
            ? GradientMeasurement.FromBatches(type, BatchSeeds, BatchesPerSeed, BatchSize)
            : GradientMeasurement.PerSample(type, Seeds, SamplesPerSeed);

        int last = probe.Layers.Count - 1;
        var ratios = new List<(string Layer, double Predicted, double Measured)>();
        for (int k = 0; k < last; k++)
        {
            if (probe.Layers[k].Kind == LayerKind.Dense)
            {
                double predicted = probe.Layers[k].PredictedGradient / probe.Layers[last].PredictedGradient;
                double measured = Math.Sqrt(meanSquares[k] / meanSquares[last]);
                if (predicted == 0 && measured == 0)
                {
                    continue; // a layer behind a zero-initialized one gets no gradient at all, as predicted
                }
                ratios.Add((probe.Layers[k].Name, predicted, measured));
            }
        }
        var first = ratios[0];
        var worst = ratios.MaxBy(r => Math.Abs(Math.Log(r.Predicted / r.Measured)));
        output.WriteLine($"| {name} | {first.Predicted:G3} | {first.Measured:G3} | {first.Predicted / first.Measured:F2} | "
            + $"{worst.Layer}: {worst.Predicted / worst.Measured:F2} |");
        foreach (var (layer, predicted, measured) in ratios)
        {
            output.WriteLine($"  {layer}: predicted {predicted:E2}, measured {measured:E2}, ratio {predicted / measured:F2}");
        }
        double factor = BeyondTheModel.GetValueOrDefault(name, 2.0);
        Assert.All(ratios, r => Assert.InRange(r.Predicted / r.Measured, 1 / factor, factor));
    }

    // The batch measurement (for batch normalization) against the exact one-sample measurement, on networks without it
    // whose weights have mean 0, as the batch-normalized ones (a shift shared by a sample's inputs would correlate e and c).
    [Theory]
    [InlineData(nameof(ReLUHe))]
    [InlineData(nameof(DeepSigmoid))]
    [InlineData(nameof(TanhLeCun))]
    public void The_batch_measurement_agrees_with_the_exact_one(string name)
    {
        Type type = NetworkTypes().Single(t => t.Name == name);
        double[] exact = GradientMeasurement.PerSample(type, Seeds, SamplesPerSeed);
        double[] fromBatches = GradientMeasurement.FromBatches(type, BatchSeeds, BatchesPerSeed, BatchSize);
        var probe = (INetwork<double>)Activator.CreateInstance(type, 2, 0)!;
        int last = probe.Layers.Count - 1;
        var ratios = new List<double>();
        for (int k = 0; k < last; k++)
        {
            if (probe.Layers[k].Kind == LayerKind.Dense)
            {
                ratios.Add(Math.Sqrt((fromBatches[k] / fromBatches[last]) / (exact[k] / exact[last])));
                output.WriteLine($"{probe.Layers[k].Name}: batch / exact {ratios[^1]:F3}");
            }
        }
        Assert.All(ratios, ratio => Assert.InRange(ratio, 0.75, 1.33));
    }

    private static IEnumerable<Type> NetworkTypes() => typeof(PredictionAgreementTests).Assembly.GetTypes()
        .Where(t => t.Namespace == typeof(PredictionAgreementTests).Namespace && typeof(INetwork<double>).IsAssignableFrom(t))
        .OrderBy(t => t.Name, StringComparer.Ordinal);
}

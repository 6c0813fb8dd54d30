using System.Globalization;
using System.Reflection;
using Xunit.Abstractions;

namespace NetGen.Tests.Corpus;

/// <summary>
/// Every runnable network of the corpus of published networks, measured at initialization: each dense layer's gradient
/// per unit relative to the output layer's (the root mean square of ∂loss/∂z per unit and sample, read from its bias
/// gradients one sample at a time), over several seeds and samples, against <see cref="LayerInfo.PredictedGradient"/>,
/// within a factor of 2. Narrow networks (Hanin's β = Σ 1/width over the hidden layers above 1) are outside the mean-field
/// model: one network's log-gradient spreads with a standard deviation of about √(5β)/2 around it (Hanin 2018; Hanin &amp;
/// Nica 2019), and an average over seeds is ruled by its rare large values; they are held to the larger of 2x and that
/// one standard deviation, exp(√(5β)/2), and reported as outside 2x.
/// </summary>
public class CorpusMeasurementTests(ITestOutputHelper output)
{
    // Wide networks average over their units; narrow ones differ from seed to seed, and cost little: they get more seeds.
    private const int SeedsForWide = 4;
    private const int SeedsForSmall = 128;
    private const int SmallParameterCount = 100_000;
    private const int SamplesPerSeed = 16;
    private const int NormalizedBatch = 16;

    public static TheoryData<string> RunnableNetworks() => new(PublishedNetworks.All.Where(e => e.Runnable).Select(e => e.Id));

    [Fact]
    public void Every_entry_is_a_compiled_network()
    {
        foreach (PublishedNetwork entry in PublishedNetworks.All)
        {
            Type? type = NetworkType(entry.Id);
            Assert.True(type is not null && typeof(INetwork<double>).IsAssignableFrom(type), $"{entry.Id} is not a compiled network");
        }
    }

    [Theory]
    [MemberData(nameof(RunnableNetworks))]
    public void Every_dense_layer_is_predicted_within_2x_of_its_measurement(string id)
    {
        Type type = NetworkType(id)!;
        double inputScale = Math.Sqrt(type.GetCustomAttribute<NetworkAttribute>()!.InputMeanSquare);
        var probe = (INetwork<double>)Activator.CreateInstance(type, 1, 0)!;
        IReadOnlyList<LayerInfo> layers = probe.Layers;
        int last = layers.Count - 1;
        // A batch normalization couples the samples of a batch: such networks are measured on batches (their batch-mean
        // bias gradients shrink every layer alike, by the square root of the batch), the others one sample at a time.
        int batch = layers.Any(l => l.Kind == LayerKind.BatchNorm) ? NormalizedBatch : 1;
        int seeds = probe.ParameterCount < SmallParameterCount ? SeedsForSmall : SeedsForWide;

        var squares = new double[layers.Count];
        for (int seed = 0; seed < seeds; seed++)
        {
            var network = (INetwork<double>)Activator.CreateInstance(type, batch, seed)!;
            var random = new SeededRandom(1000 + seed);
            var inputs = new double[batch * network.InputSize];
            var targets = new double[batch * network.OutputSize];
            for (int step = 0; step < SamplesPerSeed; step++)
            {
                for (int i = 0; i < inputs.Length; i++)
                {
                    inputs[i] = inputScale * random.NextGaussian();
                }
                FillTargets(network.Loss, targets, batch, network.OutputSize, random);
                network.ComputeGradients(inputs, targets, batch);
                ReadOnlySpan<double> gradients = network.Gradients;
                for (int l = 0; l < layers.Count; l++)
                {
                    if (layers[l].Kind == LayerKind.Dense && layers[l].BiasCount > 0)
                    {
                        foreach (double g in gradients.Slice(layers[l].BiasOffset, layers[l].BiasCount))
                        {
                            squares[l] += g * g / layers[l].Outputs;
                        }
                    }
                }
            }
        }

        double beta = Enumerable.Range(0, last).Where(l => layers[l].Kind == LayerKind.Dense).Sum(l => 1.0 / layers[l].Outputs);
        double tolerance = beta > 1 ? Math.Max(2, Math.Exp(Math.Sqrt(5 * beta) / 2)) : 2;
        var failures = new List<string>();
        if (beta > 1)
        {
            output.WriteLine($"Narrow: Hanin's β = {beta:0.##}, held to {tolerance:0.#}x (one standard deviation of a single network's log-gradient)");
        }
        output.WriteLine($"{id} ({seeds} seeds x {SamplesPerSeed} {(batch == 1 ? "samples" : $"batches of {batch}")}), per unit, relative to {layers[last].Name}:");
        output.WriteLine("| layer | predicted | measured | predicted / measured |");
        output.WriteLine("|---|---:|---:|---:|");
        for (int l = 0; l < last; l++)
        {
            LayerInfo layer = layers[l];
            if (layer.Kind != LayerKind.Dense)
            {
                continue;
            }
            if (SkipReason(layers, l) is { } reason)
            {
                output.WriteLine($"| {layer.Name} | {Number(layer.PredictedGradient / layers[last].PredictedGradient)} | skipped: {reason} | |");
                continue;
            }
            double predicted = layer.PredictedGradient / layers[last].PredictedGradient;
            double measured = Math.Sqrt(squares[l] / squares[last]);
            // A layer behind a zero-initialized one (Fixup's branch) receives exactly no gradient, predicted and measured.
            bool bothZero = predicted == 0 && measured == 0;
            bool within2x = predicted / measured is >= 0.5 and <= 2;
            bool agrees = bothZero || predicted / measured >= 1 / tolerance && predicted / measured <= tolerance;
            string ratio = bothZero ? "both exactly 0" : Number(predicted / measured) + (within2x ? "" : " (outside 2x)") + (agrees ? "" : $" (outside {tolerance:0.#}x)");
            output.WriteLine($"| {layer.Name} | {Number(predicted)} | {Number(measured)} | {ratio} |");
            if (!agrees)
            {
                failures.Add($"{layer.Name}: predicted {Number(predicted)}, measured {Number(measured)}");
            }
        }
        Assert.True(failures.Count == 0, $"{id}: " + string.Join("; ", failures));
    }

    private static string? SkipReason(IReadOnlyList<LayerInfo> layers, int l)
    {
        if (layers[l].BiasCount == 0)
        {
            return "no biases (UseBias = false), so no bias gradient to read";
        }
        return layers[l + 1].Kind is LayerKind.BatchNorm or LayerKind.LayerNorm
            ? "followed by a normalization, which removes any shift: its bias gradient is exactly 0"
            : null;
    }

    private static void FillTargets(Loss loss, double[] targets, int batch, int outputs, SeededRandom random)
    {
        Array.Clear(targets);
        for (int sample = 0; sample < batch; sample++)
        {
            if (loss == Loss.SoftmaxCrossEntropy)
            {
                targets[sample * outputs + random.NextInt32(outputs)] = 1;
                continue;
            }
            for (int j = 0; j < outputs; j++)
            {
                targets[sample * outputs + j] = loss == Loss.MeanSquaredError ? random.NextGaussian() : random.NextInt32(2);
            }
        }
    }

    private static Type? NetworkType(string id) => typeof(CorpusMeasurementTests).Assembly.GetType($"NetGen.Tests.Corpus.Networks.{id}");

    private static string Number(double value) => value.ToString("0.00E+00", CultureInfo.InvariantCulture);
}

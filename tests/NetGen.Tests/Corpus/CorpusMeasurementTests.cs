using System.Globalization;
using System.Reflection;
using Xunit.Abstractions;

namespace NetGen.Tests.Corpus;

/// <summary>
/// Every runnable network of the corpus of published networks, measured at initialization: each dense layer's gradient
/// per unit relative to the output layer's (the root mean square of ∂loss/∂z per unit and sample, read from its bias
/// gradients one sample at a time), over several seeds and samples, against <see cref="LayerInfo.PredictedGradient"/>,
/// within a factor of 2. Where the finite-width model applies and matters (narrow ReLU-family or linear stacks, whose
/// <see cref="LayerInfo.TypicalGradient"/> is at least 10 % below the mean-field value), one network's log-gradient spreads
/// with a standard deviation of about √(5β)/2 (Hanin 2018; Hanin &amp; Nica 2019, β = Σ 1/width), so that the mean over a
/// feasible number of seeds is ruled by rare large values and is not a measurement of the mean: there the geometric mean
/// over the seeds and the samples the layer gets a gradient for is measured, against <see cref="LayerInfo.TypicalGradient"/>.
/// </summary>
public class CorpusMeasurementTests(ITestOutputHelper output)
{
    // Wide networks average over their units; narrow ones differ from seed to seed, and cost little: they get more seeds.
    private const int SeedsForWide = 4;
    private const int SeedsForSmall = 128;
    // A small network whose typical gradient is predicted: its inputs share one network's weights, so seeds count, and cost little.
    private const int SeedsForSmallNarrow = 1024;
    // A typical gradient is measured over seeds, not units: a large network whose typical gradient is predicted gets more.
    private const int SeedsForLargeNarrow = 32;
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
        // Dive into Deep Learning's outputs reach ~1e30 at initialization: targets of 1e40 make the error independent of them.
        double targetScale = PublishedNetworks.All.Single(e => e.Id == id).IndependentOutputError ? 1e40 : 1;
        double inputScale = Math.Sqrt(type.GetCustomAttribute<NetworkAttribute>()!.InputMeanSquare);
        var probe = (INetwork<double>)Activator.CreateInstance(type, 1, 0)!;
        IReadOnlyList<LayerInfo> layers = probe.Layers;
        int last = layers.Count - 1;
        // A batch normalization couples the samples of a batch: such networks are measured on batches (their batch-mean
        // bias gradients shrink every layer alike, by the square root of the batch), the others one sample at a time.
        int batch = layers.Any(l => l.Kind == LayerKind.BatchNorm) ? NormalizedBatch : 1;
        bool typical = layers.Any(l => l.TypicalGradient < 0.9 * l.PredictedGradient);
        int seeds = probe.ParameterCount < SmallParameterCount ? (typical ? SeedsForSmallNarrow : SeedsForSmall) : typical ? SeedsForLargeNarrow : SeedsForWide;

        var squares = new double[layers.Count];
        var logSums = new double[layers.Count];
        var alive = new int[layers.Count];
        var sampleSquares = new double[layers.Count];
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
                FillTargets(network.Loss, targets, batch, network.OutputSize, targetScale, random);
                network.ComputeGradients(inputs, targets, batch);
                ReadOnlySpan<double> gradients = network.Gradients;
                Array.Clear(sampleSquares);
                for (int l = 0; l < layers.Count; l++)
                {
                    if (layers[l].Kind == LayerKind.Dense && layers[l].BiasCount > 0)
                    {
                        foreach (double g in gradients.Slice(layers[l].BiasOffset, layers[l].BiasCount))
                        {
                            sampleSquares[l] += g * g / layers[l].Outputs;
                        }
                        squares[l] += sampleSquares[l];
                    }
                }
                for (int l = 0; l < last; l++)
                {
                    if (sampleSquares[l] > 0 && sampleSquares[last] > 0)
                    {
                        logSums[l] += Math.Log(sampleSquares[l] / sampleSquares[last]);
                        alive[l]++;
                    }
                }
            }
        }

        var failures = new List<string>();
        string statistic = typical
            ? "typical (geometric mean over the samples the layer gets a gradient for; predicted: LayerInfo.TypicalGradient)"
            : "root mean square (predicted: LayerInfo.PredictedGradient)";
        output.WriteLine($"{id} ({seeds} seeds x {SamplesPerSeed} {(batch == 1 ? "samples" : $"batches of {batch}")}), per unit, relative to {layers[last].Name}, {statistic}:");
        output.WriteLine("| layer | predicted | measured | predicted / measured |");
        output.WriteLine("|---|---:|---:|---:|");
        for (int l = 0; l < last; l++)
        {
            LayerInfo layer = layers[l];
            if (layer.Kind != LayerKind.Dense)
            {
                continue;
            }
            double predicted = typical ? layer.TypicalGradient / layers[last].TypicalGradient : layer.PredictedGradient / layers[last].PredictedGradient;
            if (SkipReason(layers, l) is { } reason)
            {
                output.WriteLine($"| {layer.Name} | {Number(predicted)} | skipped: {reason} | |");
                continue;
            }
            double measured = typical
                ? (alive[l] == 0 ? 0 : Math.Exp(logSums[l] / alive[l] / 2))
                : Math.Sqrt(squares[l] / squares[last]);
            // A layer behind a zero-initialized one (Fixup's branch) receives exactly no gradient, predicted and measured.
            bool bothZero = predicted == 0 && measured == 0;
            bool agrees = bothZero || predicted / measured is >= 0.5 and <= 2;
            string ratio = bothZero ? "both exactly 0" : Number(predicted / measured) + (agrees ? "" : " (outside 2x)");
            string samples = typical ? $" ({alive[l]} of {seeds * SamplesPerSeed} samples alive)" : "";
            output.WriteLine($"| {layer.Name} | {Number(predicted)} | {Number(measured)}{samples} | {ratio} |");
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

    private static void FillTargets(Loss loss, double[] targets, int batch, int outputs, double targetScale, SeededRandom random)
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
                targets[sample * outputs + j] = loss == Loss.MeanSquaredError ? targetScale * random.NextGaussian() : random.NextInt32(2);
            }
        }
    }

    private static Type? NetworkType(string id) => typeof(CorpusMeasurementTests).Assembly.GetType($"NetGen.Tests.Corpus.Networks.{id}");

    private static string Number(double value) => value.ToString("0.00E+00", CultureInfo.InvariantCulture);
}

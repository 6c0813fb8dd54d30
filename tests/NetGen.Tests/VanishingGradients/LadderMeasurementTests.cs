using VanishingGradientsSample;
using Xunit.Abstractions;

namespace NetGen.Tests.VanishingGradients;

/// <summary>
/// The vanishing ladder's quantity (NG0101, NG0108) measured on generated networks at initialization: the first hidden
/// dense layer's speed of learning (bias-gradient norm per unit) against the last hidden layer's, which the message
/// predicts as the quotient of the two layers' <see cref="LayerInfo.PredictedGradient"/>, and the weight-gradient norms'
/// ratio the message quotes beside it.
/// </summary>
public class LadderMeasurementTests(ITestOutputHelper output)
{
    /// <summary>
    /// Nielsen's [784,30,30,30,30,10] on MNIST, the book's vanishing example (~95x, ch. 5): the warning's factor is
    /// predicted within 2x of the measurement, and the measurement is on the warning's side of the ladder (50x) for every
    /// seed, so NG0101's verdict does not hang on the model's error.
    /// </summary>
    [Fact]
    public void Nielsens_network_measures_above_the_warning_factor_and_near_the_prediction()
    {
        var factors = new List<double>();
        double predicted = 0;
        for (int seed = 1; seed <= 5; seed++)
        {
            INetwork<float> network = Contenders.TextbookSigmoid.Create(100, seed);
            int[] hidden = [.. Enumerable.Range(0, network.Layers.Count - 1).Where(i => network.Layers[i].Kind == LayerKind.Dense)];
            predicted = network.Layers[hidden[^1]].PredictedGradient / network.Layers[hidden[0]].PredictedGradient;
            SpeedSnapshot speeds = Experiment.MeasureSpeed(network, VanishingData.SpeedImages, "init", 0);
            factors.Add(speeds.LastOverFirst);
        }
        double measured = Math.Exp(factors.Average(Math.Log));
        output.WriteLine($"predicted {predicted:F1}x slower; measured {string.Join(", ", factors.Select(f => f.ToString("F1")))} (geometric mean {measured:F1}x)");

        Assert.All(factors, f => Assert.True(f >= 50, $"a seed measures {f:F1}x, below the warning factor 50"));
        Assert.InRange(predicted / measured, 0.5, 2);
    }

    /// <summary>
    /// He et al.'s Xavier ReLU stack: per unit the first of 12 hidden layers learns √(2¹¹) ≈ 45x more slowly than the last
    /// (closed form, and the prediction), while the weight-gradient norms, AutoTrainer's quantity, stay level (closed form 1:
    /// the signal halves its variance going forward as the gradient does going back). Both measured within 2x.
    /// </summary>
    [Fact]
    public void Xavier_ReLU_vanishes_per_unit_while_the_weight_gradient_norms_stay_level()
    {
        const int BatchSize = 32, Batches = 10, Seeds = 4, First = 0, Last = 11;
        double firstBias = 0, lastBias = 0, firstWeights = 0, lastWeights = 0, predicted = 0;
        for (int seed = 0; seed < Seeds; seed++)
        {
            INetwork<double> network = new XavierReLU(BatchSize, seed);
            predicted = network.Layers[Last].PredictedGradient / network.Layers[First].PredictedGradient;
            var monitor = new GradientMonitor<double>(network);
            var random = new SeededRandom(200 + seed);
            var inputs = new double[BatchSize * network.InputSize];
            var targets = new double[BatchSize * network.OutputSize];
            for (int batch = 0; batch < Batches; batch++)
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
                // Batch means shrink every layer's gradient alike (by √batch, the samples' gradients being uncorrelated).
                firstBias += Math.Pow(report.Layers[First].BiasGradientNorm, 2);
                lastBias += Math.Pow(report.Layers[Last].BiasGradientNorm, 2);
                firstWeights += Math.Pow(report.Layers[First].WeightGradientNorm, 2);
                lastWeights += Math.Pow(report.Layers[Last].WeightGradientNorm, 2);
            }
        }
        double slower = Math.Sqrt(lastBias / firstBias), weightRatio = Math.Sqrt(firstWeights / lastWeights);
        output.WriteLine($"per unit: predicted {predicted:F1}x slower, closed form {Math.Sqrt(Math.Pow(2, 11)):F1}x, measured {slower:F1}x; weight-gradient norms first/last: closed form 1, measured {weightRatio:F2}");

        Assert.InRange(predicted / Math.Sqrt(Math.Pow(2, 11)), 0.99, 1.01);
        Assert.InRange(predicted / slower, 0.5, 2);
        Assert.InRange(weightRatio, 0.5, 2);
    }
}

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using NetGen;

namespace VanishingGradientsSample;

/// <summary>
/// He, Zhang, Ren and Sun 2015 ("Delving deep into rectifiers", section 2.2, Figure 3) at this machine's scale: the same
/// 30-convolution plain ReLU network (a) with Glorot's initialization and (b) with He's, and (c) He et al. 2016's residual
/// blocks with batch normalization, each trained by the sample's recipe for a small fixed budget. For each: NetGen's
/// compile-time prediction of the first layer's gradient relative to the last's, the same measured at initialization,
/// and the loss and accuracy after the budget.
/// </summary>
internal static class RectifierExperiment
{
    public const string Group = "rectifiers: 1x28x28, 2x2 average pooling to 14x14, ~30 3x3 convolutions of 8 filters, softmax";

    /// <summary>Passes over the training set by default: about 20 s each per network on 2 cores.</summary>
    public const int DefaultEpochs = 2;

    /// <summary>The training loss is plotted as its mean over this many mini-batches.</summary>
    public const int LossWindow = 10;

    public static Contender Glorot { get; } = new(
        "30 conv ReLU, Glorot", Group, "(a) 30 ReLU convolutions, Glorot (\"Xavier\") normal",
        (batch, seed) => new PlainReLUGlorot(batch, seed));

    public static Contender He { get; } = new(
        "30 conv ReLU, He", Group, "(b) 30 ReLU convolutions, He normal",
        (batch, seed) => new PlainReLUHe(batch, seed));

    public static Contender Residual { get; } = new(
        "31 conv residual+BN", Group, "(c) a convolution, then 15 residual blocks relu(x + BN(conv(relu(BN(conv(x)))))), He normal",
        (batch, seed) => new ResidualReLUBatchNorm(batch, seed));

    /// <summary>(a), (b), (c), in the order they run.</summary>
    public static IReadOnlyList<Contender> All { get; } = [Glorot, He, Residual];

    /// <summary>The convolutions: the first and the last are compared.</summary>
    public static int[] Convolutions(INetwork<float> network) =>
        [.. Enumerable.Range(0, network.Layers.Count).Where(i => network.Layers[i].Kind == LayerKind.Conv2D)];

    /// <summary>
    /// Measures the gradients at initialization, then trains by <paramref name="recipe"/> with a gradient monitor, recording
    /// the training loss every <see cref="LossWindow"/> mini-batches.
    /// </summary>
    /// <param name="speedData">The images the gradients at initialization are measured on (the first <see cref="Recipe.SpeedSamples"/> training images).</param>
    /// <param name="onProgress">Told after every mini-batch, on the training thread; or null.</param>
    public static RectifierResult Run(
        Contender contender, Recipe recipe, Dataset<float> training, Dataset<float> test, Dataset<float> speedData,
        Action<TrainingProgress>? onProgress = null)
    {
        var clock = Stopwatch.StartNew();
        INetwork<float> network = contender.Create(Math.Max(recipe.BatchSize, 100), recipe.Seed);
        int[] convolutions = Convolutions(network);
        int first = convolutions[0], last = convolutions[^1];

        // ComputeGradients moves batch normalization's running statistics: keep them as they were.
        float[] state = network.State.ToArray();
        double measured = MeasuredFirstOverLast(network, speedData, recipe.BatchSize, first, last);
        state.CopyTo(network.State);

        var monitor = new GradientMonitor<float>(network);
        var warnings = new List<GradientWarning>();
        monitor.Warning += (_, warning) => warnings.Add(warning);
        double? firstStepWeightRatio = null;
        var losses = new List<LossPoint>();
        long step = 0;
        double windowSum = 0, previousTotal = 0;
        int windowSamples = 0, previousSeen = 0;
        var progress = new SynchronousProgress<TrainingProgress>(report =>
        {
            if (report.Gradients is GradientReport measured && firstStepWeightRatio is null)
            {
                firstStepWeightRatio = measured.Layers[convolutions[0]].WeightGradientNorm / measured.Layers[convolutions[^1]].WeightGradientNorm;
            }
            // The running loss is the epoch's mean so far: the batch's own loss is the growth of its sum.
            if (report.SamplesSeen < previousSeen)
            {
                previousTotal = 0;
                previousSeen = 0;
            }
            double total = report.RunningLoss * report.SamplesSeen;
            windowSum += total - previousTotal;
            windowSamples += report.SamplesSeen - previousSeen;
            previousTotal = total;
            previousSeen = report.SamplesSeen;
            step++;
            if (step % LossWindow == 0)
            {
                losses.Add(new LossPoint(step, windowSum / windowSamples));
                windowSum = 0;
                windowSamples = 0;
            }
            onProgress?.Invoke(report);
        });
        var options = new TrainingOptions
        {
            Epochs = recipe.Epochs,
            BatchSize = recipe.BatchSize,
            Seed = recipe.Seed,
            Monitor = monitor,
            MonitorInterval = Recipe.MonitorInterval,
        };
        TrainingHistory history = Trainer.Fit(network, recipe.CreateOptimizer(), training, options, validation: test, progress: progress);
        return new RectifierResult(
            contender, recipe, network.Layers[first].Name, network.Layers[last].Name,
            network.Layers[first].PredictedGradient / network.Layers[last].PredictedGradient,
            measured,
            firstStepWeightRatio ?? double.NaN,
            losses, history.Epochs, warnings, clock.Elapsed);
    }

    /// <summary>
    /// The first layer's ∂loss/∂z over the last's at initialization, as the prediction has it: root mean squares per unit and
    /// sample (the monitor's <see cref="LayerGradientStatistics.PreActivationGradientRms"/>), over the images in batches of
    /// <paramref name="batchSize"/>.
    /// </summary>
    private static double MeasuredFirstOverLast(INetwork<float> network, Dataset<float> images, int batchSize, int first, int last)
    {
        var monitor = new GradientMonitor<float>(network);
        double firstSquares = 0, lastSquares = 0;
        int count = Math.Min(Recipe.SpeedSamples, images.Count);
        for (int start = 0; start + batchSize <= count; start += batchSize)
        {
            network.ComputeGradients(
                images.Inputs.Slice(start * images.InputSize, batchSize * images.InputSize),
                images.Targets.Slice(start * images.TargetSize, batchSize * images.TargetSize),
                batchSize);
            GradientReport report = monitor.Measure();
            firstSquares += report.Layers[first].PreActivationGradientRms * report.Layers[first].PreActivationGradientRms;
            lastSquares += report.Layers[last].PreActivationGradientRms * report.Layers[last].PreActivationGradientRms;
        }
        return Math.Sqrt(firstSquares / lastSquares);
    }
}

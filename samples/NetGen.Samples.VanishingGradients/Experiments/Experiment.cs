using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using NetGen;

namespace VanishingGradientsSample;

/// <summary>Trains one network by the recipe, measuring its speed of learning and its gradients as it goes.</summary>
internal static class Experiment
{
    /// <summary>
    /// Measures the speed of learning at initialization, then trains with a gradient monitor (every
    /// <see cref="Recipe.MonitorInterval"/> steps) and measures the speed of learning again after every epoch.
    /// </summary>
    /// <param name="speedData">The images the speed of learning is measured on (the first <see cref="Recipe.SpeedSamples"/> training images).</param>
    /// <param name="onProgress">Told after every mini-batch, on the training thread; or null.</param>
    public static ExperimentResult Run(
        Contender contender, Recipe recipe, Dataset<float> training, Dataset<float> test, Dataset<float> speedData,
        Action<TrainingProgress>? onProgress = null)
    {
        var clock = Stopwatch.StartNew();
        INetwork<float> network = contender.Create(Math.Max(recipe.BatchSize, 100), recipe.Seed);
        int[] hidden = HiddenDenseLayers(network);

        var speeds = new List<SpeedSnapshot> { MeasureSpeed(network, speedData, hidden, "init", 0) };
        var gradients = new List<GradientSample>();
        var warnings = new List<GradientWarning>();
        var monitor = new GradientMonitor<float>(network);
        monitor.Warning += (_, warning) => warnings.Add(warning);

        long step = 0;
        var progress = new SynchronousProgress<TrainingProgress>(report =>
        {
            if (report.Gradients is GradientReport measured)
            {
                gradients.Add(new GradientSample(step, [.. hidden.Select(i => measured.Layers[i].WeightGradientNorm)]));
            }
            step++;
            if (report.EpochResult is EpochResult epoch)
            {
                speeds.Add(MeasureSpeed(network, speedData, hidden, $"epoch {epoch.Epoch}", step));
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
        return new ExperimentResult(
            contender, recipe, [.. hidden.Select(i => network.Layers[i].Name)], speeds, gradients, history.Epochs, warnings, clock.Elapsed);
    }

    /// <summary>
    /// The indices of the hidden layers compared: the dense ones but the output layer. A normalization layer's shift is a
    /// bias of another kind, and a residual block's end has none.
    /// </summary>
    public static int[] HiddenDenseLayers(INetwork<float> network) =>
        [.. Enumerable.Range(0, network.Layers.Count - 1).Where(i => network.Layers[i].Kind == LayerKind.Dense)];

    /// <summary>The speed of learning of the hidden dense layers, in training mode, leaving the network as it was.</summary>
    public static SpeedSnapshot MeasureSpeed(INetwork<float> network, Dataset<float> data, string label, long step) =>
        MeasureSpeed(network, data, HiddenDenseLayers(network), label, step);

    private static SpeedSnapshot MeasureSpeed(INetwork<float> network, Dataset<float> data, int[] hidden, string label, long step)
    {
        // ComputeGradients moves batch normalization's running statistics: keep them as training left them.
        float[] state = network.State.ToArray();
        LayerLearningSpeed[] speeds = SpeedOfLearning.Measure(network, data, Math.Min(Recipe.SpeedSamples, data.Count), batchSize: 100);
        state.CopyTo(network.State);
        return new SpeedSnapshot(label, step, [.. hidden.Select(i => speeds.Single(s => s.LayerIndex == i).BiasGradientNorm)]);
    }
}

/// <summary>Reports on the training thread, in order (<see cref="Progress{T}"/> would post to the thread pool).</summary>
internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}

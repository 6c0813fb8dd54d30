using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ScottPlot;

namespace VanishingGradientsSample;

/// <summary>The PNG plots. Gradient norms span many orders of magnitude, so they are plotted as log10 values.</summary>
internal static class Plots
{
    private const int Width = 900;
    private const int Height = 560;
    private const double LossAxisTop = 3;

    /// <summary>One network's weight-gradient norm per hidden layer over the training steps, one line per layer (first layer dark).</summary>
    public static string GradientNorms(ExperimentResult result, string directory)
    {
        var plot = new Plot();
        var colors = new ScottPlot.Colormaps.Viridis();
        int layers = result.HiddenLayers.Count;
        double[] steps = [.. result.Gradients.Select(g => (double)g.Step)];
        for (int l = 0; l < layers; l++)
        {
            (double[] xs, double[] ys) = Log10Series(steps, [.. result.Gradients.Select(g => g.WeightGradientNorms[l])]);
            var line = plot.Add.Scatter(xs, ys);
            line.LegendText = result.HiddenLayerLabel(l);
            line.MarkerSize = 0;
            line.LineWidth = 1.5f;
            line.Color = colors.GetColor(layers == 1 ? 0 : 0.9 * l / (layers - 1));
        }
        plot.Title($"{result.Contender.Name}: weight-gradient norm per hidden layer");
        plot.XLabel($"training step (batch of {result.Recipe.BatchSize}; measured every {Recipe.MonitorInterval} steps)");
        plot.YLabel("log10 ‖∂C/∂W‖ of the layer");
        plot.ShowLegend(Edge.Right);
        return Save(plot, directory, $"gradient-norms-{FileName(result.Contender.Name)}.png");
    }

    /// <summary>Every network's speed of learning per hidden layer at initialization, one line per network.</summary>
    public static string SpeedAtInitialization(IReadOnlyList<ExperimentResult> results, string directory)
    {
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        for (int n = 0; n < results.Count; n++)
        {
            ExperimentResult result = results[n];
            double[] layerNumbers = [.. Enumerable.Range(1, result.HiddenLayers.Count).Select(i => (double)i)];
            (double[] xs, double[] ys) = Log10Series(layerNumbers, result.AtInitialization.BiasGradientNorms);
            var line = plot.Add.Scatter(xs, ys);
            line.LegendText = result.Contender.Name;
            line.Color = palette.GetColor(n);
            line.MarkerSize = 6;
            line.LineWidth = 2;
            // The textbook networks dashed, the deep ones solid.
            line.LinePattern = result.Contender.Group == Contenders.TextbookGroup ? LinePattern.Dashed : LinePattern.Solid;
        }
        plot.Title("Speed of learning at initialization (first 1,000 training images)");
        plot.XLabel("hidden layer (1 = nearest the input)");
        plot.YLabel("log10 ‖∂C/∂b‖ of the layer");
        plot.ShowLegend(Edge.Right);
        return Save(plot, directory, "speed-of-learning-at-init.png");
    }

    /// <summary>Every network's test accuracy after each epoch.</summary>
    public static string Accuracy(IReadOnlyList<ExperimentResult> results, string directory)
    {
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        for (int n = 0; n < results.Count; n++)
        {
            ExperimentResult result = results[n];
            double[] epochs = [.. result.Epochs.Select(e => (double)e.Epoch)];
            double[] accuracies = [.. result.Epochs.Select(e => 100 * (e.ValidationAccuracy ?? double.NaN))];
            var line = plot.Add.Scatter(epochs, accuracies);
            line.LegendText = result.Contender.Name;
            line.Color = palette.GetColor(n);
            line.MarkerSize = 6;
            line.LineWidth = 2;
            line.LinePattern = result.Contender.Group == Contenders.TextbookGroup ? LinePattern.Dashed : LinePattern.Solid;
        }
        plot.Title("Test accuracy, the same recipe for every network");
        plot.XLabel("epoch");
        plot.YLabel("test accuracy (%)");
        plot.Axes.SetLimitsY(0, 100);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericFixedInterval(1);
        plot.ShowLegend(Edge.Right);
        return Save(plot, directory, "test-accuracy.png");
    }

    /// <summary>The rectifier experiment's training loss, its mean over every <see cref="RectifierExperiment.LossWindow"/> mini-batches, one line per network.</summary>
    public static string RectifierLosses(IReadOnlyList<RectifierResult> results, string directory)
    {
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        for (int n = 0; n < results.Count; n++)
        {
            RectifierResult result = results[n];
            var line = plot.Add.Scatter(
                result.Losses.Select(p => (double)p.Step).ToArray(), result.Losses.Select(p => p.Loss).ToArray());
            // A start far above chance would flatten the other curves: it is clipped, and its value given in the legend.
            double start = result.Losses.Count > 0 ? result.Losses[0].Loss : double.NaN;
            line.LegendText = start > LossAxisTop ? $"{result.Contender.Name} (starts at {start:F1})" : result.Contender.Name;
            line.Color = palette.GetColor(n);
            line.MarkerSize = 0;
            line.LineWidth = 2;
        }
        var chance = plot.Add.HorizontalLine(Math.Log(10));
        chance.LegendText = "chance: ln 10";
        chance.Color = Colors.Gray;
        chance.LinePattern = LinePattern.Dashed;
        plot.Title("Training loss, ~30 ReLU convolutions (He et al. 2015, 2016)");
        plot.XLabel($"training step (batch of {results[0].Recipe.BatchSize})");
        plot.YLabel($"training loss (mean over {RectifierExperiment.LossWindow} batches)");
        plot.Axes.SetLimitsY(0, LossAxisTop);
        plot.ShowLegend(Edge.Right);
        return Save(plot, directory, "rectifiers-training-loss.png");
    }

    /// <summary>log10 of the positive finite values, with their x; a zero norm (a dead layer) has no logarithm and is left out.</summary>
    private static (double[] Xs, double[] Ys) Log10Series(double[] xs, double[] values)
    {
        var kept = Enumerable.Range(0, values.Length).Where(i => values[i] > 0 && double.IsFinite(values[i])).ToArray();
        return ([.. kept.Select(i => xs[i])], [.. kept.Select(i => Math.Log10(values[i]))]);
    }

    private static string FileName(string name) =>
        new string([.. name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]).Replace("--", "-");

    private static string Save(Plot plot, string directory, string fileName)
    {
        string path = Path.Combine(directory, fileName);
        plot.SavePng(path, Width, Height);
        return path;
    }
}

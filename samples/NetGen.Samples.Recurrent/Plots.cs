using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ScottPlot;

namespace RecurrentSample;

/// <summary>One PNG per experiment: every network's test measurements during training, with the memoryless baseline.</summary>
internal static class Plots
{
    private const int Width = 900;
    private const int Height = 560;

    /// <summary>The test loss (or, without a baseline, the test accuracy) of every network of one experiment.</summary>
    public static string LearningCurves(IReadOnlyList<ExperimentResult> results, string directory)
    {
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        ExperimentResult first = results[0];
        bool hasBaseline = first.Baseline is not null;
        for (int n = 0; n < results.Count; n++)
        {
            ExperimentResult result = results[n];
            // Losses span orders of magnitude once a task is solved: log10; a non-finite loss (divergence) has no point.
            Measurement[] kept = [.. result.Curve.Where(m => hasBaseline ? m.Loss > 0 && double.IsFinite(m.Loss) : double.IsFinite(m.Score))];
            double[] xs = [.. kept.Select(m => (double)m.Step)];
            double[] ys = [.. kept.Select(m => hasBaseline ? Math.Log10(m.Loss) : 100 * m.Score)];
            var line = plot.Add.Scatter(xs, ys);
            line.LegendText = $"{result.Contender.Name} (horizon {ConsoleReport.Number(result.Recurrent.MemoryHorizon)} steps)";
            line.Color = palette.GetColor(n);
            line.MarkerSize = 4;
            line.LineWidth = 2;
        }
        if (first.Baseline is double baseline)
        {
            var line = plot.Add.HorizontalLine(Math.Log10(baseline));
            line.LinePattern = LinePattern.Dashed;
            line.Color = Colors.Gray;
            line.LegendText = $"memoryless baseline {ConsoleReport.Number(baseline)}";
        }
        plot.Title($"{first.Experiment}: test {(hasBaseline ? "loss" : "accuracy")} during training");
        plot.XLabel(hasBaseline ? $"training step (batch of sequences drawn afresh)" : "epoch");
        plot.YLabel(hasBaseline ? "log10 test loss" : "test accuracy (%)");
        if (!hasBaseline)
        {
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericFixedInterval(1);
        }
        plot.ShowLegend(Edge.Right);
        string path = Path.Combine(directory, FileName(first.Experiment) + ".png");
        plot.SavePng(path, Width, Height);
        return path;
    }

    private static string FileName(string name) =>
        string.Join("-", new string([.. name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : ' ')])
            .Split(' ', System.StringSplitOptions.RemoveEmptyEntries));
}

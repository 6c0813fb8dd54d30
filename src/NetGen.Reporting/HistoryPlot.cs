using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ScottPlot;

namespace NetGen.Reporting;

/// <summary>A plot of a <see cref="TrainingHistory"/>, written as PNG in one call.</summary>
public static class HistoryPlot
{
    /// <summary>
    /// Writes every value of the epochs (<see cref="EpochResult.Metrics"/>) per epoch to a PNG file: the losses on the left
    /// axis, the other metrics (accuracy, MAE, F1...) on the right one; training values as solid lines, validation values
    /// (<c>val_</c>) dashed. Epochs whose value is NaN or infinite have no point.
    /// </summary>
    /// <param name="history">What <see cref="Trainer.Fit"/> returned.</param>
    /// <param name="pngPath">The file to write (replaced if it exists); its directory must exist.</param>
    /// <param name="width">The image's width in pixels.</param>
    /// <param name="height">The image's height in pixels.</param>
    /// <exception cref="ArgumentNullException"><paramref name="history"/> or <paramref name="pngPath"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="pngPath"/> is empty or white space, or <paramref name="history"/> has no epochs.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="width"/> or <paramref name="height"/> is less than 1.</exception>
    /// <exception cref="System.IO.IOException">The file cannot be written (<see cref="System.IO.DirectoryNotFoundException"/> when its directory does not exist).</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be written.</exception>
    public static void Save(TrainingHistory history, string pngPath, int width = 900, int height = 500)
    {
        ArgumentNullException.ThrowIfNull(history);
        PlotFile.CheckArguments(pngPath, width, height);
        IReadOnlyList<EpochResult> results = history.Epochs;
        if (results.Count == 0)
        {
            throw new ArgumentException("The history has no epochs, so there is nothing to plot; expected at least one epoch's result.", nameof(history));
        }

        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        double[] epochs = [.. results.Select(e => (double)e.Epoch)];
        string[] names = [.. results.SelectMany(e => e.Metrics.Keys).Distinct()];
        bool anyMetric = false;
        for (int i = 0; i < names.Length; i++)
        {
            string name = names[i];
            double[] values = [.. results.Select(e => e.Metrics.TryGetValue(name, out double value) ? value : double.NaN)];
            if (!values.Any(double.IsFinite))
            {
                continue;
            }
            LinePattern pattern = name.StartsWith("val_", StringComparison.Ordinal) ? LinePattern.Dashed : LinePattern.Solid;
            ScottPlot.Plottables.Scatter line = AddLine(plot, epochs, values, name, palette.GetColor(i), pattern);
            if (!name.EndsWith("loss", StringComparison.Ordinal))
            {
                line.Axes.YAxis = plot.Axes.Right;
                anyMetric = true;
            }
        }
        if (anyMetric)
        {
            plot.Axes.Right.Label.Text = "metrics";
        }

        plot.Title(string.Create(CultureInfo.InvariantCulture, $"Training history ({results.Count} epochs)"));
        plot.XLabel("epoch");
        plot.YLabel("loss");
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plot.ShowLegend(Edge.Bottom);
        PlotFile.Save(plot, pngPath, width, height);
    }

    private static ScottPlot.Plottables.Scatter AddLine(Plot plot, double[] epochs, double[] values, string label, Color color, LinePattern pattern)
    {
        (double[] xs, double[] ys) = PlotFile.FinitePoints(epochs, values);
        ScottPlot.Plottables.Scatter line = plot.Add.Scatter(xs, ys);
        line.LegendText = label;
        line.Color = color;
        line.LineWidth = 2;
        line.MarkerSize = 5;
        line.LinePattern = pattern;
        return line;
    }
}

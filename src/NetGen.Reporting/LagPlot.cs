using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ScottPlot;

namespace NetGen.Reporting;

/// <summary>
/// A plot of how far back in time a recurrent layer's gradient reaches: ∂loss/∂h against the lag before the last step,
/// on a logarithmic axis, predicted (dashed) beside measured (solid); written as PNG in one call.
/// </summary>
public static class LagPlot
{
    /// <summary>Writes <paramref name="curves"/>, one line each; a ratio of 0 or a non-finite one has no point.</summary>
    /// <param name="curves">The lines to draw.</param>
    /// <param name="pngPath">The file to write (replaced if it exists); its directory must exist.</param>
    /// <param name="title">The plot's title.</param>
    /// <param name="width">The image's width in pixels.</param>
    /// <param name="height">The image's height in pixels.</param>
    /// <exception cref="ArgumentNullException"><paramref name="curves"/>, one of its items, or <paramref name="pngPath"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="pngPath"/> is empty or white space, or <paramref name="curves"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="width"/> or <paramref name="height"/> is less than 1.</exception>
    /// <exception cref="System.IO.IOException">The file cannot be written.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be written.</exception>
    public static void Save(IReadOnlyList<LagCurve> curves, string pngPath, string title = "Gradient against time lag", int width = 900, int height = 500)
    {
        ArgumentNullException.ThrowIfNull(curves);
        PlotFile.CheckArguments(pngPath, width, height);
        if (curves.Count == 0)
        {
            throw new ArgumentException("There are no curves to plot; expected at least one (a prediction or a measurement).", nameof(curves));
        }
        var plot = new Plot();
        var colors = new ScottPlot.Colormaps.Viridis();
        for (int i = 0; i < curves.Count; i++)
        {
            LagCurve curve = curves[i] ?? throw new ArgumentNullException(nameof(curves), string.Create(CultureInfo.InvariantCulture, $"Curve {i} is null."));
            double[] lags = [.. Enumerable.Range(0, curve.Ratios.Count).Select(k => (double)k)];
            (double[] xs, double[] ys) = PlotFile.FinitePoints(lags, [.. curve.Ratios.Select(r => r > 0 ? Math.Log10(r) : double.NaN)]);
            ScottPlot.Plottables.Scatter line = plot.Add.Scatter(xs, ys);
            line.LegendText = curve.Label;
            line.Color = colors.GetColor(curves.Count == 1 ? 0 : 0.9 * i / (curves.Count - 1));
            line.LineWidth = 1.5f;
            line.MarkerSize = 0;
            line.LinePattern = curve.IsPrediction ? LinePattern.Dashed : LinePattern.Solid;
        }
        plot.Title(title);
        plot.XLabel("lag k: steps before the last");
        plot.YLabel("‖∂loss/∂h(T−k)‖ / ‖∂loss/∂h(T)‖ (log scale)");
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            LabelFormatter = log10 => Math.Pow(10, log10).ToString("G2", CultureInfo.InvariantCulture),
        };
        plot.ShowLegend(Edge.Right);
        PlotFile.Save(plot, pngPath, width, height);
    }
}

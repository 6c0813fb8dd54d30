using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ScottPlot;

namespace NetGen.Reporting;

/// <summary>A plot of a gradient monitor's per-layer weight-gradient norms over the training steps, written as PNG in one call.</summary>
public static class GradientPlot
{
    /// <summary>
    /// Writes each layer's weight-gradient norm over the training steps, one line per layer with weights (first layer dark,
    /// last bright), on a logarithmic axis: vanishing gradients show as the first layers' lines far below the last ones'.
    /// A norm of 0 (a dead layer) or a non-finite one has no point.
    /// </summary>
    /// <param name="snapshots">The measurements, such as <see cref="ConsoleProgress.Gradients"/>, all of one network.</param>
    /// <param name="pngPath">The file to write (replaced if it exists); its directory must exist.</param>
    /// <param name="width">The image's width in pixels.</param>
    /// <param name="height">The image's height in pixels.</param>
    /// <exception cref="ArgumentNullException"><paramref name="snapshots"/>, one of its items, or <paramref name="pngPath"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="pngPath"/> is empty or white space; <paramref name="snapshots"/> is empty, its snapshots do not all have
    /// the first one's layers, or no layer has weights.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="width"/> or <paramref name="height"/> is less than 1.</exception>
    /// <exception cref="System.IO.IOException">The file cannot be written (<see cref="System.IO.DirectoryNotFoundException"/> when its directory does not exist).</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be written.</exception>
    public static void Save(IReadOnlyList<GradientSnapshot> snapshots, string pngPath, int width = 900, int height = 500)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        PlotFile.CheckArguments(pngPath, width, height);
        IReadOnlyList<LayerInfo> layers = CheckSameLayers(snapshots);
        int[] withWeights = [.. Enumerable.Range(0, layers.Count).Where(l => layers[l].WeightCount > 0)];
        if (withWeights.Length == 0)
        {
            throw new ArgumentException("No layer of the snapshots' network has weights, so there is no weight-gradient norm to plot.", nameof(snapshots));
        }

        var plot = new Plot();
        var colors = new ScottPlot.Colormaps.Viridis();
        double[] steps = [.. snapshots.Select(s => (double)s.Step)];
        for (int i = 0; i < withWeights.Length; i++)
        {
            int layer = withWeights[i];
            (double[] xs, double[] ys) = PlotFile.FinitePoints(steps, [.. snapshots.Select(s => Log10OrNaN(s.WeightGradientNorms[layer]))]);
            ScottPlot.Plottables.Scatter line = plot.Add.Scatter(xs, ys);
            line.LegendText = layers[layer].Name;
            line.Color = colors.GetColor(withWeights.Length == 1 ? 0 : 0.9 * i / (withWeights.Length - 1));
            line.LineWidth = 1.5f;
            line.MarkerSize = snapshots.Count == 1 ? 5 : 0;
        }

        plot.Title("Weight-gradient norm per layer");
        plot.XLabel(string.Create(CultureInfo.InvariantCulture, $"training step ({snapshots.Count} measurements)"));
        plot.YLabel("‖∂loss/∂W‖ of the layer (log scale)");
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            LabelFormatter = log10 => Math.Pow(10, log10).ToString("G2", CultureInfo.InvariantCulture),
        };
        plot.ShowLegend(Edge.Right);
        PlotFile.Save(plot, pngPath, width, height);
    }

    private static IReadOnlyList<LayerInfo> CheckSameLayers(IReadOnlyList<GradientSnapshot> snapshots)
    {
        if (snapshots.Count == 0)
        {
            throw new ArgumentException("There are no snapshots to plot; expected at least one (TrainingOptions.Monitor set, ConsoleProgress.Gradients).", nameof(snapshots));
        }
        IReadOnlyList<LayerInfo>? layers = null;
        for (int i = 0; i < snapshots.Count; i++)
        {
            GradientSnapshot snapshot = snapshots[i] ?? throw new ArgumentNullException(nameof(snapshots), string.Create(CultureInfo.InvariantCulture, $"Snapshot {i} is null."));
            layers ??= snapshot.Layers;
            if (!snapshot.Layers.SequenceEqual(layers))
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture,
                        $"Snapshot {i} has {snapshot.Layers.Count} layers ({string.Join(", ", snapshot.Layers.Select(l => l.Name))}) that differ from snapshot 0's {layers.Count} ({string.Join(", ", layers.Select(l => l.Name))}); plot the measurements of one network at a time."),
                    nameof(snapshots));
            }
        }
        return layers!;
    }

    private static double Log10OrNaN(double norm) => norm > 0 ? Math.Log10(norm) : double.NaN;
}

using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NetGen.Generators.Gradients;
using NetGen.Generators.Model;

namespace NetGen.Generators.Emit;

/// <summary>The model summary of a network: a headline and a layer table, as in Keras's <c>model.summary()</c>.</summary>
internal static class Summary
{
    /// <summary>What the table's last column is.</summary>
    public const string GradientFootnote =
        "* Gradient: predicted at initialization, the root mean square of dLoss/dz per unit relative to the output layer's (mean-field model; see docs/gradient-analysis.md).";

    /// <summary>What the typical-gradient column is, under networks that have one.</summary>
    public const string TypicalFootnote =
        "* Typical: the same for a typical network and input (geometric mean over initializations): narrow layers spread the gradient from one initialization to the next (Hanin 2018).";

    /// <summary>Under networks whose global average pooling follows unnormalized ReLU convolutions of few channels.</summary>
    public const string CoherentPoolingFootnote =
        "* Gradient, here: a lower bound below the global average pooling. It sends every pixel of a channel the same gradient, which unnormalized ReLU convolutions of few channels carry further than the model says: measured 1.6x to 2.5x above this column at 8 channels, 1.2x to 1.7x at 32 (docs/gradient-analysis.md).";

    /// <summary>The most channels at the global average pooling for which <see cref="CoherentPoolingFootnote"/> is shown: 1.2x measured at 32.</summary>
    private const int MostCoherentPoolingChannels = 32;

    /// <summary>What the memory-horizon column is, under recurrent networks.</summary>
    public const string HorizonFootnote =
        "* Horizon: the predicted e-fold memory horizon in steps (how far back dLoss/dh falls by a factor e), then dLoss/dh at the first step relative to the last (see docs/recurrent.md).";

    public static string Headline(NetworkModel network) =>
        $"{network.ClassName.TrimStart('@')}: {Values(network.Input, "inputs")} -> {Values(network.Output, "outputs")}, " +
        $"{Literals.Count(network.ParameterCount)} parameters ({Literals.ElementType(network.Precision)}), loss {network.Loss}";

    private static string Values(Shape shape, string what) => shape.IsSequence
        ? $"{Literals.Count(shape.Steps)} steps of {Literals.Count(shape.Features)} {what}"
        : shape.IsImage ? $"{shape} image {what} (channels x height x width)"
        : $"{Literals.Count(shape.Size)} {what}";

    /// <summary>"3.1 steps, 2.4e-09 at 28", "unbounded, 0.93 at 100", or "-" for a layer without a prediction over time.</summary>
    private static string Horizon(LayerPrediction prediction)
    {
        if (prediction.Horizon is not { } horizon)
        {
            return "-";
        }
        string steps = double.IsPositiveInfinity(horizon.MemoryHorizon) ? "unbounded" : horizon.MemoryHorizon.ToString("G2", CultureInfo.InvariantCulture) + " steps";
        double first = horizon.FirstStepRatio;
        return $"{steps}, {first.ToString("G2", CultureInfo.InvariantCulture)} at {Literals.Count(horizon.SequenceLength)}";
    }

    /// <summary>
    /// The layer table, one line per row, columns padded to line up; the last column is the predicted gradient, then the
    /// typical one where it differs (<see cref="GradientProfile.ShowsTypicalGradient"/>).
    /// </summary>
    public static SummaryTable Table(NetworkModel network, GradientProfile profile)
    {
        bool typical = profile.ShowsTypicalGradient;
        var header = new List<string> { "Layer", "Type", "Shape", "Activation", "Weight init", "Bias init", "Parameters", "Gradient*" };
        if (typical)
        {
            header.Add("Typical*");
        }
        bool horizon = profile.ShowsHorizon;
        if (horizon)
        {
            header.Add("Horizon*");
        }
        var rows = new List<string[]> { header.ToArray() };
        foreach (Layer layer in network.Layers)
        {
            LayerPrediction prediction = profile.Layers[layer.Number - 1];
            var row = new List<string>
            {
                layer.Name,
                layer.TypeDescription,
                $"{layer.Input} -> {layer.Output}",
                layer.ActivationDescription,
                layer.WeightInitDescription,
                layer.BiasInitDescription,
                Literals.Count(layer.ParameterCount),
                prediction.RelativeGradientNorm.ToString("G2", CultureInfo.InvariantCulture),
            };
            if (typical)
            {
                row.Add(prediction.TypicalGradientNorm.ToString("G2", CultureInfo.InvariantCulture));
            }
            if (horizon)
            {
                row.Add(Horizon(prediction));
            }
            rows.Add(row.ToArray());
        }
        rows.Add(new[] { "Total", "", "", "", "", "", Literals.Count(network.ParameterCount), "", "", "" }.Take(header.Count).ToArray());

        int columns = rows[0].Length;
        int firstRightAligned = header.IndexOf("Parameters");
        int[] widths = Enumerable.Range(0, columns).Select(c => rows.Max(r => r[c].Length)).ToArray();
        List<string> lines = rows.Select(row => string.Join("  ", row.Select((cell, c) =>
                c >= firstRightAligned ? cell.PadLeft(widths[c]) : cell.PadRight(widths[c]))).TrimEnd())
            .ToList();
        var footnotes = new List<string> { GradientFootnote };
        if (typical)
        {
            footnotes.Add(TypicalFootnote);
        }
        if (horizon)
        {
            footnotes.Add(HorizonFootnote);
        }
        if (PoolsCoherentGradients(network))
        {
            footnotes.Add(CoherentPoolingFootnote);
        }
        return new SummaryTable(lines, footnotes);
    }

    /// <summary>
    /// Whether a global average pooling of at most <see cref="MostCoherentPoolingChannels"/> channels follows ReLU layers
    /// with no batch normalization before it, where the measured gradient exceeds the prediction (see the footnote).
    /// </summary>
    private static bool PoolsCoherentGradients(NetworkModel network)
    {
        bool relu = false;
        foreach (Layer layer in network.Layers)
        {
            if (layer.Kind == LayerKind.BatchNorm)
            {
                return false;
            }
            if (layer.Kind == LayerKind.GlobalAveragePool)
            {
                return relu && layer.Input.Channels <= MostCoherentPoolingChannels;
            }
            relu |= layer.Activation.Kind == ActivationKind.ReLU;
        }
        return false;
    }

    /// <summary>The headline, the table and its footnotes as one text, lines separated by <c>\n</c>.</summary>
    public static string Text(NetworkModel network, SummaryTable table) =>
        Headline(network) + "\n" + string.Join("\n", table.Rows) + "\n" + string.Join("\n", table.Footnotes);

    /// <summary>The class's XML doc: the headline, the table and its footnote.</summary>
    public static void WriteClassDoc(SourceWriter w, NetworkModel network, SummaryTable table)
    {
        w.Line("/// <remarks>");
        w.Line($"/// <para>{Literals.Xml(Headline(network))}.</para>");
        w.Line("/// <code>");
        foreach (string row in table.Rows)
        {
            w.Line("/// " + Literals.Xml(row));
        }
        w.Line("/// </code>");
        foreach (string footnote in table.Footnotes)
        {
            w.Line($"/// <para>{Literals.Xml(footnote)}</para>");
        }
        w.Line("/// </remarks>");
    }
}

/// <summary>The summary's layer table: its lines (header, one per layer, total) and the footnotes that explain its columns.</summary>
internal sealed record SummaryTable(IReadOnlyList<string> Rows, IReadOnlyList<string> Footnotes);

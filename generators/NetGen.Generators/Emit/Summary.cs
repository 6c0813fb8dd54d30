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

    public static string Headline(NetworkModel network) =>
        $"{network.ClassName.TrimStart('@')}: {Literals.Count(network.Input.Size)} inputs -> {Literals.Count(network.Output.Size)} outputs, " +
        $"{Literals.Count(network.ParameterCount)} parameters ({Literals.ElementType(network.Precision)}), loss {network.Loss}";

    /// <summary>The layer table, one line per row, columns padded to line up; the last column is the predicted gradient.</summary>
    public static IReadOnlyList<string> Table(NetworkModel network, GradientProfile profile)
    {
        var rows = new List<string[]> { new[] { "Layer", "Type", "Shape", "Activation", "Weight init", "Bias init", "Parameters", "Gradient*" } };
        foreach (Layer layer in network.Layers)
        {
            rows.Add(new[]
            {
                layer.Name,
                layer.TypeDescription,
                $"{layer.Input} -> {layer.Output}",
                layer.ActivationDescription,
                layer.WeightInitDescription,
                layer.BiasInitDescription,
                Literals.Count(layer.ParameterCount),
                profile.Layers[layer.Number - 1].RelativeGradientNorm.ToString("G2", CultureInfo.InvariantCulture),
            });
        }
        rows.Add(new[] { "Total", "", "", "", "", "", Literals.Count(network.ParameterCount), "" });

        int columns = rows[0].Length;
        int[] widths = Enumerable.Range(0, columns).Select(c => rows.Max(r => r[c].Length)).ToArray();
        return rows.Select(row => string.Join("  ", row.Select((cell, c) =>
                c >= columns - 2 ? cell.PadLeft(widths[c]) : cell.PadRight(widths[c]))).TrimEnd())
            .ToList();
    }

    /// <summary>The headline, the table and its footnote as one text, lines separated by <c>\n</c>.</summary>
    public static string Text(NetworkModel network, IReadOnlyList<string> table) =>
        Headline(network) + "\n" + string.Join("\n", table) + "\n" + GradientFootnote;

    /// <summary>The class's XML doc: the headline, the table and its footnote.</summary>
    public static void WriteClassDoc(SourceWriter w, NetworkModel network, IReadOnlyList<string> table)
    {
        w.Line("/// <remarks>");
        w.Line($"/// <para>{Literals.Xml(Headline(network))}.</para>");
        w.Line("/// <code>");
        foreach (string row in table)
        {
            w.Line("/// " + Literals.Xml(row));
        }
        w.Line("/// </code>");
        w.Line($"/// <para>{Literals.Xml(GradientFootnote)}</para>");
        w.Line("/// </remarks>");
    }
}

using System.Collections.Generic;
using System.Linq;
using NetGen.Generators.Model;

namespace NetGen.Generators.Emit;

/// <summary>The model summary of a network: a headline and a layer table, as in Keras's <c>model.summary()</c>.</summary>
internal static class Summary
{
    public static string Headline(NetworkSpec spec) =>
        $"{spec.ClassName}: {Literals.Count(spec.Inputs)} inputs -> {Literals.Count(spec.Outputs)} outputs, " +
        $"{Literals.Count(spec.ParameterCount)} parameters ({Literals.ElementType(spec.Precision)}), loss {spec.Loss}";

    /// <summary>The layer table, one line per row, columns padded to line up; the last column is the predicted gradient.</summary>
    public static IReadOnlyList<string> Table(NetworkSpec spec, Health.GradientProfile profile)
    {
        var rows = new List<string[]> { new[] { "Layer", "Type", "Shape", "Activation", "Weight init", "Bias init", "Parameters", "Gradient*" } };
        foreach (LayerSpec layer in spec.Layers)
        {
            rows.Add(new[]
            {
                layer.Name,
                Type(layer),
                $"{layer.Inputs} -> {layer.Units}",
                Activation(layer),
                layer.WeightCount == 0 ? "-" : Init(layer.WeightInit, layer.WeightInitValue),
                layer.BiasCount == 0 ? "-" : Init(layer.BiasInit, layer.BiasInitValue),
                Literals.Count(layer.ParameterCount),
                profile.Layers[layer.Number - 1].RelativeGradientNorm.ToString("G2", System.Globalization.CultureInfo.InvariantCulture),
            });
        }
        rows.Add(new[] { "Total", "", "", "", "", "", Literals.Count(spec.ParameterCount), "" });

        int columns = rows[0].Length;
        int[] widths = Enumerable.Range(0, columns).Select(c => rows.Max(r => r[c].Length)).ToArray();
        return rows.Select(row => string.Join("  ", row.Select((cell, c) =>
                c >= columns - 2 ? cell.PadLeft(widths[c]) : cell.PadRight(widths[c]))).TrimEnd())
            .ToList();
    }

    /// <summary>What the table's last column is.</summary>
    public const string GradientFootnote =
        "* Gradient: predicted at initialization, the root mean square of dLoss/dz per unit relative to the output layer's (mean-field model; see docs/gradient-analysis.md).";

    /// <summary>The headline, the table and its footnote as one text, lines separated by <c>\n</c>.</summary>
    public static string Text(NetworkSpec spec, IReadOnlyList<string> table) => Headline(spec) + "\n" + string.Join("\n", table) + "\n" + GradientFootnote;

    public static string Activation(LayerSpec layer) => layer.Activation switch
    {
        ActivationKind.LeakyReLU or ActivationKind.ELU =>
            $"{layer.Activation}({layer.ActivationParameter.ToString("R", System.Globalization.CultureInfo.InvariantCulture)})",
        _ => layer.Activation.ToString(),
    };

    /// <summary>The layer's kind; for a residual block's end, what it adds and how (<c>Residual(+Layer3)</c>, <c>Residual(+P·Layer3)</c>).</summary>
    private static string Type(LayerSpec layer)
    {
        if (layer.Kind != LayerKind.Residual)
        {
            return layer.Kind.ToString();
        }
        string skip = layer.SkipFrom == 0 ? "inputs" : "Layer" + layer.SkipFrom;
        return layer.HasProjection ? $"Residual(+P·{skip})" : $"Residual(+{skip})";
    }

    private static string Init(InitKind init, double value) => init == InitKind.Constant
        ? $"Constant({value.ToString("R", System.Globalization.CultureInfo.InvariantCulture)})"
        : init.ToString();
}

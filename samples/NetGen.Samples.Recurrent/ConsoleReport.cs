using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Spectre.Console;

namespace RecurrentSample;

/// <summary>The console table: for every network of every experiment, the published figure beside ours and the predicted horizon.</summary>
internal static class ConsoleReport
{
    public static void WriteSummary(IReadOnlyList<ExperimentResult> results)
    {
        var table = new Table()
            .Title("[bold]Published beside ours[/], with NetGen's compile-time memory horizon at initialization")
            .AddColumn("experiment")
            .AddColumn("network")
            .AddColumn("published")
            .AddColumn("ours")
            .AddColumn("verdict")
            .AddColumn("horizon predicted")
            .AddColumn("trained")
            .AddColumn(new TableColumn("time").RightAligned());
        foreach (ExperimentResult result in results)
        {
            table.AddRow(
                Markup.Escape(result.Experiment), Markup.Escape(result.Contender.Name), Markup.Escape(result.Contender.Published),
                Markup.Escape(result.Outcome), $"[bold]{Markup.Escape(result.Verdict)}[/]", Markup.Escape(result.PredictedHorizon),
                Markup.Escape(result.Budget), $"{result.Elapsed.TotalSeconds:F0} s");
        }
        AnsiConsole.Write(table);
    }

    /// <summary>One line per network: its test measurements during training, at most about ten of them.</summary>
    public static void WriteCurves(IReadOnlyList<ExperimentResult> results)
    {
        foreach (ExperimentResult result in results)
        {
            int every = Math.Max(1, (result.Curve.Count + 9) / 10);
            IEnumerable<Measurement> shown = result.Curve.Where((_, i) => i % every == 0 || i == result.Curve.Count - 1);
            string unit = result.Baseline is null ? "epoch" : "step";
            string points = string.Join(", ", shown.Select(m => $"{unit} {m.Step:N0}: {Number(m.Loss)} ({m.Score:P1})"));
            AnsiConsole.MarkupLine($"[bold]{Markup.Escape(result.Experiment)}, {Markup.Escape(result.Contender.Name)}[/], test loss (score): {Markup.Escape(points)}");
        }
    }

    public static string Number(double value) => value.ToString("G3", CultureInfo.InvariantCulture);
}

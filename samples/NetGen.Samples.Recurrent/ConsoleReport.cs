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

    /// <summary>The lag experiment: per network, the predicted and measured gradient at lags 10, 50 and 99, and their worst ratio over the lags.</summary>
    public static void WriteLags(IReadOnlyList<LagExperiment.Lags> lags)
    {
        var table = new Table()
            .Title("[bold]Adding problem, T = 100: ∂loss/∂h at lag k over the last step's, at initialization[/] (predicted / measured)")
            .AddColumn("network")
            .AddColumn(new TableColumn("horizon predicted").RightAligned())
            .AddColumn(new TableColumn("k = 10").RightAligned())
            .AddColumn(new TableColumn("k = 50").RightAligned())
            .AddColumn(new TableColumn("k = 99").RightAligned())
            .AddColumn(new TableColumn("worst predicted/measured").RightAligned());
        foreach (LagExperiment.Lags lag in lags)
        {
            string At(int k) => $"{G2(lag.Predicted[k])} / {G2(lag.Measured[k])}";
            (double ratio, int worstLag) = lag.Worst;
            table.AddRow(Markup.Escape(lag.Network), $"{G2(lag.Layer.MemoryHorizon)} steps", At(10), At(50), At(99),
                $"{ratio.ToString("F2", CultureInfo.InvariantCulture)} (k = {worstLag})");
        }
        AnsiConsole.Write(table);
    }

    private static string G2(double value) => value.ToString("G2", CultureInfo.InvariantCulture);

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

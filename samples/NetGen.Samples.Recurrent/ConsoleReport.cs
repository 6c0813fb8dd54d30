using System.Collections.Generic;
using System.Globalization;
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

    public static string Number(double value) => value.ToString("G3", CultureInfo.InvariantCulture);
}

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using NetGen;
using RecurrentSample;
using Spectre.Console;

Options? options;
try
{
    options = Options.Parse(args);
}
catch (ArgumentException error)
{
    Console.Error.WriteLine(error.Message);
    Console.Error.WriteLine("Run with --help for the options.");
    return 2;
}
if (options is null)
{
    Console.WriteLine(Options.Usage);
    return 0;
}

MnistData? data = null;
if (options.Runs("row-mnist"))
{
    try
    {
        data = options.DataDirectory is null ? Mnist.LoadEmbedded(typeof(Program).Assembly) : Mnist.Load(options.DataDirectory);
    }
    catch (Exception error) when (error is IOException or InvalidDataException)
    {
        Console.Error.WriteLine($"Cannot load MNIST: {error.Message}");
        return 1;
    }
}

if (Console.IsOutputRedirected)
{
    AnsiConsole.Profile.Width = 200; // a log file has no width: do not wrap the table at 80 columns
}

var clock = Stopwatch.StartNew();
var synthetic = new SyntheticRecipe(0, BatchSize: 50, LearningRate: 0, ClipNorm: 1.0, EvaluateEvery: 50, TestSamples: 500, options.Seed);
var experiments = new List<(string Name, string Recipe, IReadOnlyList<Contender> Contenders, Func<Contender, Action<double, string>, ExperimentResult> Run)>();
if (data is not null)
{
    Dataset<float> training = data.Training.ToDataset<float>();
    Dataset<float> test = data.Test.ToDataset<float>();
    string dataName = options.DataDirectory is null ? "embedded subset" : "full data";
    experiments.Add(($"row-by-row MNIST, {dataName} ({training.Count:N0} training, {test.Count:N0} test images)",
        RowMnistExperiment.Describe(options.Epochs, options.Seed), RowMnistExperiment.Contenders,
        (contender, progress) => RowMnistExperiment.Run(contender, training, test, dataName, options.Epochs, options.Seed, progress)));
}
if (options.Runs("adding"))
{
    SyntheticRecipe recipe = synthetic with { Steps = options.AddingSteps };
    int length = options.AddingLength;
    experiments.Add((AddingExperiment.Name(length), recipe.Describe(), AddingExperiment.Contenders(length),
        (contender, progress) => AddingExperiment.Run(contender, length, recipe, progress)));
}
if (options.Runs("copy"))
{
    SyntheticRecipe recipe = synthetic with { Steps = options.CopySteps };
    experiments.Add((CopyExperiment.Name, recipe.Describe(), CopyExperiment.Contenders,
        (contender, progress) => CopyExperiment.Run(contender, recipe, progress)));
}

if (options.Network is string network)
{
    experiments = [.. experiments.Select(e => e with { Contenders = [.. e.Contenders.Where(c => c.Name.Contains(network, StringComparison.OrdinalIgnoreCase))] })
        .Where(e => e.Contenders.Count > 0)];
}
if (options.LearningRate is double rate)
{
    experiments = [.. experiments.Select(e => e with { Contenders = [.. e.Contenders.Select(c => c with { LearningRate = rate })] })];
}

AnsiConsole.MarkupLine("[bold]NetGen: the classic recurrent experiments[/]");
foreach (var experiment in experiments)
{
    AnsiConsole.MarkupLine($"[bold]{Markup.Escape(experiment.Name)}[/]: {Markup.Escape(experiment.Recipe)}");
    foreach (Contender contender in experiment.Contenders)
    {
        AnsiConsole.MarkupLine($"  {Markup.Escape(contender.Name)}: {Markup.Escape(contender.Description)}; Adam {contender.LearningRate}");
    }
}

if (options.Runs("lags"))
{
    // Untrained networks: the prediction of how far back the gradient reaches, held against the monitor's measurement.
    Directory.CreateDirectory(options.OutputDirectory);
    IReadOnlyList<LagExperiment.Lags> lags = LagExperiment.Measure(options.Seed);
    ConsoleReport.WriteLags(lags);
    AnsiConsole.MarkupLine($"Lag plot: [bold]{Markup.Escape(Path.GetFullPath(LagExperiment.Plot(lags, options.OutputDirectory)))}[/]");
    AnsiConsole.WriteLine();
}

if (experiments.Count == 0)
{
    AnsiConsole.MarkupLine($"{clock.Elapsed.TotalSeconds:F0} s in all.");
    return 0;
}

var results = new List<List<ExperimentResult>>();
AnsiConsole.Progress()
    .AutoClear(false)
    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
    .Start(context =>
    {
        foreach (var experiment in experiments)
        {
            var experimentResults = new List<ExperimentResult>();
            foreach (Contender contender in experiment.Contenders)
            {
                ProgressTask task = context.AddTask(Markup.Escape(contender.Name), maxValue: 1.0);
                ExperimentResult result = experiment.Run(contender, (fraction, line) =>
                {
                    task.Value = fraction;
                    task.Description = Markup.Escape(line);
                });
                task.Value = task.MaxValue;
                task.Description = Markup.Escape($"{result.Experiment}, {contender.Name}: {result.Verdict}");
                experimentResults.Add(result);
            }
            results.Add(experimentResults);
        }
    });
AnsiConsole.WriteLine();
ConsoleReport.WriteCurves([.. results.SelectMany(r => r)]);
AnsiConsole.WriteLine();
ConsoleReport.WriteSummary([.. results.SelectMany(r => r)]);

Directory.CreateDirectory(options.OutputDirectory);
AnsiConsole.MarkupLine($"Plots in [bold]{Markup.Escape(Path.GetFullPath(options.OutputDirectory))}[/]:");
foreach (List<ExperimentResult> experimentResults in results)
{
    AnsiConsole.WriteLine("  " + Path.GetFileName(Plots.LearningCurves(experimentResults, options.OutputDirectory)));
}
AnsiConsole.MarkupLine($"{clock.Elapsed.TotalSeconds:F0} s in all.");
return 0;

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using NetGen;
using Spectre.Console;
using VanishingGradientsSample;

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

MnistData data;
try
{
    data = options.DataDirectory is null ? Mnist.LoadEmbedded(typeof(Program).Assembly) : Mnist.Load(options.DataDirectory);
}
catch (Exception error) when (error is IOException or InvalidDataException)
{
    Console.Error.WriteLine($"Cannot load MNIST: {error.Message}");
    return 1;
}

if (Console.IsOutputRedirected)
{
    AnsiConsole.Profile.Width = 160; // a log file has no width: do not wrap the tables at 80 columns
}

var clock = Stopwatch.StartNew();
Dataset<float> training = data.Training.ToDataset<float>();
Dataset<float> test = data.Test.ToDataset<float>();
Dataset<float> speedData = FirstImages(training, Math.Min(Recipe.SpeedSamples, training.Count));
var recipe = new Recipe(options.Epochs, options.Seed);
var rectifierRecipe = recipe with { Epochs = options.RectifierEpochs };

AnsiConsole.MarkupLine($"[bold]NetGen: vanishing gradients[/]: {training.Count:N0} training and {test.Count:N0} test images from " +
    Markup.Escape(options.DataDirectory ?? "the embedded subset"));
AnsiConsole.MarkupLine(options.RectifiersOnly
    ? $"Every network: {Markup.Escape(rectifierRecipe.Describe())}; gradients on the first {speedData.Count:N0} training images"
    : $"Every network: {Markup.Escape(recipe.Describe())} (the rectifier experiment: {rectifierRecipe.Epochs} epochs); speed of learning on the first {speedData.Count:N0} training images");

var pretraining = new PretrainingExperiment(training);
var results = new List<ExperimentResult>();
var rectifiers = new List<RectifierResult>();
IEnumerable<Contender> denseContenders = options.RectifiersOnly ? [] : Contenders.All.Concat(pretraining.Contenders);
AnsiConsole.Progress()
    .AutoClear(false)
    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
    .Start(context =>
    {
        foreach (Contender contender in denseContenders)
        {
            ProgressTask task = context.AddTask(Markup.Escape(contender.Name), maxValue: recipe.Epochs * (double)training.Count);
            pretraining.OnPretraining = report => task.Description =
                $"{Markup.Escape(contender.Name)}: pretraining {report.LayerName} ({report.HiddenLayer}/{report.HiddenLayers}), epoch {report.Epoch}/{report.Epochs}, " +
                $"reconstruction error {report.ReconstructionError:F1}";
            results.Add(Experiment.Run(contender, recipe, training, test, speedData, report =>
            {
                task.Value = (report.Epoch - 1) * (double)report.SamplesPerEpoch + report.SamplesSeen;
                task.Description = $"{Markup.Escape(contender.Name)}: epoch {report.Epoch}/{report.Epochs}, loss {report.RunningLoss:F4}";
            }));
            task.Value = task.MaxValue;
            task.Description = $"{Markup.Escape(contender.Name)}: test accuracy {results[^1].FinalAccuracy:P1}";
        }
        foreach (Contender contender in RectifierExperiment.All)
        {
            ProgressTask task = context.AddTask(Markup.Escape(contender.Name), maxValue: rectifierRecipe.Epochs * (double)training.Count);
            rectifiers.Add(RectifierExperiment.Run(contender, rectifierRecipe, training, test, speedData, report =>
            {
                task.Value = (report.Epoch - 1) * (double)report.SamplesPerEpoch + report.SamplesSeen;
                task.Description = $"{Markup.Escape(contender.Name)}: epoch {report.Epoch}/{report.Epochs}, loss {report.RunningLoss:F4}";
            }));
            task.Value = task.MaxValue;
            task.Description = $"{Markup.Escape(contender.Name)}: test accuracy {rectifiers[^1].FinalAccuracy:P1}";
        }
    });
AnsiConsole.WriteLine();

Directory.CreateDirectory(options.OutputDirectory);
var plots = new List<string>();
if (!options.RectifiersOnly)
{
    foreach (ExperimentResult result in results)
    {
        ConsoleReport.WriteNetwork(result);
    }
    ConsoleReport.WriteSummary(results);
    AnsiConsole.WriteLine();
    ConsoleReport.WritePretraining(results[^2], results[^1], pretraining);
    AnsiConsole.WriteLine();
    plots.Add(Plots.SpeedAtInitialization(results, options.OutputDirectory));
    plots.Add(Plots.Accuracy(results, options.OutputDirectory));
    plots.AddRange(results.Select(result => Plots.GradientNorms(result, options.OutputDirectory)));
}
ConsoleReport.WriteRectifiers(rectifiers);
plots.Add(Plots.RectifierLosses(rectifiers, options.OutputDirectory));

AnsiConsole.WriteLine();
AnsiConsole.MarkupLine($"{plots.Count} plots written to [bold]{Markup.Escape(Path.GetFullPath(options.OutputDirectory))}[/]:");
foreach (string plot in plots)
{
    AnsiConsole.WriteLine("  " + Path.GetFileName(plot));
}
AnsiConsole.MarkupLine($"{clock.Elapsed.TotalSeconds:F1} s in all.");
return 0;

static Dataset<float> FirstImages(Dataset<float> data, int count) => new(
    data.Inputs[..(count * data.InputSize)].ToArray(), data.Targets[..(count * data.TargetSize)].ToArray(), data.InputSize, data.TargetSize);

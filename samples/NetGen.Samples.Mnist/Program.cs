using System;
using System.Diagnostics;
using System.IO;
using NetGen;
using MnistSample;
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
    AnsiConsole.Profile.Width = 160; // a log file has no width: do not wrap the layer table at 80 columns
}

Dataset<float> training = data.Training.ToDataset<float>();
Dataset<float> test = data.Test.ToDataset<float>();
var network = new MnistClassifier(maxBatchSize: options.BatchSize, seed: options.Seed);
var optimizer = new Adam<float>(options.LearningRate);
var trainingOptions = new TrainingOptions { Epochs = options.Epochs, BatchSize = options.BatchSize, Seed = options.Seed };

AnsiConsole.MarkupLine($"[bold]NetGen MNIST[/]: {training.Count:N0} training and {test.Count:N0} test images from " +
    Markup.Escape(options.DataDirectory ?? "the embedded subset"));
AnsiConsole.WriteLine(MnistClassifier.Summary);
AnsiConsole.MarkupLine($"Adam (learning rate {options.LearningRate}, times {options.LearningRateDecay} after each epoch), batch size {options.BatchSize}, {options.Epochs} epochs, seed {options.Seed}, Vector<float> width {System.Numerics.Vector<float>.Count}");

var clock = Stopwatch.StartNew();
TrainingHistory history = null!;
AnsiConsole.Progress()
    .AutoClear(false)
    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
    .Start(context =>
    {
        ProgressTask task = context.AddTask("epoch 1", maxValue: options.Epochs * training.Count);
        var progress = new SynchronousProgress<TrainingProgress>(report =>
        {
            task.Value = (report.Epoch - 1) * (double)report.SamplesPerEpoch + report.SamplesSeen;
            task.Description = $"epoch {report.Epoch}/{report.Epochs}, loss {report.RunningLoss:F4}";
            if (report.EpochResult is EpochResult epoch)
            {
                optimizer.LearningRate *= options.LearningRateDecay; // reports arrive on the training thread, before the next epoch
                AnsiConsole.MarkupLine($"epoch {epoch.Epoch,2}: training loss {epoch.TrainingLoss:F4}, test loss {epoch.ValidationLoss:F4}, " +
                    $"test accuracy [bold]{epoch.ValidationAccuracy:P2}[/] ({epoch.Elapsed.TotalSeconds:F1} s)");
            }
        });
        history = Trainer.Fit(network, optimizer, training, trainingOptions, validation: test, progress: progress);
    });

Evaluation final = Trainer.Evaluate(network, test, options.BatchSize);
AnsiConsole.MarkupLine($"Test accuracy after {history.Epochs.Count} epochs: [bold green]{final.Accuracy:P2}[/] " +
    $"({final.Count:N0} images, loss {final.Loss:F4}), {clock.Elapsed.TotalSeconds:F1} s in all.");
return 0;

/// <summary>Reports on the training thread, in order (<see cref="Progress{T}"/> would post to the thread pool).</summary>
internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}

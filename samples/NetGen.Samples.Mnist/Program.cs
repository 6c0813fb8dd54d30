using System;
using System.Diagnostics;
using System.IO;
using NetGen;
using NetGen.Reporting;
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
INetwork<float> network = options.Network == SampleNetwork.Cnn
    ? new MnistConvNet(maxBatchSize: options.BatchSize, seed: options.Seed)
    : new MnistClassifier(maxBatchSize: options.BatchSize, seed: options.Seed);
var optimizer = new Adam<float>(options.LearningRate);
var trainingOptions = new TrainingOptions
{
    Epochs = options.Epochs,
    BatchSize = options.BatchSize,
    Seed = options.Seed,
    Schedule = LearningRateSchedule.ExponentialDecay(options.LearningRateDecay),
};

AnsiConsole.MarkupLine($"[bold]NetGen MNIST[/]: {training.Count:N0} training and {test.Count:N0} test images from " +
    Markup.Escape(options.DataDirectory ?? "the embedded subset"));
AnsiConsole.WriteLine(options.Network == SampleNetwork.Cnn ? MnistConvNet.Summary : MnistClassifier.Summary);
AnsiConsole.MarkupLine($"Adam (learning rate {options.LearningRate}, times {options.LearningRateDecay} after each epoch), batch size {options.BatchSize}, {options.Epochs} epochs, seed {options.Seed}, Vector<float> width {System.Numerics.Vector<float>.Count}");

var clock = Stopwatch.StartNew();
TrainingHistory history;
using (var progress = new ConsoleProgress())
{
    history = Trainer.Fit(network, optimizer, training, trainingOptions, validation: test, progress: progress);
}

Evaluation final = Trainer.Evaluate(network, test, options.BatchSize);
AnsiConsole.MarkupLine($"Test accuracy after {history.Epochs.Count} epochs: [bold green]{final.Accuracy:P2}[/] " +
    $"({final.Count:N0} images, loss {final.Loss:F4}), {clock.Elapsed.TotalSeconds:F1} s in all.");
HistoryPlot.Save(history, options.PlotPath);
AnsiConsole.MarkupLine($"Losses and accuracy per epoch: {Markup.Escape(Path.GetFullPath(options.PlotPath))}");
return 0;

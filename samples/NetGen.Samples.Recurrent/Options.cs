using System;
using System.Globalization;
using System.IO;

namespace RecurrentSample;

/// <summary>
/// The command line: <c>[all|row-mnist|adding|copy|lags] [--data DIR] [--epochs N] [--adding-steps N] [--adding-length T] [--copy-steps N] [--learning-rate X] [--network NAME] [--seed N] [--output DIR]</c>.
/// </summary>
internal sealed record Options(string Experiment, string? DataDirectory, int Epochs, int AddingSteps, int AddingLength, int CopySteps, double? LearningRate, string? Network, int Seed, string OutputDirectory)
{
    public const int DefaultEpochs = 5;
    public const int DefaultAddingSteps = 800;
    public const int DefaultCopySteps = 800;

    public static readonly string[] Experiments = ["all", "row-mnist", "adding", "copy", "lags"];

    public static string Usage => $"""
        The classic recurrent experiments, NetGen's numbers beside the published ones and beside NetGen's compile-time
        memory horizon: row-by-row MNIST (LSTM and GRU), the adding problem at T = 100 (tanh RNN, IRNN, LSTM) and the
        copy task at T = 50 (LSTM, chrono LSTM). Writes a table and one PNG of learning curves per experiment.

        Usage: dotnet run -c Release --project samples/NetGen.Samples.Recurrent -- [experiment] [options]

          experiment            all (default), row-mnist, adding, copy or lags (the gradient against time lag at initialization, predicted and measured)
          --data DIR            the four MNIST IDX files (train-images-idx3-ubyte[.gz], ...); default: the
                                embedded subset (10,000 training and 2,000 test images)
          --epochs N            row-by-row MNIST: passes over the training set (default {DefaultEpochs})
          --adding-steps N      adding problem: most training steps of 50 fresh sequences (default {DefaultAddingSteps})
          --adding-length T     adding problem: the sequence length, 100 (default) or 200
          --copy-steps N        copy task: most training steps of 50 fresh sequences (default {DefaultCopySteps})
          --learning-rate X     Adam's learning rate for every network (default: each network's, shown)
          --network NAME        only the networks whose name contains NAME, such as LSTM or IRNN
          --seed N              seed of the initial weights, the shuffling and the drawn sequences (default 1)
          --output DIR          where the PNG plots go (default: a new folder recurrent-<yyyyMMdd-HHmmss>
                                under the current directory)
          --help                this text
        """;

    /// <summary>Parses the arguments; on a mistake, throws <see cref="ArgumentException"/> saying what would be right.</summary>
    public static Options? Parse(string[] args)
    {
        var options = new Options("all", null, DefaultEpochs, DefaultAddingSteps, 100, DefaultCopySteps, null, null, 1, DefaultOutputDirectory());
        for (int i = 0; i < args.Length; i++)
        {
            string name = args[i];
            if (name is "--help" or "-h")
            {
                return null;
            }
            if (!name.StartsWith('-'))
            {
                options = Array.IndexOf(Experiments, name) >= 0
                    ? options with { Experiment = name }
                    : throw new ArgumentException($"Unknown experiment '{name}'; the experiments are {string.Join(", ", Experiments)}.");
                continue;
            }
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            options = name switch
            {
                "--data" => options with { DataDirectory = Value() },
                "--epochs" => options with { Epochs = PositiveInteger(name, Value()) },
                "--adding-steps" => options with { AddingSteps = PositiveInteger(name, Value()) },
                "--adding-length" => options with { AddingLength = ParseAddingLength(name, Value()) },
                "--copy-steps" => options with { CopySteps = PositiveInteger(name, Value()) },
                "--learning-rate" => options with { LearningRate = PositiveNumber(name, Value()) },
                "--network" => options with { Network = Value() },
                "--seed" => options with { Seed = Integer(name, Value()) },
                "--output" => options with { OutputDirectory = Value() },
                _ => throw new ArgumentException(
                    $"Unknown option '{name}'; the options are --data, --epochs, --adding-steps, --adding-length, --copy-steps, --learning-rate, --network, --seed, --output and --help."),
            };
        }
        return options;
    }

    /// <summary>Whether the experiment named <paramref name="experiment"/> is to run.</summary>
    public bool Runs(string experiment) => Experiment == "all" || Experiment == experiment;

    private static string DefaultOutputDirectory() =>
        Path.Combine(Directory.GetCurrentDirectory(), $"recurrent-{DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}");

    private static int Integer(string name, string text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value)
            ? value
            : throw new ArgumentException($"{name} takes an integer, not '{text}'.");

    private static double PositiveNumber(string name, string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && value > 0 && double.IsFinite(value)
            ? value
            : throw new ArgumentException($"{name} takes a positive number such as 0.001, not '{text}'.");

    private static int ParseAddingLength(string name, string text)
    {
        int value = Integer(name, text);
        return Array.IndexOf(AddingExperiment.Lengths, value) >= 0
            ? value
            : throw new ArgumentException($"{name} takes {string.Join(" or ", AddingExperiment.Lengths)} (the lengths with declared networks), not {value}.");
    }

    private static int PositiveInteger(string name, string text)
    {
        int value = Integer(name, text);
        return value > 0 ? value : throw new ArgumentException($"{name} must be at least 1, not {value}.");
    }
}

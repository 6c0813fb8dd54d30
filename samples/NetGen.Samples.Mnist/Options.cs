using System;
using System.Globalization;

namespace MnistSample;

/// <summary>Which network the sample trains.</summary>
internal enum SampleNetwork { Mlp, Cnn }

/// <summary>The command line: <c>[--network mlp|cnn] [--data DIR] [--epochs N] [--batch-size N] [--learning-rate X] [--learning-rate-decay X] [--seed N] [--plot FILE]</c>.</summary>
internal sealed record Options(
    SampleNetwork Network, string? DataDirectory, int Epochs, int BatchSize, double LearningRate, double LearningRateDecay, int Seed, string PlotPath)
{
    public const string Usage = """
        Trains a NetGen-generated network on MNIST with Adam and reports test accuracy: an MLP (784-256-128-10, ReLU,
        He init) or a LeNet-like CNN (two 5x5 convolutions of 20 and 50 filters, 2x2 max pooling, dense 500, 10).

        Usage: dotnet run -c Release --project samples/NetGen.Samples.Mnist -- [options]

          --network mlp|cnn     the network to train (default mlp)
          --data DIR            the four MNIST IDX files (train-images-idx3-ubyte[.gz], ...); default: the
                                embedded subset (10,000 training and 2,000 test images)
          --epochs N            passes over the training set (default 10)
          --batch-size N        samples per step (default 64)
          --learning-rate X     Adam's learning rate at the first epoch (default 0.001)
          --learning-rate-decay X   the factor applied to the learning rate after each epoch (default 0.7)
          --seed N              seed of the initial weights and of the shuffling (default 1)
          --plot FILE           where to draw the losses and the accuracy per epoch, as PNG (default mnist-history.png)
          --help                this text
        """;

    /// <summary>Parses the arguments; on a mistake, throws <see cref="ArgumentException"/> saying what would be right.</summary>
    public static Options? Parse(string[] args)
    {
        var options = new Options(SampleNetwork.Mlp, null, 10, 64, 0.001, 0.7, 1, "mnist-history.png");
        for (int i = 0; i < args.Length; i++)
        {
            string name = args[i];
            if (name is "--help" or "-h")
            {
                return null;
            }
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            options = name switch
            {
                "--network" => options with { Network = NetworkName(name, Value()) },
                "--data" => options with { DataDirectory = Value() },
                "--epochs" => options with { Epochs = PositiveInteger(name, Value()) },
                "--batch-size" => options with { BatchSize = PositiveInteger(name, Value()) },
                "--learning-rate" => options with { LearningRate = PositiveNumber(name, Value()) },
                "--learning-rate-decay" => options with { LearningRateDecay = PositiveNumber(name, Value()) },
                "--seed" => options with { Seed = Integer(name, Value()) },
                "--plot" => options with { PlotPath = Value() },
                _ => throw new ArgumentException($"Unknown option '{name}'; the options are --network, --data, --epochs, --batch-size, --learning-rate, --learning-rate-decay, --seed, --plot and --help."),
            };
        }
        return options;
    }

    private static SampleNetwork NetworkName(string name, string text) => text.ToLowerInvariant() switch
    {
        "mlp" => SampleNetwork.Mlp,
        "cnn" => SampleNetwork.Cnn,
        _ => throw new ArgumentException($"{name} takes mlp or cnn, not '{text}'."),
    };

    private static int Integer(string name, string text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value)
            ? value
            : throw new ArgumentException($"{name} takes an integer, not '{text}'.");

    private static int PositiveInteger(string name, string text)
    {
        int value = Integer(name, text);
        return value > 0 ? value : throw new ArgumentException($"{name} must be at least 1, not {value}.");
    }

    private static double PositiveNumber(string name, string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && value > 0 && double.IsFinite(value)
            ? value
            : throw new ArgumentException($"{name} takes a positive number such as 0.001, not '{text}'.");
}

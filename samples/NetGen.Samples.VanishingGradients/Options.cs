using System;
using System.Globalization;
using System.IO;

namespace VanishingGradientsSample;

/// <summary>The command line: <c>[--experiment all|rectifiers] [--data DIR] [--epochs N] [--rectifier-epochs N] [--seed N] [--output DIR]</c>.</summary>
/// <param name="RectifiersOnly">Whether to run only the rectifier experiment (<c>--experiment rectifiers</c>).</param>
/// <param name="RectifierEpochs">The rectifier experiment's passes over the training set (<c>--rectifier-epochs</c>).</param>
internal sealed record Options(string? DataDirectory, int Epochs, int Seed, string OutputDirectory, bool RectifiersOnly = false, int RectifierEpochs = RectifierExperiment.DefaultEpochs)
{
    public const string Usage = """
        Trains the same depth declared four ways (deep sigmoid; ReLU + He; sigmoid + residual blocks + batch
        normalization; SELU + LeCun), Nielsen's 784-30-30-30-30-10 sigmoid network with two twins, and a
        7-layer sigmoid stack from its random start and after greedy layer-wise pretraining, and He et al.'s
        rectifier experiment (30 ReLU convolutions with Glorot's or He's initialization, and residual blocks with
        batch normalization); measures every hidden layer's speed of learning and weight-gradient norm, and
        writes tables and PNG plots.

        Usage: dotnet run -c Release --project samples/NetGen.Samples.VanishingGradients -- [options]

          --experiment E  all (default): every experiment; rectifiers: He et al.'s rectifier experiment only
          --data DIR      the four MNIST IDX files (train-images-idx3-ubyte[.gz], ...); default: the embedded
                          subset (10,000 training and 2,000 test images)
          --epochs N      passes over the training set, the same for every dense network (default 10)
          --rectifier-epochs N
                          passes over the training set of the rectifier experiment's convolutional networks
                          (default 2)
          --seed N        seed of the initial weights and of the shuffling (default 1)
          --output DIR    where the PNG plots go (default: a new folder vanishing-gradients-<yyyyMMdd-HHmmss>
                          under the current directory)
          --help          this text
        """;

    /// <summary>Parses the arguments; on a mistake, throws <see cref="ArgumentException"/> saying what would be right.</summary>
    public static Options? Parse(string[] args)
    {
        var options = new Options(null, Recipe.DefaultEpochs, 1, DefaultOutputDirectory());
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
                "--data" => options with { DataDirectory = Value() },
                "--experiment" => options with { RectifiersOnly = Experiment(Value()) },
                "--epochs" => options with { Epochs = PositiveInteger(name, Value()) },
                "--rectifier-epochs" => options with { RectifierEpochs = PositiveInteger(name, Value()) },
                "--seed" => options with { Seed = Integer(name, Value()) },
                "--output" => options with { OutputDirectory = Value() },
                _ => throw new ArgumentException($"Unknown option '{name}'; the options are --experiment, --data, --epochs, --rectifier-epochs, --seed, --output and --help."),
            };
        }
        return options;
    }

    private static string DefaultOutputDirectory() =>
        Path.Combine(Directory.GetCurrentDirectory(), $"vanishing-gradients-{DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}");

    private static bool Experiment(string text) => text switch
    {
        "all" => false,
        "rectifiers" => true,
        _ => throw new ArgumentException($"--experiment takes all or rectifiers, not '{text}'."),
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
}

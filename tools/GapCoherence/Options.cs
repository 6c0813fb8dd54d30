using System.Globalization;

namespace GapCoherence;

/// <summary>The stack to simulate and how long: every option is <c>--name value</c>, defaults in brackets in <see cref="Usage"/>.</summary>
internal sealed record Options(
    int Channels, int Size, int Layers, int Kernel, int InputChannels, int Draws, int SamplesPerDraw, bool Circular, bool Pooling, int Seed,
    bool Decompose)
{
    public const string Usage =
        "dotnet run -c Release --project tools/GapCoherence -- [--channels 8] [--size 8] [--layers 11] [--kernel 3] [--draws 400] " +
        "[--samples 8] [--padding circular|zero] [--head pooling|flatten] [--seed 1] [--decompose]";

    public static Options Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        bool decompose = false;
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--decompose")
            {
                decompose = true;
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length)
            {
                values[args[i][2..]] = args[++i];
            }
            else
            {
                throw new ArgumentException($"Unexpected argument '{args[i]}'. Usage: {Usage}");
            }
        }
        int Number(string name, int fallback, int least)
        {
            int value = values.TryGetValue(name, out string? text) ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
            return value >= least ? value : throw new ArgumentException($"--{name} is {value}; it must be at least {least}.");
        }
        string padding = values.GetValueOrDefault("padding", "circular"), head = values.GetValueOrDefault("head", "pooling");
        if (padding is not ("circular" or "zero") || head is not ("pooling" or "flatten"))
        {
            throw new ArgumentException($"--padding is '{padding}' and --head '{head}'; they take circular|zero and pooling|flatten.");
        }
        if (decompose && padding != "circular")
        {
            throw new ArgumentException("--decompose compares with the interior's mean field: use it with --padding circular.");
        }
        int kernel = Number("kernel", 3, 1);
        if (kernel % 2 == 0)
        {
            throw new ArgumentException($"--kernel is {kernel}; it must be odd, so that 'same' padding centres it.");
        }
        return new Options(
            Number("channels", 8, 1), Number("size", 8, kernel), Number("layers", 11, 3), kernel, InputChannels: 3, Number("draws", 400, 1),
            Number("samples", 8, 1), padding == "circular", head == "pooling", Number("seed", 1, 0), decompose);
    }
}

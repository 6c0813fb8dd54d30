using System;
using System.Numerics;

namespace NetGen;

/// <summary>Fills a layer's weights or biases from an <see cref="Init"/> scheme.</summary>
public static class Initializers
{
    /// <summary>Fills <paramref name="values"/> as <paramref name="init"/> prescribes for a layer of the given fans.</summary>
    /// <param name="values">The weights or the biases of one layer.</param>
    /// <param name="init">The scheme.</param>
    /// <param name="fanIn">The layer's input count.</param>
    /// <param name="fanOut">The layer's output count.</param>
    /// <param name="constant">The value for <see cref="Init.Constant"/>; ignored otherwise.</param>
    /// <param name="random">The source of randomness; schemes without randomness draw nothing from it.</param>
    public static void Fill<T>(Span<T> values, Init init, int fanIn, int fanOut, double constant, SeededRandom random)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        switch (init)
        {
            case Init.GlorotUniform:
                FillUniform(values, Math.Sqrt(6.0 / (fanIn + fanOut)), random);
                break;
            case Init.GlorotNormal:
                FillNormal(values, Math.Sqrt(2.0 / (fanIn + fanOut)), random);
                break;
            case Init.HeUniform:
                FillUniform(values, Math.Sqrt(6.0 / fanIn), random);
                break;
            case Init.HeNormal:
                FillNormal(values, Math.Sqrt(2.0 / fanIn), random);
                break;
            case Init.LeCunNormal:
                FillNormal(values, Math.Sqrt(1.0 / fanIn), random);
                break;
            case Init.LegacyUniform:
                FillUniform(values, 1.0 / Math.Sqrt(fanIn), random);
                break;
            case Init.StandardNormal:
                FillNormal(values, 1.0, random);
                break;
            case Init.Zeros:
                values.Clear();
                break;
            case Init.Constant:
                values.Fill(T.CreateTruncating(constant));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(init), init, $"Unknown initializer {init}; expected one of {string.Join(", ", Enum.GetNames<Init>())}.");
        }
    }

    /// <summary>The variance of one weight drawn by <paramref name="init"/> (0 for the deterministic schemes).</summary>
    public static double Variance(Init init, int fanIn, int fanOut) => init switch
    {
        Init.GlorotUniform or Init.GlorotNormal => 2.0 / (fanIn + fanOut),
        Init.HeUniform or Init.HeNormal => 2.0 / fanIn,
        Init.LeCunNormal => 1.0 / fanIn,
        Init.LegacyUniform => 1.0 / (3.0 * fanIn),
        Init.StandardNormal => 1.0,
        _ => 0.0,
    };

    private static void FillUniform<T>(Span<T> values, double limit, SeededRandom random) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = T.CreateTruncating((2 * random.NextDouble() - 1) * limit);
        }
    }

    private static void FillNormal<T>(Span<T> values, double standardDeviation, SeededRandom random) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = T.CreateTruncating(random.NextGaussian() * standardDeviation);
        }
    }
}

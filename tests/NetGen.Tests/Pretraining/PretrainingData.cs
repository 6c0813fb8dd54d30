using NetGen;

namespace NetGen.Tests.Pretraining;

/// <summary>Samples of 16 inputs in [0, 1]: three prototypes with noise, the prototype's index as a one-hot target.</summary>
internal static class PretrainingData
{
    public static Dataset<T> Create<T>(int count = 240, int seed = 7) where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        var random = new SeededRandom(seed);
        double[][] prototypes =
        [
            [.. Enumerable.Range(0, 16).Select(i => i < 8 ? 0.9 : 0.1)],
            [.. Enumerable.Range(0, 16).Select(i => i % 2 == 0 ? 0.85 : 0.05)],
            [.. Enumerable.Range(0, 16).Select(i => i is >= 4 and < 12 ? 0.95 : 0.0)],
        ];
        var inputs = new T[count * 16];
        var targets = new T[count * 3];
        for (int s = 0; s < count; s++)
        {
            int label = s % 3;
            for (int i = 0; i < 16; i++)
            {
                inputs[s * 16 + i] = T.CreateChecked(Math.Clamp(prototypes[label][i] + 0.2 * (random.NextDouble() - 0.5), 0, 1));
            }
            targets[s * 3 + label] = T.One;
        }
        return new Dataset<T>(inputs, targets, 16, 3);
    }
}

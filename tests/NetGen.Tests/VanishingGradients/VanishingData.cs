using NetGen.Tests.Data;
using VanishingGradientsSample;

namespace NetGen.Tests.VanishingGradients;

/// <summary>The embedded MNIST subset (10,000 training and 2,000 test images), loaded once, as the sample uses it.</summary>
internal static class VanishingData
{
    private static readonly Lazy<(Dataset<float> Training, Dataset<float> Test)> Subset = new(() =>
    {
        MnistData data = Mnist.Load(RepositoryPaths.EmbeddedMnistSubset);
        return (data.Training.ToDataset<float>(), data.Test.ToDataset<float>());
    });

    public static Dataset<float> Training => Subset.Value.Training;

    public static Dataset<float> Test => Subset.Value.Test;

    /// <summary>The first 1,000 training images: where the speed of learning is measured.</summary>
    public static Dataset<float> SpeedImages { get; } = First(Recipe.SpeedSamples);

    private static Dataset<float> First(int count)
    {
        Dataset<float> all = Training;
        return new Dataset<float>(all.Inputs[..(count * all.InputSize)].ToArray(), all.Targets[..(count * all.TargetSize)].ToArray(), all.InputSize, all.TargetSize);
    }
}

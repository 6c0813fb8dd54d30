using NetGen.Tests.Data;

namespace NetGen.Tests.Monitoring;

/// <summary>The first training images of the embedded MNIST subset, loaded once.</summary>
internal static class MonitorData
{
    private static readonly Lazy<Dataset<float>> Training =
        new(() => Mnist.Load(RepositoryPaths.EmbeddedMnistSubset).Training.ToDataset<float>());

    /// <summary>The first <paramref name="count"/> training images and their one-hot labels.</summary>
    public static Dataset<float> First(int count)
    {
        Dataset<float> all = Training.Value;
        return new Dataset<float>(all.Inputs[..(count * all.InputSize)].ToArray(), all.Targets[..(count * all.TargetSize)].ToArray(), all.InputSize, all.TargetSize);
    }
}

using NetGen;

namespace NetGen.Tests.Data;

/// <summary>The full original MNIST, when it is shared next to the checkout (../shared/data/mnist); otherwise skipped.</summary>
public class FullMnistTests
{
    [FullMnistFact]
    public void The_full_sets_load_with_60000_and_10000_images_whose_content_matches_the_readme()
    {
        string directory = RepositoryPaths.SharedMnist;
        string readme = Path.Combine(directory, "README.md");
        MnistData data = Mnist.Load(directory);

        Assert.Equal(60_000, data.Training.Count);
        Assert.Equal(10_000, data.Test.Count);
        Assert.Equal((28, 28), (data.Training.Rows, data.Training.Columns));
        Assert.Equal(Sha256Readme.ExpectedHash(readme, "train-images-idx3-ubyte.gz"), Sha256Readme.ImagesHash(data.Training));
        Assert.Equal(Sha256Readme.ExpectedHash(readme, "train-labels-idx1-ubyte.gz"), Sha256Readme.LabelsHash(data.Training));
        Assert.Equal(Sha256Readme.ExpectedHash(readme, "t10k-images-idx3-ubyte.gz"), Sha256Readme.ImagesHash(data.Test));
        Assert.Equal(Sha256Readme.ExpectedHash(readme, "t10k-labels-idx1-ubyte.gz"), Sha256Readme.LabelsHash(data.Test));
    }
}

/// <summary>A test of the full MNIST: reported as skipped, not passed, where the data is not shared next to the checkout.</summary>
public sealed class FullMnistFactAttribute : FactAttribute
{
    public FullMnistFactAttribute()
    {
        if (!File.Exists(Path.Combine(RepositoryPaths.SharedMnist, "README.md")))
        {
            Skip = $"The full MNIST is not at {RepositoryPaths.SharedMnist}.";
        }
    }
}

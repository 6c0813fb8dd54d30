using NetGen;
using Xunit.Abstractions;

namespace NetGen.Tests.Data;

/// <summary>The full original MNIST, when it is shared next to the checkout (../shared/data/mnist); otherwise the tests pass without checking.</summary>
public class FullMnistTests(ITestOutputHelper output)
{
    [Fact]
    public void The_full_sets_load_with_60000_and_10000_images_whose_content_matches_the_readme()
    {
        string directory = RepositoryPaths.SharedMnist;
        string readme = Path.Combine(directory, "README.md");
        if (!Directory.Exists(directory) || !File.Exists(readme))
        {
            output.WriteLine($"Not checked: the full MNIST is not at {directory}.");
            return;
        }

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

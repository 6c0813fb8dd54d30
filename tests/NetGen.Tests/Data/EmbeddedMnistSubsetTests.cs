using NetGen;

namespace NetGen.Tests.Data;

/// <summary>The MNIST subset committed in samples/NetGen.Samples.Mnist/Data.</summary>
public class EmbeddedMnistSubsetTests
{
    private static readonly Lazy<MnistData> Subset = new(() => Mnist.Load(RepositoryPaths.EmbeddedMnistSubset));

    [Fact]
    public void The_subset_holds_10000_training_and_2000_test_images_of_28_by_28()
    {
        MnistData data = Subset.Value;

        Assert.Equal(10_000, data.Training.Count);
        Assert.Equal(2_000, data.Test.Count);
        Assert.All(new[] { data.Training, data.Test }, set => Assert.Equal((28, 28), (set.Rows, set.Columns)));
    }

    [Fact]
    public void Every_label_is_a_digit_and_every_digit_is_present()
    {
        foreach (MnistSet set in new[] { Subset.Value.Training, Subset.Value.Test })
        {
            byte[] labels = set.Labels.ToArray();
            Assert.All(labels, label => Assert.InRange(label, (byte)0, (byte)9));
            Assert.Equal(Enumerable.Range(0, 10).Select(d => (byte)d), labels.Distinct().Order());
        }
    }

    [Fact]
    public void The_content_matches_the_hashes_in_the_readme()
    {
        string readme = Path.Combine(RepositoryPaths.EmbeddedMnistSubset, "README.md");
        MnistData data = Subset.Value;

        Assert.Equal(Sha256Readme.ExpectedHash(readme, "train-images-idx3-ubyte.gz"), Sha256Readme.ImagesHash(data.Training));
        Assert.Equal(Sha256Readme.ExpectedHash(readme, "train-labels-idx1-ubyte.gz"), Sha256Readme.LabelsHash(data.Training));
        Assert.Equal(Sha256Readme.ExpectedHash(readme, "t10k-images-idx3-ubyte.gz"), Sha256Readme.ImagesHash(data.Test));
        Assert.Equal(Sha256Readme.ExpectedHash(readme, "t10k-labels-idx1-ubyte.gz"), Sha256Readme.LabelsHash(data.Test));
    }

    [Fact]
    public void The_subset_loads_from_streams_as_the_sample_embeds_it()
    {
        string directory = RepositoryPaths.EmbeddedMnistSubset;
        using FileStream images = File.OpenRead(Path.Combine(directory, "t10k-images-idx3-ubyte.gz"));
        using FileStream labels = File.OpenRead(Path.Combine(directory, "t10k-labels-idx1-ubyte.gz"));

        MnistSet test = Mnist.Load(images, labels, "test");

        Assert.Equal(Subset.Value.Test.Pixels.ToArray(), test.Pixels.ToArray());
        Assert.Equal(Subset.Value.Test.Labels.ToArray(), test.Labels.ToArray());
    }
}

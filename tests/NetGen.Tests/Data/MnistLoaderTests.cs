using NetGen;

namespace NetGen.Tests.Data;

public class MnistLoaderTests
{
    private static void WriteSet(TemporaryDirectory directory, string prefix, byte[] labels, bool gzip)
    {
        string suffix = gzip ? ".gz" : "";
        byte[] images = IdxBytes.Images(labels.Length, 2, 3, IdxBytes.PatternPixels(labels.Length, 2, 3));
        byte[] labelFile = IdxBytes.Labels(labels);
        directory.Write($"{prefix}-images-idx3-ubyte{suffix}", gzip ? IdxBytes.Gzip(images) : images);
        directory.Write($"{prefix}-labels-idx1-ubyte{suffix}", gzip ? IdxBytes.Gzip(labelFile) : labelFile);
    }

    [Fact]
    public void A_directory_with_compressed_and_uncompressed_files_loads_both_sets()
    {
        using var directory = new TemporaryDirectory();
        WriteSet(directory, "train", [0, 1, 2, 3, 4], gzip: false);
        WriteSet(directory, "t10k", [9, 8, 7], gzip: true);

        MnistData data = Mnist.Load(directory.Path);

        Assert.Equal(5, data.Training.Count);
        Assert.Equal(3, data.Test.Count);
        Assert.Equal((2, 3, 6), (data.Test.Rows, data.Test.Columns, data.Test.PixelsPerImage));
        Assert.Equal([0, 1, 2, 3, 4], data.Training.Labels.ToArray());
        Assert.Equal([9, 8, 7], data.Test.Labels.ToArray());
        Assert.Equal(IdxBytes.PatternPixels(3, 2, 3), data.Test.Pixels.ToArray());
        Assert.Equal(IdxBytes.PatternPixels(3, 2, 3).AsSpan(6, 6).ToArray(), data.Test.ImageOf(1).ToArray());
    }

    [Fact]
    public void A_missing_file_lists_the_names_looked_for()
    {
        using var directory = new TemporaryDirectory();
        WriteSet(directory, "train", [0, 1], gzip: true);
        directory.Write("t10k-images-idx3-ubyte", IdxBytes.Images(1, 2, 3, new byte[6]));

        var error = Assert.Throws<FileNotFoundException>(() => Mnist.Load(directory.Path));

        Assert.Contains("t10k-labels-idx1-ubyte and t10k-labels-idx1-ubyte.gz", error.Message);
        Assert.Contains(directory.Path, error.Message);
    }

    [Fact]
    public void A_missing_directory_is_reported()
    {
        string missing = Path.Combine(Path.GetTempPath(), "netgen-no-such-" + Guid.NewGuid().ToString("N"));
        var error = Assert.Throws<DirectoryNotFoundException>(() => Mnist.Load(missing));
        Assert.Contains(missing, error.Message);
    }

    [Fact]
    public void Different_image_and_label_counts_are_reported_with_both_counts_and_files()
    {
        using var directory = new TemporaryDirectory();
        string images = directory.Write("some-images", IdxBytes.Images(3, 2, 3, new byte[18]));
        string labels = directory.Write("some-labels", IdxBytes.Labels([1, 2]));

        var error = Assert.Throws<InvalidDataException>(() => Mnist.Load(images, labels));

        Assert.Contains($"{images} holds 3 images", error.Message);
        Assert.Contains($"{labels} holds 2 labels", error.Message);
    }

    [Fact]
    public void A_label_above_9_is_reported_with_its_index()
    {
        using var directory = new TemporaryDirectory();
        string images = directory.Write("some-images", IdxBytes.Images(4, 2, 3, new byte[24]));
        string labels = directory.Write("some-labels", IdxBytes.Labels([1, 2, 10, 3]));

        var error = Assert.Throws<InvalidDataException>(() => Mnist.Load(images, labels));

        Assert.Contains(labels, error.Message);
        Assert.Contains("label at index 2 is 10", error.Message);
    }

    [Fact]
    public void Streams_load_and_their_errors_use_the_given_name()
    {
        byte[] pixels = IdxBytes.PatternPixels(2, 2, 3);
        using (var images = new MemoryStream(IdxBytes.Gzip(IdxBytes.Images(2, 2, 3, pixels))))
        using (var labels = new MemoryStream(IdxBytes.Labels([7, 4])))
        {
            MnistSet set = Mnist.Load(images, labels, "training");
            Assert.Equal("training images", set.Name);
            Assert.Equal(pixels, set.Pixels.ToArray());
            Assert.Equal([7, 4], set.Labels.ToArray());
        }

        using (var images = new MemoryStream(IdxBytes.Images(2, 2, 3, pixels)))
        using (var labels = new MemoryStream(IdxBytes.Labels([7, 4, 1])))
        {
            var error = Assert.Throws<InvalidDataException>(() => Mnist.Load(images, labels, "training"));
            Assert.Contains("training images holds 2 images but training labels holds 3 labels", error.Message);
        }
    }
}

public class MnistEmbeddedTests
{
    [Fact]
    public void Missing_embedded_resources_are_named()
    {
        var error = Assert.Throws<FileNotFoundException>(() => Mnist.LoadEmbedded(typeof(MnistEmbeddedTests).Assembly));
        Assert.Contains("train-images-idx3-ubyte.gz", error.Message);
        Assert.Contains("NetGen.Tests", error.Message);
    }
}

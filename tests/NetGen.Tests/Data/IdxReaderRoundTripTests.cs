using NetGen;

namespace NetGen.Tests.Data;

public class IdxReaderRoundTripTests
{
    [Theory]
    [InlineData(false, "images.idx")]
    [InlineData(true, "images.idx")]
    [InlineData(false, "images.gz")]
    [InlineData(true, "images.gz")]
    public void Images_read_back_from_a_file_compressed_or_not_whatever_its_name(bool gzip, string fileName)
    {
        byte[] pixels = IdxBytes.PatternPixels(3, 4, 5);
        byte[] content = IdxBytes.Images(3, 4, 5, pixels);
        using var directory = new TemporaryDirectory();
        string path = directory.Write(fileName, gzip ? IdxBytes.Gzip(content) : content);

        IdxImages images = IdxReader.ReadImages(path);

        Assert.Equal((3, 4, 5), (images.Count, images.Rows, images.Columns));
        Assert.Equal(pixels, images.Pixels);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Labels_read_back_from_a_stream_compressed_or_not(bool gzip)
    {
        byte[] labels = [3, 1, 4, 1, 5, 9, 2, 6];
        byte[] content = IdxBytes.Labels(labels);
        using var stream = new MemoryStream(gzip ? IdxBytes.Gzip(content) : content);

        Assert.Equal(labels, IdxReader.ReadLabels(stream, "labels"));
    }

    [Fact]
    public void Data_larger_than_the_first_read_buffer_reads_back()
    {
        // 2,000 images of 28 × 28 are 1.5 MB, more than the 1 MiB the reader starts with.
        byte[] pixels = IdxBytes.PatternPixels(2000, 28, 28);
        using var stream = new MemoryStream(IdxBytes.Gzip(IdxBytes.Images(2000, 28, 28, pixels)));

        Assert.Equal(pixels, IdxReader.ReadImages(stream, "big").Pixels);
    }

    [Fact]
    public void An_empty_set_reads_back()
    {
        using var stream = new MemoryStream(IdxBytes.Images(0, 28, 28, []));

        IdxImages images = IdxReader.ReadImages(stream, "empty");

        Assert.Equal(0, images.Count);
        Assert.Empty(images.Pixels);
    }
}

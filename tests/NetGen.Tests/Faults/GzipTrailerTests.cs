using NetGen.Tests.Data;

namespace NetGen.Tests.Faults;

/// <summary>A gzip-compressed IDX file is accepted only with its whole trailer: the CRC-32 and length of the decompressed bytes.</summary>
public class GzipTrailerTests
{
    private static readonly byte[] Labels = IdxBytes.Labels([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9]);

    private static byte[] ReadLabels(byte[] content)
    {
        using var directory = new TemporaryDirectory();
        string path = directory.Write("labels-idx1-ubyte.gz", content);
        return IdxReader.ReadLabels(path);
    }

    private static InvalidDataException Refused(byte[] content, params string[] expectedInMessage)
    {
        using var directory = new TemporaryDirectory();
        string path = directory.Write("labels-idx1-ubyte.gz", content);
        var error = Assert.Throws<InvalidDataException>(() => IdxReader.ReadLabels(path));
        Assert.Contains(path, error.Message);
        foreach (string expected in expectedInMessage)
        {
            Assert.Contains(expected, error.Message);
        }
        return error;
    }

    [Fact]
    public void An_intact_gzip_file_loads()
    {
        Assert.Equal(Labels.AsSpan(8).ToArray(), ReadLabels(IdxBytes.Gzip(Labels)));
    }

    [Fact]
    public void A_file_of_two_gzip_members_loads()
    {
        byte[] both = [.. IdxBytes.Gzip(Labels[..5]), .. IdxBytes.Gzip(Labels[5..])];
        Assert.Equal(Labels.AsSpan(8).ToArray(), ReadLabels(both));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(1)]
    [InlineData(8)]
    public void A_file_cut_inside_its_trailer_is_refused(int cut)
    {
        byte[] compressed = IdxBytes.Gzip(Labels);
        Refused(compressed[..^cut], "gzip");
    }

    [Fact]
    public void A_wrong_crc_is_refused()
    {
        byte[] compressed = IdxBytes.Gzip(Labels);
        compressed[^8] ^= 0x01;
        Refused(compressed, "gzip");
    }

    [Fact]
    public void A_wrong_length_is_refused()
    {
        byte[] compressed = IdxBytes.Gzip(Labels);
        compressed[^4] ^= 0x01;
        Refused(compressed, "gzip");
    }

    [Fact]
    public void Images_cut_inside_the_trailer_are_refused_through_a_stream_too()
    {
        byte[] images = IdxBytes.Images(2, 3, 4, IdxBytes.PatternPixels(2, 3, 4));
        byte[] compressed = IdxBytes.Gzip(images)[..^4];
        var error = Assert.Throws<InvalidDataException>(() => IdxReader.ReadImages(new MemoryStream(compressed), "images.gz"));
        Assert.Contains("images.gz", error.Message);
        Assert.Contains("gzip", error.Message);
    }
}

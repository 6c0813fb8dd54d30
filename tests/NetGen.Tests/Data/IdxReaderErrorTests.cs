using NetGen;

namespace NetGen.Tests.Data;

public class IdxReaderErrorTests
{
    private static InvalidDataException ReadImagesFile(string fileName, byte[] content)
    {
        using var directory = new TemporaryDirectory();
        string path = directory.Write(fileName, content);
        var error = Assert.Throws<InvalidDataException>(() => IdxReader.ReadImages(path));
        Assert.Contains(path, error.Message);
        return error;
    }

    private static InvalidDataException ReadLabelsFile(string fileName, byte[] content)
    {
        using var directory = new TemporaryDirectory();
        string path = directory.Write(fileName, content);
        var error = Assert.Throws<InvalidDataException>(() => IdxReader.ReadLabels(path));
        Assert.Contains(path, error.Message);
        return error;
    }

    [Fact]
    public void An_empty_file_is_reported()
    {
        var error = ReadImagesFile("empty-idx3-ubyte", []);
        Assert.Contains("ends after 0 bytes", error.Message);
    }

    [Fact]
    public void A_header_cut_inside_the_magic_number_is_reported()
    {
        var error = ReadLabelsFile("cut-idx1-ubyte", [0, 0, 8]);
        Assert.Contains("ends after 3 bytes", error.Message);
        Assert.Contains("magic number", error.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_header_cut_inside_the_dimensions_is_reported(bool gzip)
    {
        byte[] header = IdxBytes.Images(2, 28, 28, [])[..10];
        var error = ReadImagesFile("cut-images.gz", gzip ? IdxBytes.Gzip(header) : header);
        Assert.Contains("ends after 10 bytes", error.Message);
        Assert.Contains("16-byte header", error.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Truncated_pixels_are_reported_with_expected_and_found_counts(bool gzip)
    {
        byte[] content = IdxBytes.Images(3, 28, 28, IdxBytes.PatternPixels(3, 28, 28))[..(16 + 1234)];
        var error = ReadImagesFile("train-images-idx3-ubyte.gz", gzip ? IdxBytes.Gzip(content) : content);
        Assert.Contains("expected 2352 pixel bytes after the 16-byte header, found 1234", error.Message);
        Assert.Contains("truncated", error.Message);
    }

    [Fact]
    public void Truncated_labels_are_reported_with_expected_and_found_counts()
    {
        byte[] content = IdxBytes.Labels([1, 2, 3, 4, 5])[..(8 + 2)];
        var error = ReadLabelsFile("labels", content);
        Assert.Contains("expected 5 label bytes after the 8-byte header, found 2", error.Message);
    }

    [Fact]
    public void A_label_file_read_as_images_is_a_wrong_magic_number()
    {
        var error = ReadImagesFile("train-labels-idx1-ubyte", IdxBytes.Labels([1, 2]));
        Assert.Contains("wrong magic number 0x00000801", error.Message);
        Assert.Contains("expected 0x00000803", error.Message);
    }

    [Fact]
    public void A_file_that_is_not_idx_is_a_wrong_magic_number()
    {
        var error = ReadLabelsFile("picture.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0]);
        Assert.Contains("wrong magic number 0x89504E47", error.Message);
        Assert.Contains("expected 0x00000801", error.Message);
    }

    [Fact]
    public void A_data_type_other_than_unsigned_byte_is_reported()
    {
        byte[] floats = IdxBytes.Build(0x00000D03, [1, 2, 2], new byte[16]);
        var error = ReadImagesFile("float-images", floats);
        Assert.Contains("unsupported data type 0x0D", error.Message);
        Assert.Contains("float32", error.Message);
        Assert.Contains("0x08", error.Message);
    }

    [Fact]
    public void A_negative_dimension_is_reported()
    {
        var error = ReadImagesFile("negative", IdxBytes.Build(0x00000803, [10, -28, 28], []));
        Assert.Contains("dimension 2 of 3 is -28", error.Message);
    }

    [Fact]
    public void Absurd_dimensions_are_reported_without_allocating_them()
    {
        var error = ReadImagesFile("absurd", IdxBytes.Build(0x00000803, [100_000, 100_000, 100_000], [1, 2, 3]));
        Assert.Contains("100000 × 100000 × 100000", error.Message);
    }

    [Fact]
    public void A_header_claiming_much_more_data_than_present_reads_only_what_is_there()
    {
        // 2,000,000,000 bytes claimed: the reader must report the truncation rather than allocate 2 GB first.
        var error = ReadImagesFile("huge-claim", IdxBytes.Build(0x00000803, [2_000_000, 1_000, 1], [1, 2, 3]));
        Assert.Contains("expected 2000000000 pixel bytes after the 16-byte header, found 3", error.Message);
    }

    [Fact]
    public void Zero_rows_are_reported()
    {
        var error = ReadImagesFile("flat", IdxBytes.Build(0x00000803, [5, 0, 28], []));
        Assert.Contains("0 × 28", error.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Trailing_bytes_are_reported(bool gzip)
    {
        byte[] content = [.. IdxBytes.Images(1, 2, 2, [1, 2, 3, 4]), 9, 9, 9, 9, 9];
        var error = ReadImagesFile("images-with-tail", gzip ? IdxBytes.Gzip(content) : content);
        Assert.Contains("5 unexpected bytes after the 4 pixel bytes", error.Message);
        Assert.Contains("end at byte 20", error.Message);
    }

    [Fact]
    public void A_corrupt_gzip_block_is_reported()
    {
        byte[] compressed = IdxBytes.Gzip(IdxBytes.Images(3, 28, 28, IdxBytes.PatternPixels(3, 28, 28)));
        // The first byte after the 10-byte gzip header starts the first deflate block; 0xFF makes its type the reserved 11.
        compressed[10] = 0xFF;
        var error = ReadImagesFile("corrupt.gz", compressed);
        Assert.Contains("corrupt gzip data", error.Message);
        Assert.IsType<InvalidDataException>(error.InnerException);
    }

    [Fact]
    public void A_gzip_checksum_mismatch_is_reported()
    {
        byte[] compressed = IdxBytes.Gzip(IdxBytes.Images(3, 28, 28, IdxBytes.PatternPixels(3, 28, 28)));
        // The CRC-32 of the content is in the 8-byte trailer, before the length.
        compressed[^8] ^= 0xFF;
        var error = ReadImagesFile("bad-checksum.gz", compressed);
        Assert.Contains("corrupt gzip data", error.Message);
    }

    [Fact]
    public void A_cut_gzip_file_is_reported()
    {
        byte[] compressed = IdxBytes.Gzip(IdxBytes.Images(3, 28, 28, IdxBytes.PatternPixels(3, 28, 28)));
        ReadImagesFile("cut.gz", compressed[..(compressed.Length / 2)]);
    }

    [Fact]
    public void A_stream_error_names_the_stream()
    {
        using var stream = new MemoryStream(IdxBytes.Labels([1, 2]));
        var error = Assert.Throws<InvalidDataException>(() => IdxReader.ReadImages(stream, "training images resource"));
        Assert.Contains("training images resource", error.Message);
    }
}

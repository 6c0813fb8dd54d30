using System.Buffers.Binary;
using System.IO.Compression;

namespace NetGen.Tests.Data;

/// <summary>Builds IDX file contents for the tests.</summary>
internal static class IdxBytes
{
    public static byte[] Build(int magic, int[] dimensions, ReadOnlySpan<byte> data)
    {
        var bytes = new byte[4 + 4 * dimensions.Length + data.Length];
        BinaryPrimitives.WriteInt32BigEndian(bytes, magic);
        for (int i = 0; i < dimensions.Length; i++)
        {
            BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4 + 4 * i), dimensions[i]);
        }
        data.CopyTo(bytes.AsSpan(4 + 4 * dimensions.Length));
        return bytes;
    }

    public static byte[] Images(int count, int rows, int columns, ReadOnlySpan<byte> pixels) =>
        Build(0x00000803, [count, rows, columns], pixels);

    public static byte[] Labels(ReadOnlySpan<byte> labels) => Build(0x00000801, [labels.Length], labels);

    /// <summary>Pixels that differ from image to image and position to position.</summary>
    public static byte[] PatternPixels(int count, int rows, int columns) =>
        Enumerable.Range(0, count * rows * columns).Select(i => (byte)(i * 7 + i / 13)).ToArray();

    public static byte[] Gzip(byte[] content)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal))
        {
            gzip.Write(content);
        }
        return compressed.ToArray();
    }

    public static byte[] Gunzip(byte[] compressed)
    {
        using var gzip = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var content = new MemoryStream();
        gzip.CopyTo(content);
        return content.ToArray();
    }
}

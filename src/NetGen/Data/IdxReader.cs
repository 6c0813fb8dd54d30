using System;
using System.Buffers.Binary;
using System.IO;

namespace NetGen;

/// <summary>
/// Reads IDX files of unsigned bytes, the format of MNIST: a big-endian int32 magic number <c>0x000008nn</c>
/// (<c>0x08</c> = unsigned byte, <c>nn</c> = number of dimensions), one big-endian int32 per dimension, then the raw bytes.
/// Files may be gzip-compressed; compression is detected from the content, not from the file name, and a gzip file must
/// end with its trailer, whose CRC-32 and length must match the decompressed bytes.
/// </summary>
/// <remarks>Every problem with the content throws an <see cref="InvalidDataException"/> that names the file and says what is wrong and where.</remarks>
public static class IdxReader
{
    /// <summary>The magic number of an IDX image file: unsigned bytes, 3 dimensions (count, rows, columns).</summary>
    public const int ImagesMagic = 0x00000803;

    /// <summary>The magic number of an IDX label file: unsigned bytes, 1 dimension (count).</summary>
    public const int LabelsMagic = 0x00000801;

    private const byte UnsignedByteType = 0x08;
    private const int InitialDataCapacity = 1 << 20;

    /// <summary>Reads an IDX image file (magic <c>0x00000803</c>), gzip-compressed or not.</summary>
    /// <param name="path">The file's path, also used in error messages.</param>
    /// <returns>The images.</returns>
    /// <exception cref="InvalidDataException">The file is not a valid IDX image file.</exception>
    public static IdxImages ReadImages(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using FileStream file = File.OpenRead(path);
        return ReadImages(file, path);
    }

    /// <summary>Reads an IDX image file (magic <c>0x00000803</c>), gzip-compressed or not, from a stream (which is not disposed).</summary>
    /// <param name="stream">The file's content.</param>
    /// <param name="name">The name of the file or resource, used in error messages.</param>
    /// <returns>The images.</returns>
    /// <exception cref="InvalidDataException">The content is not a valid IDX image file.</exception>
    public static IdxImages ReadImages(Stream stream, string name)
    {
        (int[] dimensions, byte[] pixels) = Read(stream, name, ImagesMagic, "image", "pixel");
        int count = dimensions[0], rows = dimensions[1], columns = dimensions[2];
        if (rows == 0 || columns == 0)
        {
            throw new InvalidDataException($"{name}: images of {rows} × {columns} pixels; rows and columns must be positive.");
        }
        return new IdxImages(count, rows, columns, pixels);
    }

    /// <summary>Reads an IDX label file (magic <c>0x00000801</c>), gzip-compressed or not.</summary>
    /// <param name="path">The file's path, also used in error messages.</param>
    /// <returns>One byte per label.</returns>
    /// <exception cref="InvalidDataException">The file is not a valid IDX label file.</exception>
    public static byte[] ReadLabels(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using FileStream file = File.OpenRead(path);
        return ReadLabels(file, path);
    }

    /// <summary>Reads an IDX label file (magic <c>0x00000801</c>), gzip-compressed or not, from a stream (which is not disposed).</summary>
    /// <param name="stream">The file's content.</param>
    /// <param name="name">The name of the file or resource, used in error messages.</param>
    /// <returns>One byte per label.</returns>
    /// <exception cref="InvalidDataException">The content is not a valid IDX label file.</exception>
    public static byte[] ReadLabels(Stream stream, string name) => Read(stream, name, LabelsMagic, "label", "label").Data;

    private static (int[] Dimensions, byte[] Data) Read(Stream stream, string name, int expectedMagic, string kind, string unit)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(name);
        using Stream source = Decompressed(stream, name);

        Span<byte> magicBytes = stackalloc byte[4];
        int magicRead = ReadFully(source, magicBytes);
        if (magicRead < magicBytes.Length)
        {
            throw new InvalidDataException(
                $"{name}: the file ends after {magicRead} bytes, inside the 4-byte magic number of an IDX {kind} file (file empty or truncated?).");
        }
        int magic = BinaryPrimitives.ReadInt32BigEndian(magicBytes);
        int dimensionCount = expectedMagic & 0xFF;
        CheckMagic(magic, expectedMagic, name, kind);

        int headerSize = 4 + 4 * dimensionCount;
        Span<byte> dimensionBytes = stackalloc byte[4 * dimensionCount];
        int dimensionsRead = ReadFully(source, dimensionBytes);
        if (dimensionsRead < dimensionBytes.Length)
        {
            throw new InvalidDataException(
                $"{name}: the file ends after {4 + dimensionsRead} bytes, inside the {headerSize}-byte header of an IDX {kind} file (file truncated?).");
        }
        int[] dimensions = new int[dimensionCount];
        for (int i = 0; i < dimensionCount; i++)
        {
            dimensions[i] = BinaryPrimitives.ReadInt32BigEndian(dimensionBytes.Slice(4 * i, 4));
        }
        int dataLength = DataLength(dimensions, name);

        byte[] data = ReadData(source, dataLength, name, headerSize, unit);
        long trailing = CountRemainingBytes(source);
        if (trailing > 0)
        {
            throw new InvalidDataException(
                $"{name}: {trailing} unexpected bytes after the {dataLength} {unit} bytes; the file should end at byte {headerSize + (long)dataLength} (trailing garbage?).");
        }
        return (dimensions, data);
    }

    /// <summary>The content, decompressed and its gzip trailer checked when it starts with the gzip magic bytes <c>1f 8b</c>.</summary>
    private static Stream Decompressed(Stream stream, string name)
    {
        byte[] start = new byte[2];
        int startLength = stream.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
        var whole = new PrefixedStream(start.AsSpan(0, startLength).ToArray(), stream);
        bool isGzip = startLength == 2 && start[0] == 0x1f && start[1] == 0x8b;
        return isGzip ? GzipContent.Decompress(whole, name) : whole;
    }

    private static void CheckMagic(int magic, int expectedMagic, string name, string kind)
    {
        // The magic is 0x0000ttdd: two zero bytes, the data type tt, the number of dimensions dd.
        bool sameShape = (magic & ~0xFF00) == (expectedMagic & ~0xFF00);
        if (!sameShape)
        {
            throw new InvalidDataException($"wrong magic number 0x{magic:X8} in {name}: expected 0x{expectedMagic:X8} (an IDX {kind} file).");
        }
        int dataType = (magic >> 8) & 0xFF;
        if (dataType != UnsignedByteType)
        {
            throw new InvalidDataException(
                $"unsupported data type 0x{dataType:X2} ({DataTypeName(dataType)}) in {name} (magic number 0x{magic:X8}): only 0x08 (unsigned byte) is supported.");
        }
    }

    private static string DataTypeName(int dataType) => dataType switch
    {
        0x09 => "signed byte",
        0x0B => "int16",
        0x0C => "int32",
        0x0D => "float32",
        0x0E => "float64",
        _ => "not an IDX data type",
    };

    private static int DataLength(int[] dimensions, string name)
    {
        long length = 1;
        for (int i = 0; i < dimensions.Length; i++)
        {
            if (dimensions[i] < 0)
            {
                throw new InvalidDataException(
                    $"{name}: dimension {i + 1} of {dimensions.Length} is {dimensions[i]} (header bytes {4 + 4 * i} to {7 + 4 * i}); dimensions cannot be negative.");
            }
            // Stays below 2^62: length is at most Array.MaxLength (< 2^31) before each multiplication.
            length *= dimensions[i];
            if (length > Array.MaxLength)
            {
                throw new InvalidDataException(
                    $"{name}: the dimensions {string.Join(" × ", dimensions)} describe more than {Array.MaxLength} bytes, more than an array can hold (corrupt header?).");
            }
        }
        return (int)length;
    }

    /// <summary>Reads exactly <paramref name="length"/> bytes, growing the buffer as data arrives so that a corrupt header cannot make it allocate gigabytes.</summary>
    private static byte[] ReadData(Stream source, int length, string name, int headerSize, string unit)
    {
        byte[] data = new byte[Math.Min(length, InitialDataCapacity)];
        int filled = 0;
        while (true)
        {
            filled += ReadFully(source, data.AsSpan(filled));
            if (filled < data.Length)
            {
                throw new InvalidDataException(
                    $"{name}: expected {length} {unit} bytes after the {headerSize}-byte header, found {filled} (file truncated?).");
            }
            if (filled == length)
            {
                return data;
            }
            Array.Resize(ref data, (int)Math.Min(length, 2L * data.Length));
        }
    }

    private static long CountRemainingBytes(Stream source)
    {
        byte[] buffer = new byte[64 * 1024];
        long count = 0;
        int read;
        while ((read = ReadFully(source, buffer)) > 0)
        {
            count += read;
        }
        return count;
    }

    /// <summary>Reads until <paramref name="buffer"/> is full or the stream ends; returns the number of bytes read.</summary>
    private static int ReadFully(Stream source, Span<byte> buffer) =>
        source.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
}

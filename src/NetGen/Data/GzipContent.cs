using System;
using System.Buffers.Binary;
using System.IO;
using System.IO.Compression;

namespace NetGen;

/// <summary>
/// Decompresses gzip content whole and checks its trailer. <see cref="GZipStream"/> checks a member's CRC-32 when the
/// trailer is there, but content that ends inside the trailer (or inside the compressed data) just ends early, silently.
/// </summary>
internal static class GzipContent
{
    private const int TrailerLength = 8;

    /// <summary>The decompressed bytes of the rest of <paramref name="compressed"/>, positioned at their start.</summary>
    /// <exception cref="InvalidDataException">The gzip data is corrupt, or its last member's trailer (CRC-32 and length) is missing or does not match; the message names <paramref name="name"/>.</exception>
    public static MemoryStream Decompress(Stream compressed, string name)
    {
        using var input = new MemoryStream();
        compressed.CopyTo(input);
        var output = new MemoryStream();
        input.Position = 0;
        try
        {
            using var gzip = new GZipStream(input, CompressionMode.Decompress, leaveOpen: true);
            gzip.CopyTo(output);
        }
        catch (InvalidDataException e)
        {
            // Only the decompressor throws this; its message does not say which file.
            throw new InvalidDataException($"{name}: corrupt gzip data ({e.Message})", e);
        }
        CheckTrailer(input.GetBuffer().AsSpan(0, (int)input.Length), output.GetBuffer().AsSpan(0, (int)output.Length), name);
        output.Position = 0;
        return output;
    }

    /// <summary>
    /// The content must end with the last member's trailer: the CRC-32 and the length (modulo 2³²) of that member's
    /// decompressed bytes, which are the last ones decompressed (a file may hold several members back to back).
    /// </summary>
    private static void CheckTrailer(ReadOnlySpan<byte> compressed, ReadOnlySpan<byte> decompressed, string name)
    {
        if (compressed.Length < TrailerLength)
        {
            throw new InvalidDataException(
                $"{name}: corrupt gzip data (the file holds {compressed.Length} bytes, fewer than the {TrailerLength}-byte gzip trailer; file truncated?).");
        }
        uint storedCrc = BinaryPrimitives.ReadUInt32LittleEndian(compressed[^TrailerLength..]);
        uint storedLength = BinaryPrimitives.ReadUInt32LittleEndian(compressed[^4..]);
        if (storedLength > (uint)decompressed.Length)
        {
            throw new InvalidDataException(
                $"{name}: corrupt gzip data (the last 8 bytes, which should be the gzip trailer, give a length of {storedLength} bytes, " +
                $"but only {decompressed.Length} were decompressed; file truncated inside the trailer or the data?).");
        }
        uint actualCrc = System.IO.Hashing.Crc32.HashToUInt32(decompressed[^(int)storedLength..]);
        if (actualCrc != storedCrc)
        {
            throw new InvalidDataException(
                $"{name}: corrupt gzip data (the last 8 bytes, which should be the gzip trailer, give CRC-32 0x{storedCrc:X8} for the last {storedLength} " +
                $"decompressed bytes, but they have CRC-32 0x{actualCrc:X8}; file truncated inside the trailer, or corrupt?).");
        }
    }
}

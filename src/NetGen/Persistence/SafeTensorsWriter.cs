using System;
using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace NetGen;

/// <summary>
/// Writes the safetensors format: an 8-byte little-endian header length N, N bytes of UTF-8 JSON (padded with spaces to a
/// multiple of 8) naming every tensor's dtype, shape and byte range, then the tensors' bytes back to back, in the order given.
/// </summary>
internal static class SafeTensorsWriter
{
    /// <summary>Writes <paramref name="tensors"/> and <paramref name="metadata"/> to <paramref name="stream"/>.</summary>
    public static void Write(Stream stream, IReadOnlyList<SafeTensorsTensor> tensors, IReadOnlyDictionary<string, string> metadata)
    {
        byte[] header = Header(tensors, metadata);
        Span<byte> length = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)header.Length);
        stream.Write(length);
        stream.Write(header);
        foreach (SafeTensorsTensor tensor in tensors)
        {
            stream.Write(tensor.Data.Span);
        }
        stream.Flush();
    }

    private static byte[] Header(IReadOnlyList<SafeTensorsTensor> tensors, IReadOnlyDictionary<string, string> metadata)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteStartObject("__metadata__");
            foreach (KeyValuePair<string, string> entry in metadata)
            {
                json.WriteString(entry.Key, entry.Value);
            }
            json.WriteEndObject();
            long offset = 0;
            foreach (SafeTensorsTensor tensor in tensors)
            {
                json.WriteStartObject(tensor.Name);
                json.WriteString("dtype", tensor.DType);
                json.WriteStartArray("shape");
                foreach (long dimension in tensor.Shape)
                {
                    json.WriteNumberValue(dimension);
                }
                json.WriteEndArray();
                json.WriteStartArray("data_offsets");
                json.WriteNumberValue(offset);
                offset += tensor.Data.Length;
                json.WriteNumberValue(offset);
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        int padded = (buffer.WrittenCount + 7) / 8 * 8;
        byte[] header = new byte[padded];
        buffer.WrittenSpan.CopyTo(header);
        header.AsSpan(buffer.WrittenCount).Fill((byte)' ');
        return header;
    }
}

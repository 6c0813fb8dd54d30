using System;
using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace NetGen;

/// <summary>
/// Reads and validates a whole safetensors file held in memory: the header length, the JSON header, every tensor's dtype,
/// shape and byte range (inside the data, matching its shape, neither overlapping another nor leaving a hole), and the metadata.
/// </summary>
internal static class SafeTensorsReader
{
    /// <summary>Reads the rest of <paramref name="stream"/> and parses it; <paramref name="source"/> names it in error messages.</summary>
    /// <exception cref="InvalidDataException">The content is not a valid safetensors file.</exception>
    public static SafeTensorsFile Read(Stream stream, string source)
    {
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return Parse(memory.GetBuffer().AsMemory(0, (int)memory.Length), source);
    }

    /// <summary>Parses a whole file; the tensors' data are slices of <paramref name="bytes"/>.</summary>
    /// <exception cref="InvalidDataException">The content is not a valid safetensors file.</exception>
    public static SafeTensorsFile Parse(ReadOnlyMemory<byte> bytes, string source)
    {
        if (bytes.Length < 8)
        {
            throw Invalid(source, $"it holds {bytes.Length} bytes, fewer than the 8 of the header length (truncated file)");
        }
        ulong headerLength = BinaryPrimitives.ReadUInt64LittleEndian(bytes.Span);
        if (headerLength > (ulong)(bytes.Length - 8))
        {
            throw Invalid(source, $"the header length is {headerLength} bytes, but only {bytes.Length - 8} bytes follow it (truncated file or corrupt header)");
        }
        ReadOnlyMemory<byte> data = bytes[(8 + (int)headerLength)..];
        CheckUtf8(bytes.Span.Slice(8, (int)headerLength), source);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes.Slice(8, (int)headerLength));
        }
        catch (JsonException error)
        {
            throw Invalid(source, $"the header is not valid JSON ({error.Message})");
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw Invalid(source, $"the header is a JSON {document.RootElement.ValueKind}, not an object");
            }
            var tensors = new List<(SafeTensorsTensor Tensor, long Begin, long End)>();
            var metadata = new Dictionary<string, string>();
            var names = new HashSet<string>(StringComparer.Ordinal);
            try
            {
                foreach (JsonProperty property in document.RootElement.EnumerateObject())
                {
                    if (!names.Add(property.Name))
                    {
                        throw Invalid(source, $"the header names '{property.Name}' twice");
                    }
                    if (property.Name == "__metadata__")
                    {
                        ReadMetadata(property.Value, metadata, source);
                    }
                    else
                    {
                        tensors.Add(ReadTensor(property, data, source));
                    }
                }
            }
            catch (InvalidOperationException error)
            {
                // System.Text.Json's way of refusing a string it cannot turn into text, such as an escaped lone surrogate "\ud800".
                throw Invalid(source, $"the header holds a name or string that is not valid text ({error.Message})");
            }
            CheckCoverage(tensors, data.Length, source);
            return new SafeTensorsFile(tensors.OrderBy(t => t.Begin).ToDictionary(t => t.Tensor.Name, t => t.Tensor), metadata);
        }
    }

    /// <summary>
    /// System.Text.Json parses invalid UTF-8 inside strings and fails only when a name or value is read, with an
    /// <see cref="InvalidOperationException"/>; checking the whole header first turns that into a message naming the byte.
    /// </summary>
    private static void CheckUtf8(ReadOnlySpan<byte> header, string source)
    {
        if (System.Text.Unicode.Utf8.IsValid(header))
        {
            return;
        }
        int offset = 0;
        while (offset < header.Length)
        {
            OperationStatus status = Rune.DecodeFromUtf8(header[offset..], out _, out int consumed);
            if (status != OperationStatus.Done)
            {
                throw Invalid(source, $"the header is not valid UTF-8: byte {8 + offset} of the file (0x{header[offset]:X2}, header byte {offset}) does not start a valid UTF-8 sequence (corrupt header)");
            }
            offset += consumed;
        }
    }

    private static void ReadMetadata(JsonElement value, Dictionary<string, string> metadata, string source)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw Invalid(source, "__metadata__ is not a JSON object");
        }
        foreach (JsonProperty entry in value.EnumerateObject())
        {
            if (entry.Value.ValueKind != JsonValueKind.String)
            {
                throw Invalid(source, $"the metadata entry '{entry.Name}' is not a string");
            }
            metadata[entry.Name] = entry.Value.GetString()!;
        }
    }

    private static (SafeTensorsTensor Tensor, long Begin, long End) ReadTensor(JsonProperty property, ReadOnlyMemory<byte> data, string source)
    {
        string name = property.Name;
        JsonElement entry = property.Value;
        if (entry.ValueKind != JsonValueKind.Object
            || !entry.TryGetProperty("dtype", out JsonElement dtypeElement) || dtypeElement.ValueKind != JsonValueKind.String
            || !entry.TryGetProperty("shape", out JsonElement shapeElement) || shapeElement.ValueKind != JsonValueKind.Array
            || !entry.TryGetProperty("data_offsets", out JsonElement offsetsElement) || offsetsElement.ValueKind != JsonValueKind.Array)
        {
            throw Invalid(source, $"the tensor '{name}' does not have a string dtype, a shape array and a data_offsets array");
        }
        string dtype = dtypeElement.GetString()!;
        int elementSize = TensorElements.SizeOf(dtype);
        if (elementSize == 0)
        {
            throw Invalid(source, $"the tensor '{name}' has the unknown dtype '{dtype}'");
        }
        long[] shape = shapeElement.EnumerateArray().Select(d => NonNegative(d, name, "shape", source)).ToArray();
        long[] offsets = offsetsElement.EnumerateArray().Select(d => NonNegative(d, name, "data_offsets", source)).ToArray();
        if (offsets.Length != 2 || offsets[0] > offsets[1])
        {
            throw Invalid(source, $"the tensor '{name}' has data_offsets [{string.Join(", ", offsets)}], not [begin, end] with begin ≤ end");
        }
        if (offsets[1] > data.Length)
        {
            throw Invalid(source, $"the tensor '{name}' ends at byte {offsets[1]} of the data, but the data holds {data.Length} bytes (truncated file or corrupt offsets)");
        }
        long expected;
        try
        {
            expected = checked(shape.Aggregate(1L, (product, dimension) => product * dimension) * elementSize);
        }
        catch (OverflowException)
        {
            throw Invalid(source, $"the tensor '{name}' has the shape {SafeTensorsTensor.FormatShape(shape)}, too large");
        }
        if (offsets[1] - offsets[0] != expected)
        {
            throw Invalid(source, $"the tensor '{name}' of dtype {dtype} and shape {SafeTensorsTensor.FormatShape(shape)} needs {expected} bytes, but its data_offsets span {offsets[1] - offsets[0]}");
        }
        var tensor = new SafeTensorsTensor(name, dtype, shape, data.Slice((int)offsets[0], (int)expected));
        return (tensor, offsets[0], offsets[1]);
    }

    private static long NonNegative(JsonElement element, string name, string field, string source) =>
        element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out long value) && value >= 0
            ? value
            : throw Invalid(source, $"the tensor '{name}' has a {field} entry that is not a non-negative integer: {element.GetRawText()}");

    /// <summary>The tensors' byte ranges must tile the data exactly: no overlap, no hole, nothing after the last.</summary>
    private static void CheckCoverage(List<(SafeTensorsTensor Tensor, long Begin, long End)> tensors, long dataLength, string source)
    {
        long position = 0;
        string previous = "the start of the data";
        foreach (var (tensor, begin, end) in tensors.OrderBy(t => t.Begin).ThenBy(t => t.End))
        {
            if (begin < position)
            {
                throw Invalid(source, $"the tensor '{tensor.Name}' starts at byte {begin}, inside {previous}, which ends at byte {position} (overlapping data_offsets)");
            }
            if (begin > position)
            {
                throw Invalid(source, $"bytes {position} to {begin} of the data belong to no tensor (a hole before '{tensor.Name}')");
            }
            position = end;
            previous = $"the tensor '{tensor.Name}'";
        }
        if (position != dataLength)
        {
            throw Invalid(source, $"the tensors end at byte {position} of the data, but it holds {dataLength} bytes (trailing bytes)");
        }
    }

    /// <summary>An <see cref="InvalidDataException"/> naming <paramref name="source"/> and the problem.</summary>
    public static InvalidDataException Invalid(string source, string problem) =>
        new($"{source} is not a valid safetensors file: {problem}.");
}

using System.Text;
using System.Text.Json;

namespace NetGen.Tests.Persistence;

/// <summary>A minimal safetensors reader written from the format's description only, sharing no code with NetGen's.</summary>
internal sealed class IndependentSafeTensorsReader
{
    public sealed record Entry(string DType, long[] Shape, long Begin, long End);

    public IndependentSafeTensorsReader(byte[] file)
    {
        using var reader = new BinaryReader(new MemoryStream(file));
        HeaderLength = reader.ReadUInt64(); // BinaryReader is little-endian
        string json = Encoding.UTF8.GetString(reader.ReadBytes((int)HeaderLength));
        DataStart = 8 + (int)HeaderLength;
        _file = file;
        using JsonDocument document = JsonDocument.Parse(json);
        foreach (JsonProperty property in document.RootElement.EnumerateObject())
        {
            if (property.Name == "__metadata__")
            {
                foreach (JsonProperty entry in property.Value.EnumerateObject())
                {
                    Metadata[entry.Name] = entry.Value.GetString()!;
                }
                continue;
            }
            JsonElement offsets = property.Value.GetProperty("data_offsets");
            Tensors[property.Name] = new Entry(
                property.Value.GetProperty("dtype").GetString()!,
                property.Value.GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()).ToArray(),
                offsets[0].GetInt64(),
                offsets[1].GetInt64());
        }
    }

    private readonly byte[] _file;

    public ulong HeaderLength { get; }

    public int DataStart { get; }

    public Dictionary<string, Entry> Tensors { get; } = [];

    public Dictionary<string, string> Metadata { get; } = [];

    public float[] Singles(string name)
    {
        Entry entry = Tensors[name];
        using var reader = new BinaryReader(new MemoryStream(_file, DataStart + (int)entry.Begin, (int)(entry.End - entry.Begin)));
        return Enumerable.Range(0, (int)(entry.End - entry.Begin) / 4).Select(_ => reader.ReadSingle()).ToArray();
    }

    public double[] Doubles(string name)
    {
        Entry entry = Tensors[name];
        using var reader = new BinaryReader(new MemoryStream(_file, DataStart + (int)entry.Begin, (int)(entry.End - entry.Begin)));
        return Enumerable.Range(0, (int)(entry.End - entry.Begin) / 8).Select(_ => reader.ReadDouble()).ToArray();
    }
}

using System.Buffers;
using System.Collections.Generic;
using System.Numerics;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace NetGen;

/// <summary>The metadata NetGen writes in a weights file: the format, the network's class and its layer table.</summary>
internal static class NetworkMetadata
{
    /// <summary>The value of the <c>format</c> entry of a weights file.</summary>
    public const string WeightsFormat = "netgen";

    /// <summary><c>format</c> = <paramref name="format"/>, <c>format_version</c> = 1, <c>network</c> = the class's full name, <c>layers</c> = the layer table as a JSON array.</summary>
    public static Dictionary<string, string> Of<T>(INetwork<T> network, string format) where T : unmanaged, IFloatingPointIeee754<T> => new()
    {
        ["format"] = format,
        ["format_version"] = "1",
        ["network"] = network.GetType().FullName ?? network.GetType().Name,
        ["layers"] = LayerTable(network.Layers),
    };

    /// <summary>The layers as <c>[{"name":"Layer1","kind":"Dense","inputs":784,"outputs":128,"activation":"ReLU"}, ...]</c>.</summary>
    private static string LayerTable(IReadOnlyList<LayerInfo> layers)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartArray();
            foreach (LayerInfo layer in layers)
            {
                json.WriteStartObject();
                json.WriteString("name", layer.Name);
                json.WriteString("kind", layer.Kind.ToString());
                json.WriteNumber("inputs", layer.Inputs);
                json.WriteNumber("outputs", layer.Outputs);
                json.WriteString("activation", layer.Activation.ToString());
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}

using System.Text;
using NetGen.Tests.Networks;
using NetGen.Tests.Persistence;

namespace NetGen.Tests.Faults;

/// <summary>A header that is not valid UTF-8 or not valid JSON is refused with an <see cref="InvalidDataException"/> naming the file, by weights and checkpoints alike.</summary>
public class SafeTensorsHeaderFaultTests
{
    /// <summary>Overwrites the first byte of the first tensor name in the header with <paramref name="value"/>.</summary>
    private static void OverwriteHeaderByte(string path, byte value)
    {
        byte[] bytes = File.ReadAllBytes(path);
        int index = bytes.AsSpan().IndexOf("\"Layer1.weight\""u8) + 1;
        Assert.True(index > 8, "the saved header names Layer1.weight");
        bytes[index] = value;
        File.WriteAllBytes(path, bytes);
    }

    private static void SaveCheckpoint(string path, CircleClassifier network) =>
        TrainingCheckpoint.Save(path, network, new Adam<float>(), new CheckpointPosition(1, 4, null));

    [Fact]
    public void Invalid_utf8_in_a_weights_header_is_refused_naming_the_file_and_the_byte()
    {
        using var directory = new TemporaryDirectory();
        string path = directory.File("w.safetensors");
        var network = new CircleClassifier(maxBatchSize: 1, seed: 3);
        NetworkWeights.Save(network, path);
        OverwriteHeaderByte(path, 0xFF);
        float[] before = network.Parameters.ToArray();

        var error = Assert.Throws<InvalidDataException>(() => NetworkWeights.Load(network, path));

        Assert.Contains(path, error.Message);
        Assert.Contains("UTF-8", error.Message);
        Assert.Equal(before, network.Parameters.ToArray());
    }

    [Fact]
    public void Invalid_utf8_in_a_checkpoint_header_is_refused_naming_the_file()
    {
        using var directory = new TemporaryDirectory();
        string path = directory.File("c.safetensors");
        var network = new CircleClassifier(maxBatchSize: 1, seed: 3);
        SaveCheckpoint(path, network);
        OverwriteHeaderByte(path, 0xFF);

        var error = Assert.Throws<InvalidDataException>(() => TrainingCheckpoint.Load(path, network, new Adam<float>()));

        Assert.Contains(path, error.Message);
        Assert.Contains("UTF-8", error.Message);
    }

    [Fact]
    public void A_header_that_is_not_json_is_refused_naming_the_file()
    {
        using var directory = new TemporaryDirectory();
        string path = directory.File("c.safetensors");
        var network = new CircleClassifier(maxBatchSize: 1, seed: 3);
        SaveCheckpoint(path, network);
        OverwriteHeaderByte(path, (byte)'"');

        var error = Assert.Throws<InvalidDataException>(() => TrainingCheckpoint.Load(path, network, new Adam<float>()));

        Assert.Contains(path, error.Message);
        Assert.Contains("not valid JSON", error.Message);
    }

    [Fact]
    public void Invalid_utf8_in_a_weights_stream_is_refused_naming_the_stream()
    {
        var network = new CircleClassifier(maxBatchSize: 1, seed: 3);
        var stream = new MemoryStream();
        NetworkWeights.Save(network, stream);
        byte[] bytes = stream.ToArray();
        bytes[bytes.AsSpan().IndexOf("Layer1.weight"u8)] = 0xC3; // a lead byte followed by ASCII: an incomplete sequence

        var error = Assert.Throws<InvalidDataException>(() => NetworkWeights.Load(network, new MemoryStream(bytes)));

        Assert.Contains("The weights stream", error.Message);
        Assert.Contains("UTF-8", error.Message);
    }

    [Fact]
    public void An_escaped_lone_surrogate_in_a_header_name_is_refused_naming_the_stream()
    {
        byte[] json = Encoding.ASCII.GetBytes("{\"\\ud800\": {\"dtype\": \"F32\", \"shape\": [0], \"data_offsets\": [0, 0]}}   ");
        var file = new byte[8 + json.Length];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(file, (ulong)json.Length);
        json.CopyTo(file, 8);

        var error = Assert.Throws<InvalidDataException>(() =>
            NetworkWeights.Load(new CircleClassifier(maxBatchSize: 1, seed: 3), new MemoryStream(file)));

        Assert.Contains("The weights stream", error.Message);
        Assert.Contains("not valid text", error.Message);
    }
}

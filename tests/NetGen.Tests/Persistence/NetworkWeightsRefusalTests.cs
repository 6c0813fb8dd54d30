using System.Buffers.Binary;
using System.Text;
using NetGen.Tests.Networks;

namespace NetGen.Tests.Persistence;

/// <summary>Every kind of bad file is refused with an <see cref="InvalidDataException"/> naming the file and the problem, and the network is not touched.</summary>
public class NetworkWeightsRefusalTests
{
    private static byte[] Saved<T>(INetwork<T> network) where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        var stream = new MemoryStream();
        NetworkWeights.Save(network, stream);
        return stream.ToArray();
    }

    /// <summary>A file with the given JSON header (padded to 8) and data.</summary>
    private static byte[] Raw(string header, byte[] data)
    {
        byte[] json = Encoding.UTF8.GetBytes(header.PadRight((header.Length + 7) / 8 * 8));
        var file = new byte[8 + json.Length + data.Length];
        BinaryPrimitives.WriteUInt64LittleEndian(file, (ulong)json.Length);
        json.CopyTo(file, 8);
        data.CopyTo(file, 8 + json.Length);
        return file;
    }

    /// <summary>A CircleClassifier file with its tensors changed by <paramref name="edit"/>.</summary>
    private static byte[] EditedTensors(Action<List<SafeTensorsTensor>> edit)
    {
        List<SafeTensorsTensor> tensors = NetworkTensors.Export(new CircleClassifier(maxBatchSize: 1, seed: 7));
        edit(tensors);
        var stream = new MemoryStream();
        SafeTensorsWriter.Write(stream, tensors, new Dictionary<string, string>());
        return stream.ToArray();
    }

    /// <summary>Writes <paramref name="file"/>, loads it into <paramref name="network"/>, and checks the refusal and the untouched network.</summary>
    private static void AssertRefused<T>(INetwork<T> network, byte[] file, params string[] expectedInMessage)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        using var directory = new TemporaryDirectory();
        string path = directory.File("bad.safetensors");
        File.WriteAllBytes(path, file);
        T[] parameters = network.Parameters.ToArray();
        T[] state = network.State.ToArray();

        var error = Assert.Throws<InvalidDataException>(() => NetworkWeights.Load(network, path));

        Assert.Contains(path, error.Message);
        foreach (string expected in expectedInMessage)
        {
            Assert.Contains(expected, error.Message);
        }
        Assert.Equal(parameters, network.Parameters.ToArray());
        Assert.Equal(state, network.State.ToArray());
    }

    [Fact]
    public void Another_architecture_is_refused_at_its_first_shape_mismatch() =>
        AssertRefused(new CircleDetector(maxBatchSize: 1, seed: 1), Saved(new CircleClassifier(maxBatchSize: 1, seed: 2)),
            "'Layer2.weight'", "[16, 16]", "expects [1, 16]", typeof(CircleClassifier).FullName!);

    [Fact]
    public void A_missing_tensor_is_refused() =>
        AssertRefused(new CircleClassifier(maxBatchSize: 1, seed: 1), EditedTensors(t => t.RemoveAll(x => x.Name == "Layer2.bias")),
            "'Layer2.bias' [16] is missing");

    [Fact]
    public void An_extra_tensor_is_refused() =>
        AssertRefused(new CircleClassifier(maxBatchSize: 1, seed: 1),
            EditedTensors(t => t.Add(new SafeTensorsTensor("Layer9.weight", "F32", [1], new byte[4]))),
            "'Layer9.weight'", "does not have");

    [Fact]
    public void A_double_file_is_refused_by_a_float_network_and_the_reverse_too()
    {
        AssertRefused(new TwinSingle(maxBatchSize: 1, seed: 1), Saved(new TwinDouble(maxBatchSize: 1, seed: 2)),
            "'Layer1.weight' is F64", "holds F32", "does not convert");
        AssertRefused(new TwinDouble(maxBatchSize: 1, seed: 1), Saved(new TwinSingle(maxBatchSize: 1, seed: 2)),
            "'Layer1.weight' is F32", "holds F64");
    }

    [Fact]
    public void A_truncated_file_is_refused()
    {
        byte[] file = Saved(new CircleClassifier(maxBatchSize: 1, seed: 2));
        var network = new CircleClassifier(maxBatchSize: 1, seed: 1);
        AssertRefused(network, file[..^1], "Layer3.bias", "truncated");
        AssertRefused(network, file[..100], "truncated");
        AssertRefused(network, file[..5], "fewer than the 8");
    }

    [Fact]
    public void A_corrupt_header_is_refused()
    {
        var network = new CircleClassifier(maxBatchSize: 1, seed: 1);
        byte[] file = Saved(new CircleClassifier(maxBatchSize: 1, seed: 2));
        byte[] badJson = (byte[])file.Clone();
        badJson[8] = (byte)'[';
        AssertRefused(network, badJson, "not valid JSON");

        byte[] tooLong = (byte[])file.Clone();
        BinaryPrimitives.WriteUInt64LittleEndian(tooLong, (ulong)file.Length);
        AssertRefused(network, tooLong, $"header length is {file.Length} bytes");

        AssertRefused(network, Raw("""{"Layer1.weight": {"dtype": "F32", "shape": [16, 2]}}""", new byte[128]), "'Layer1.weight'", "data_offsets");
        AssertRefused(network, Raw("""{"Layer1.weight": {"dtype": "Q7", "shape": [1], "data_offsets": [0, 4]}}""", new byte[4]), "unknown dtype 'Q7'");
    }

    [Fact]
    public void Overlapping_or_out_of_range_offsets_are_refused()
    {
        var network = new CircleDetector(maxBatchSize: 1, seed: 1);
        AssertRefused(network, Raw("""{"a": {"dtype": "F32", "shape": [2], "data_offsets": [0, 8]}, "b": {"dtype": "F32", "shape": [2], "data_offsets": [4, 12]}}""", new byte[12]),
            "'b' starts at byte 4", "overlapping");
        AssertRefused(network, Raw("""{"a": {"dtype": "F32", "shape": [2], "data_offsets": [0, 8]}}""", new byte[4]),
            "'a' ends at byte 8", "holds 4 bytes");
        AssertRefused(network, Raw("""{"a": {"dtype": "F32", "shape": [2], "data_offsets": [0, 12]}}""", new byte[12]),
            "needs 8 bytes");
        AssertRefused(network, Raw("""{"a": {"dtype": "F32", "shape": [1], "data_offsets": [4, 8]}}""", new byte[8]),
            "belong to no tensor");
    }

    [Fact]
    public void The_stream_overload_names_the_stream()
    {
        var network = new CircleClassifier(maxBatchSize: 1, seed: 1);
        float[] before = network.Parameters.ToArray();
        var error = Assert.Throws<InvalidDataException>(() => NetworkWeights.Load(network, new MemoryStream(new byte[3])));
        Assert.StartsWith("The weights stream", error.Message);
        Assert.Equal(before, network.Parameters.ToArray());
    }
}

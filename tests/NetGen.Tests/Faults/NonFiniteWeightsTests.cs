using System.Buffers.Binary;
using NetGen.Tests.Networks;
using NetGen.Tests.Persistence;

namespace NetGen.Tests.Faults;

/// <summary>A file holding NaN or an infinity is refused, naming the file, the tensor and the first bad index, and the network is not changed.</summary>
public class NonFiniteWeightsTests
{
    /// <summary>Writes <paramref name="value"/> over element <paramref name="index"/> of the tensor <paramref name="tensor"/> of the F32 file at <paramref name="path"/>.</summary>
    private static void OverwriteSingle(string path, string tensor, int index, float value)
    {
        byte[] bytes = File.ReadAllBytes(path);
        var file = new IndependentSafeTensorsReader(bytes);
        int headerLength = (int)BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        int begin = 8 + headerLength + (int)file.Tensors[tensor].Begin + 4 * index;
        BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(begin), value);
        File.WriteAllBytes(path, bytes);
    }

    [Theory]
    [InlineData(float.NaN, "NaN")]
    [InlineData(float.PositiveInfinity, "Infinity")]
    [InlineData(float.NegativeInfinity, "-Infinity")]
    public void A_weights_file_with_a_non_finite_value_is_refused(float value, string shown)
    {
        using var directory = new TemporaryDirectory();
        string path = directory.File("w.safetensors");
        var network = new CircleClassifier(maxBatchSize: 1, seed: 3);
        NetworkWeights.Save(network, path);
        OverwriteSingle(path, "Layer2.bias", 5, value);
        OverwriteSingle(path, "Layer2.bias", 9, value);
        float[] before = network.Parameters.ToArray();

        var error = Assert.Throws<InvalidDataException>(() => NetworkWeights.Load(network, path));

        Assert.Contains(path, error.Message);
        Assert.Contains("'Layer2.bias'", error.Message);
        Assert.Contains("index 5", error.Message);
        Assert.Contains(shown, error.Message);
        Assert.Equal(before, network.Parameters.ToArray());
    }

    [Fact]
    public void A_double_weights_file_with_nan_is_refused()
    {
        var network = new TwinDouble(maxBatchSize: 1, seed: 3);
        List<SafeTensorsTensor> tensors = NetworkTensors.Export(network);
        double[] values = new double[tensors[0].Data.Length / 8];
        values[^1] = double.NaN;
        tensors[0] = tensors[0] with { Data = TensorElements.ToBytes<double>(values) };
        var stream = new MemoryStream();
        SafeTensorsWriter.Write(stream, tensors, new Dictionary<string, string>());
        stream.Position = 0;

        var error = Assert.Throws<InvalidDataException>(() => NetworkWeights.Load(network, stream));

        Assert.Contains("The weights stream", error.Message);
        Assert.Contains($"'{tensors[0].Name}'", error.Message);
        Assert.Contains($"index {values.Length - 1}", error.Message);
    }

    [Fact]
    public void A_checkpoint_with_a_non_finite_optimizer_value_is_refused()
    {
        using var directory = new TemporaryDirectory();
        string path = directory.File("c.safetensors");
        var network = new CircleClassifier(maxBatchSize: 16, seed: 3);
        var adam = new Adam<float>();
        Trainer.Fit(network, adam, CircleData.Make(32, seed: 1), new TrainingOptions { Epochs = 1, BatchSize = 16, CheckpointPath = path });
        OverwriteSingle(path, "optimizer.exp_avg_sq", 2, float.PositiveInfinity);

        var fresh = new Adam<float>();
        var error = Assert.Throws<InvalidDataException>(() => TrainingCheckpoint.Load(path, new CircleClassifier(maxBatchSize: 16, seed: 4), fresh));

        Assert.Contains(path, error.Message);
        Assert.Contains("'optimizer.exp_avg_sq'", error.Message);
        Assert.Contains("index 2", error.Message);
        Assert.Equal(0, fresh.StepCount);
    }
}

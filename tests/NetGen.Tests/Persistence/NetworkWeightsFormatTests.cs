using System.Text.Json;
using NetGen.Tests.GradientChecks.Remedies;
using NetGen.Tests.Networks;

namespace NetGen.Tests.Persistence;

public class NetworkWeightsFormatTests
{
    /// <summary>A batch-normalized network whose running statistics have moved away from 0 and 1.</summary>
    internal static NormalizedCircleClassifier TrainedNormalizedNetwork(int seed)
    {
        var network = new NormalizedCircleClassifier(maxBatchSize: 16, seed: seed);
        Trainer.Fit(network, new Adam<float>(0.01), CircleData.Make(64, seed: seed), new TrainingOptions { Epochs = 1, BatchSize = 16, Seed = seed });
        return network;
    }

    [Fact]
    public void An_independent_reader_finds_every_tensor_with_its_name_dtype_shape_and_values()
    {
        NormalizedCircleClassifier network = TrainedNormalizedNetwork(seed: 1);
        var stream = new MemoryStream();
        NetworkWeights.Save(network, stream);
        var file = new IndependentSafeTensorsReader(stream.ToArray());

        Assert.Equal(0UL, file.HeaderLength % 8);
        string[] expectedNames =
        [
            "Layer1.weight", "Layer1.bias",
            "Layer2.scale", "Layer2.shift", "Layer2.running_mean", "Layer2.running_var",
            "Layer3.weight", "Layer3.bias", "Layer4.weight", "Layer4.bias",
            "Layer5.scale", "Layer5.shift", "Layer5.running_mean", "Layer5.running_var",
            "Layer7.weight", "Layer7.bias",
        ];
        Assert.Equal(expectedNames.Order(), file.Tensors.Keys.Order());
        Assert.All(file.Tensors.Values, entry => Assert.Equal("F32", entry.DType));
        Assert.Equal([16L, 2L], file.Tensors["Layer1.weight"].Shape);
        Assert.Equal([16L], file.Tensors["Layer1.bias"].Shape);
        Assert.Equal([16L, 16L], file.Tensors["Layer3.weight"].Shape);
        Assert.Equal([2L, 16L], file.Tensors["Layer7.weight"].Shape);
        Assert.Equal([16L], file.Tensors["Layer5.running_var"].Shape);

        Assert.Equal(network.Layer1Weights.ToArray(), file.Singles("Layer1.weight"));
        Assert.Equal(network.Layer1Biases.ToArray(), file.Singles("Layer1.bias"));
        Assert.Equal(network.Layer7Weights.ToArray(), file.Singles("Layer7.weight"));
        LayerInfo layer2 = NormalizedCircleClassifier.Layers[1];
        Assert.Equal(network.Parameters.Slice(layer2.WeightOffset, 16).ToArray(), file.Singles("Layer2.scale"));
        Assert.Equal(network.Parameters.Slice(layer2.BiasOffset, 16).ToArray(), file.Singles("Layer2.shift"));
        Assert.Equal(network.Layer2RunningMean.ToArray(), file.Singles("Layer2.running_mean"));
        Assert.Equal(network.Layer2RunningVariance.ToArray(), file.Singles("Layer2.running_var"));
        Assert.Equal(network.Layer5RunningVariance.ToArray(), file.Singles("Layer5.running_var"));
        Assert.NotEqual(0f, file.Singles("Layer2.running_mean")[0]);

        Assert.Equal("netgen", file.Metadata["format"]);
        Assert.Equal(typeof(NormalizedCircleClassifier).FullName, file.Metadata["network"]);
        using JsonDocument layers = JsonDocument.Parse(file.Metadata["layers"]);
        Assert.Equal(7, layers.RootElement.GetArrayLength());
        Assert.Equal("BatchNorm", layers.RootElement[1].GetProperty("kind").GetString());
        Assert.Equal(16, layers.RootElement[1].GetProperty("outputs").GetInt32());
    }

    [Fact]
    public void A_double_network_with_a_projection_is_saved_as_F64_with_a_projection_tensor()
    {
        var network = new ResidualProjection(maxBatchSize: 4, seed: 5);
        var stream = new MemoryStream();
        NetworkWeights.Save(network, stream);
        var file = new IndependentSafeTensorsReader(stream.ToArray());

        Assert.All(file.Tensors.Values, entry => Assert.Equal("F64", entry.DType));
        LayerInfo block = ResidualProjection.Layers[1];
        Assert.Equal(LayerKind.Residual, block.Kind);
        Assert.Equal([6L, 4L], file.Tensors[$"{block.Name}.projection"].Shape);
        Assert.Equal(network.Parameters.Slice(block.WeightOffset, 24).ToArray(), file.Doubles($"{block.Name}.projection"));
        Assert.Equal(LayerKind.Residual, ResidualProjection.Layers[3].Kind); // an identity skip: no tensor
        Assert.DoesNotContain(file.Tensors.Keys, name => name.StartsWith($"{ResidualProjection.Layers[3].Name}.", StringComparison.Ordinal));
        Assert.Equal(ResidualProjection.ParameterCount * 8L, file.Tensors.Values.Sum(entry => entry.End - entry.Begin));
    }

    [Fact]
    public void Saving_to_a_file_and_loading_into_a_new_network_restores_parameters_and_state()
    {
        using var directory = new TemporaryDirectory();
        string path = directory.File("weights.safetensors");
        NormalizedCircleClassifier trained = TrainedNormalizedNetwork(seed: 1);
        NetworkWeights.Save(trained, path);

        var fresh = new NormalizedCircleClassifier(maxBatchSize: 4, seed: 99);
        NetworkWeights.Load(fresh, path);

        Assert.Equal(trained.Parameters.ToArray(), fresh.Parameters.ToArray());
        Assert.Equal(trained.State.ToArray(), fresh.State.ToArray());
        Assert.Equal([path], Directory.GetFiles(directory.Path));
    }

    [Fact]
    public void Stream_round_trip_restores_a_double_network()
    {
        var saved = new TwinDouble(maxBatchSize: 1, seed: 3);
        var stream = new MemoryStream();
        NetworkWeights.Save(saved, stream);
        stream.Position = 0;

        var loaded = new TwinDouble(maxBatchSize: 1, seed: 4);
        NetworkWeights.Load(loaded, stream);

        Assert.Equal(saved.Parameters.ToArray(), loaded.Parameters.ToArray());
    }

    [Fact]
    public void A_failed_write_leaves_the_previous_file_intact_and_no_temporary_file()
    {
        using var directory = new TemporaryDirectory();
        string path = directory.File("weights.safetensors");
        var network = new CircleClassifier(maxBatchSize: 1, seed: 1);
        NetworkWeights.Save(network, path);
        byte[] before = File.ReadAllBytes(path);

        network.Initialize(seed: 2);
        foreach (long limit in new long[] { 0, 5, 100, before.Length - 1 })
        {
            Assert.Throws<IOException>(() => NetworkWeights.Save(network, path, wrap: stream => new FailingStream(stream, limit)));
            Assert.Equal(before, File.ReadAllBytes(path));
            Assert.Equal([path], Directory.GetFiles(directory.Path));
        }

        NetworkWeights.Save(network, path); // and a successful write replaces it
        Assert.NotEqual(before, File.ReadAllBytes(path));
        Assert.Equal([path], Directory.GetFiles(directory.Path));
    }
}

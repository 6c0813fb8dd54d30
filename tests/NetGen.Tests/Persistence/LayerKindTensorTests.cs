using System.Text.Json;
using NetGen.Tests.Networks;

namespace NetGen.Tests.Persistence;

/// <summary>The tensors of the layer kinds without a generated test network yet: PReLU, dropout, a dense layer without biases.</summary>
public class LayerKindTensorTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void PReLU_slopes_are_one_weight_tensor_dropout_has_none_and_a_dense_layer_without_biases_no_bias(bool sharedSlope)
    {
        var network = new LayerTableNetwork<float>(LayerTableNetwork<float>.MixedLayers(sharedSlope));
        var stream = new MemoryStream();
        NetworkWeights.Save(network, stream);
        var file = new IndependentSafeTensorsReader(stream.ToArray());

        Assert.Equal(["Layer1.weight", "Layer2.weight", "Layer4.bias", "Layer4.weight"], file.Tensors.Keys.Order(StringComparer.Ordinal));
        int slopes = sharedSlope ? 1 : 4;
        Assert.Equal([(long)slopes], file.Tensors["Layer2.weight"].Shape);
        Assert.Equal(network.Parameters.Slice(12, slopes).ToArray(), file.Singles("Layer2.weight"));
        Assert.Equal([4L, 3L], file.Tensors["Layer1.weight"].Shape);
        Assert.Equal(network.Parameters[..12].ToArray(), file.Singles("Layer1.weight"));
        Assert.Equal(network.Parameters.Slice(20 + slopes, 2).ToArray(), file.Singles("Layer4.bias"));
        Assert.Equal(network.ParameterCount * 4L, file.Tensors.Values.Sum(entry => entry.End - entry.Begin));

        using JsonDocument layers = JsonDocument.Parse(file.Metadata["layers"]);
        Assert.Equal(["Dense", "PReLU", "Dropout", "Dense"], layers.RootElement.EnumerateArray().Select(layer => layer.GetProperty("kind").GetString()));

        var loaded = new LayerTableNetwork<float>(LayerTableNetwork<float>.MixedLayers(sharedSlope));
        loaded.Parameters.Clear();
        stream.Position = 0;
        NetworkWeights.Load(loaded, stream);
        Assert.Equal(network.Parameters.ToArray(), loaded.Parameters.ToArray());
    }

    [Fact]
    public void A_file_with_per_feature_slopes_does_not_load_into_a_shared_slope()
    {
        var perFeature = new LayerTableNetwork<double>(LayerTableNetwork<double>.MixedLayers(sharedSlope: false));
        var stream = new MemoryStream();
        NetworkWeights.Save(perFeature, stream);
        stream.Position = 0;
        var shared = new LayerTableNetwork<double>(LayerTableNetwork<double>.MixedLayers(sharedSlope: true));
        var error = Assert.Throws<InvalidDataException>(() => NetworkWeights.Load(shared, stream));
        Assert.Contains("'Layer2.weight' has the shape [4]", error.Message);
        Assert.Contains("[1]", error.Message);
    }

    [Fact]
    public void A_PReLU_with_neither_one_slope_nor_one_per_feature_is_refused_by_name()
    {
        var network = new LayerTableNetwork<float>(
            new LayerInfo("Layer1", LayerKind.Dense, 2, 4, Activation.Identity, 0, 8, 8, 4),
            new LayerInfo("Layer2", LayerKind.PReLU, 4, 4, Activation.Identity, 12, 3, 15, 0));
        var error = Assert.Throws<InvalidOperationException>(() => NetworkWeights.Save(network, new MemoryStream()));
        Assert.Contains("Layer2.weight", error.Message);
        Assert.Contains("3", error.Message);
    }

    [Fact]
    public void Parameters_on_a_dropout_layer_are_refused_as_not_covered_by_the_tensors()
    {
        var network = new LayerTableNetwork<float>(
            new LayerInfo("Layer1", LayerKind.Dense, 2, 4, Activation.Identity, 0, 8, 8, 4),
            new LayerInfo("Layer2", LayerKind.Dropout, 4, 4, Activation.Identity, 12, 4, 16, 0));
        var error = Assert.Throws<InvalidOperationException>(() => NetworkWeights.Save(network, new MemoryStream()));
        Assert.Contains("names 12 parameters", error.Message);
        Assert.Contains("16", error.Message);
    }
}

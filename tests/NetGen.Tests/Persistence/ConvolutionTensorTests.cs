using System.Text.Json;
using NetGen.Tests.Networks;

namespace NetGen.Tests.Persistence;

/// <summary>
/// A convolution's tensors are PyTorch's <c>nn.Conv2d</c> state dict entries, one to one: <c>weight</c> [filters, input
/// channels, k, k] and <c>bias</c> [filters]; poolings and flatten layers have none.
/// </summary>
public class ConvolutionTensorTests
{
    /// <summary>The layer table of a LeNet-like network as the generator writes it: conv 6@5x5 pad 2, max pool 2, conv 16@3x3 without biases, flatten, dense 10.</summary>
    private static LayerInfo[] LeNetLike() =>
    [
        new("Layer1", LayerKind.Conv2D, 784, 6 * 784, Activation.ReLU, 0, 150, 150, 6, InputChannels: 1, OutputChannels: 6),
        new("Layer2", LayerKind.MaxPool2D, 6 * 784, 6 * 196, Activation.Identity, 156, 0, 156, 0, InputChannels: 6, OutputChannels: 6),
        new("Layer3", LayerKind.Conv2D, 6 * 196, 16 * 144, Activation.ReLU, 156, 16 * 6 * 9, 156 + 864, 0, InputChannels: 6, OutputChannels: 16),
        new("Layer4", LayerKind.Flatten, 16 * 144, 16 * 144, Activation.Identity, 1020, 0, 1020, 0, InputChannels: 16),
        new("Layer5", LayerKind.Dense, 16 * 144, 10, Activation.Identity, 1020, 23040, 24060, 10),
    ];

    [Fact]
    public void Kernels_are_four_dimensional_and_biases_one_per_filter()
    {
        var network = new LayerTableNetwork<float>(LeNetLike());
        for (int i = 0; i < network.ParameterCount; i++)
        {
            network.Parameters[i] = i * 0.001f;
        }
        var stream = new MemoryStream();
        NetworkWeights.Save(network, stream);
        var file = new IndependentSafeTensorsReader(stream.ToArray());

        Assert.Equal(["Layer1.bias", "Layer1.weight", "Layer3.weight", "Layer5.bias", "Layer5.weight"], file.Tensors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal([6L, 1L, 5L, 5L], file.Tensors["Layer1.weight"].Shape);
        Assert.Equal([6L], file.Tensors["Layer1.bias"].Shape);
        Assert.Equal([16L, 6L, 3L, 3L], file.Tensors["Layer3.weight"].Shape);
        Assert.Equal([10L, 2304L], file.Tensors["Layer5.weight"].Shape);
        Assert.Equal(network.Parameters[..150].ToArray(), file.Singles("Layer1.weight"));
        Assert.Equal(network.Parameters.Slice(150, 6).ToArray(), file.Singles("Layer1.bias"));
        Assert.Equal(network.Parameters.Slice(156, 864).ToArray(), file.Singles("Layer3.weight"));

        using JsonDocument layers = JsonDocument.Parse(file.Metadata["layers"]);
        Assert.Equal(["Conv2D", "MaxPool2D", "Conv2D", "Flatten", "Dense"], layers.RootElement.EnumerateArray().Select(layer => layer.GetProperty("kind").GetString()));

        var loaded = new LayerTableNetwork<float>(LeNetLike());
        loaded.Parameters.Clear();
        stream.Position = 0;
        NetworkWeights.Load(loaded, stream);
        Assert.Equal(network.Parameters.ToArray(), loaded.Parameters.ToArray());
    }

    [Fact]
    public void Batch_normalization_over_an_image_has_one_scale_shift_and_running_statistic_per_channel()
    {
        var network = new LayerTableNetwork<float>(
            new LayerInfo("Layer1", LayerKind.Conv2D, 36, 4 * 36, Activation.Identity, 0, 36, 36, 0, InputChannels: 1, OutputChannels: 4),
            new LayerInfo("Layer2", LayerKind.BatchNorm, 4 * 36, 4 * 36, Activation.ReLU, 36, 4, 40, 4, InputChannels: 4, OutputChannels: 4),
            new LayerInfo("Layer3", LayerKind.Flatten, 4 * 36, 4 * 36, Activation.Identity, 44, 0, 44, 0, InputChannels: 4),
            new LayerInfo("Layer4", LayerKind.Dense, 4 * 36, 2, Activation.Identity, 44, 288, 332, 2)) { StateLength = 8 };
        Assert.Equal(8, network.State.Length);
        var stream = new MemoryStream();
        NetworkWeights.Save(network, stream);
        var file = new IndependentSafeTensorsReader(stream.ToArray());
        Assert.Equal([4L], file.Tensors["Layer2.scale"].Shape);
        Assert.Equal([4L], file.Tensors["Layer2.shift"].Shape);
        Assert.Equal([4L], file.Tensors["Layer2.running_mean"].Shape);
        Assert.Equal([4L], file.Tensors["Layer2.running_var"].Shape);
        Assert.Equal([4L, 1L, 3L, 3L], file.Tensors["Layer1.weight"].Shape);
    }

    [Fact]
    public void A_convolution_without_its_channels_in_the_layer_table_is_refused_by_name()
    {
        var network = new LayerTableNetwork<float>(new LayerInfo("Layer1", LayerKind.Conv2D, 16, 32, Activation.Identity, 0, 18, 18, 2));
        var error = Assert.Throws<InvalidOperationException>(() => NetworkWeights.Save(network, new MemoryStream()));
        Assert.Contains("Layer1", error.Message);
        Assert.Contains("channels", error.Message);
    }
}

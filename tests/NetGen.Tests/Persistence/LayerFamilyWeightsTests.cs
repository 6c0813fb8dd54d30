using NetGen.Tests.GradientChecks.LayerFamilies;

namespace NetGen.Tests.Persistence;

/// <summary>Generated networks with PReLU, dropout and dense layers without biases, saved and loaded as safetensors.</summary>
public class LayerFamilyWeightsTests
{
    [Fact]
    public void PReLU_slopes_are_a_weight_tensor_and_a_dense_layer_without_biases_has_no_bias_tensor()
    {
        var network = new PReLUPerFeatureAndShared(maxBatchSize: 1, seed: 2);
        var stream = new MemoryStream();
        NetworkWeights.Save(network, stream);
        var file = new IndependentSafeTensorsReader(stream.ToArray());

        string[] expected = ["Layer1.weight", "Layer1.bias", "Layer2.weight", "Layer3.weight", "Layer3.bias", "Layer4.weight", "Layer5.weight", "Layer5.bias"];
        Assert.Equal(expected.Order(), file.Tensors.Keys.Order());
        Assert.Equal([5L], file.Tensors["Layer2.weight"].Shape); // one slope per feature
        Assert.Equal([1L], file.Tensors["Layer4.weight"].Shape); // shared
        Assert.Equal(network.Layer2Slopes.ToArray(), file.Doubles("Layer2.weight"));
        Assert.Equal([0.1], file.Doubles("Layer4.weight"));

        var withoutBiases = new RepeatedGroupWithoutBiases(maxBatchSize: 1, seed: 2);
        stream = new MemoryStream();
        NetworkWeights.Save(withoutBiases, stream);
        file = new IndependentSafeTensorsReader(stream.ToArray());
        Assert.DoesNotContain(file.Tensors.Keys, name => name.EndsWith(".bias", StringComparison.Ordinal));
        Assert.Equal([5L, 4L], file.Tensors["Layer1.weight"].Shape);
    }

    [Fact]
    public void Every_layer_kind_round_trips()
    {
        var source = new DropoutTwice(maxBatchSize: 1, seed: 5);
        var target = new DropoutTwice(maxBatchSize: 1, seed: 6);
        Assert.NotEqual(source.Parameters.ToArray(), target.Parameters.ToArray());
        var stream = new MemoryStream();
        NetworkWeights.Save(source, stream);
        stream.Position = 0;
        NetworkWeights.Load(target, stream);
        Assert.Equal(source.Parameters.ToArray(), target.Parameters.ToArray());

        var prelu = new PReLUFirstOrthogonalIdentity(maxBatchSize: 1, seed: 5);
        var preluTarget = new PReLUFirstOrthogonalIdentity(maxBatchSize: 1, seed: 6);
        prelu.Layer1Slopes.Fill(-0.7);
        stream = new MemoryStream();
        NetworkWeights.Save(prelu, stream);
        stream.Position = 0;
        NetworkWeights.Load(preluTarget, stream);
        Assert.Equal(prelu.Parameters.ToArray(), preluTarget.Parameters.ToArray());
    }
}

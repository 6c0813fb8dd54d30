namespace NetGen.Tests.Recurrent;

/// <summary>A recurrent network's safetensors: PyTorch's tensor names and shapes, and a round trip that loses nothing.</summary>
public class RecurrentWeightsTests
{
    [Fact]
    public void Recurrent_tensors_carry_pytorch_names_and_shapes()
    {
        var network = new PerStepTagger(1, seed: 4);
        using var stream = new MemoryStream();
        NetworkWeights.Save(network, stream);
        SafeTensorsFile file = SafeTensorsReader.Parse(stream.ToArray(), "memory");

        Assert.Equal([5, 2], file.Tensors["Layer1.weight_ih_l0"].Shape); // SimpleRNN, 5 units on 2 features
        Assert.Equal([5, 5], file.Tensors["Layer1.weight_hh_l0"].Shape);
        Assert.Equal([5], file.Tensors["Layer1.bias_ih_l0"].Shape);
        Assert.Equal([12, 5], file.Tensors["Layer2.weight_ih_l0"].Shape); // LSTM, 4 gates × 3 units on 5 features
        Assert.Equal([12, 3], file.Tensors["Layer2.weight_hh_l0"].Shape);
        Assert.Equal([12], file.Tensors["Layer2.bias_hh_l0"].Shape);
        Assert.Equal([3, 3], file.Tensors["Layer3.weight"].Shape); // the per-step head: [units, features]
        Assert.Equal(10, file.Tensors.Count); // four per recurrent layer, the head's weight and bias
    }

    [Fact]
    public void A_round_trip_restores_every_parameter()
    {
        var saved = new StackedGru(1, seed: 8);
        using var stream = new MemoryStream();
        NetworkWeights.Save(saved, stream);
        var loaded = new StackedGru(1, seed: 9);
        Assert.NotEqual(saved.Parameters.ToArray(), loaded.Parameters.ToArray());
        stream.Position = 0;
        NetworkWeights.Load(loaded, stream);
        Assert.Equal(saved.Parameters.ToArray(), loaded.Parameters.ToArray());
    }
}

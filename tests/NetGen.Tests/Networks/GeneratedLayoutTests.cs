namespace NetGen.Tests.Networks;

public class GeneratedLayoutTests
{
    [Fact]
    public void Constants_and_layer_table_follow_from_the_attributes()
    {
        // [Dense(128, ReLU)], [Dense(30, Sigmoid, Repeat = 2)], [Dense(10)] on 784 inputs.
        Assert.Equal(784, Digits.InputSize);
        Assert.Equal(10, Digits.OutputSize);
        Assert.Equal(784 * 128 + 128 + 128 * 30 + 30 + 30 * 30 + 30 + 30 * 10 + 10, Digits.ParameterCount);
        Assert.Equal(
            [("Layer1", 784, 128, Activation.ReLU), ("Layer2", 128, 30, Activation.Sigmoid), ("Layer3", 30, 30, Activation.Sigmoid), ("Layer4", 30, 10, Activation.Identity)],
            Digits.Layers.Select(l => (l.Name, l.Inputs, l.Outputs, l.Activation)));
        Assert.Equal(Digits.ParameterCount, Digits.Layers.Sum(l => l.ParameterCount));
        Assert.Contains("Layer1  Dense  784 -> 128  ReLU        HeNormal", Digits.Summary);
        Assert.Contains("105,590 parameters", Digits.Summary);
    }

    [Fact]
    public void Layer_spans_are_views_of_the_parameter_and_gradient_arrays()
    {
        var network = new Digits();
        LayerInfo layer2 = Digits.Layers[1];
        network.Layer2Weights[5] = 42f;
        network.Layer2Biases[1] = -7f;
        Assert.Equal(42f, network.Parameters[layer2.WeightOffset + 5]);
        Assert.Equal(-7f, network.Parameters[layer2.BiasOffset + 1]);
        network.Layer2WeightGradients[3] = 9f;
        Assert.Equal(9f, network.Gradients[layer2.WeightOffset + 3]);
        Assert.Equal(30 * 128, network.Layer2Weights.Length);
        Assert.Equal(30, network.Layer2BiasGradients.Length);
    }

    [Fact]
    public void Same_seed_gives_same_parameters_and_other_seeds_differ()
    {
        Assert.Equal(new Digits(seed: 4).Parameters.ToArray(), new Digits(seed: 4).Parameters.ToArray());
        Assert.NotEqual(new Digits(seed: 4).Parameters.ToArray(), new Digits(seed: 5).Parameters.ToArray());
        var network = new Digits(seed: 4);
        network.Initialize(5);
        Assert.Equal(new Digits(seed: 5).Parameters.ToArray(), network.Parameters.ToArray());
    }

    [Fact]
    public void He_normal_layer_has_the_he_variance_and_biases_start_at_zero()
    {
        var network = new Digits(seed: 1);
        float[] weights = network.Layer1Weights.ToArray();
        double variance = weights.Select(w => (double)w * w).Average();
        Assert.InRange(variance * 784 / 2, 0.97, 1.03); // He: Var(W) = 2 / fan_in
        Assert.All(network.Layer1Biases.ToArray(), b => Assert.Equal(0f, b));
    }
}

using System.Collections.Immutable;
using NetGen.Generators.Gradients;
using NetGen.Generators.Layers.Dense;
using NetGen.Generators.Layers.Normalization;
using NetGen.Generators.Layers.Residual;
using NetGen.Generators.Model;
using Xunit.Abstractions;

namespace NetGen.Generators.Tests.Health;

using LayerKind = NetGen.Generators.Model.LayerKind;

/// <summary>The mean-field model against the published per-layer gains (GRADIENT-THEORY.md §2, numerical quadrature).</summary>
public class GradientModelTests(ITestOutputHelper output)
{
    // Square layers at the forward fixed point, zero biases: gain = n·Var(W)·E[f'(z)²], read off as the squared ratio of
    // consecutive layers' predicted gradients deep in a 30-layer stack of width 100.
    [Theory]
    [InlineData("Sigmoid", "LeCunNormal", 0.056, 0.15)]
    [InlineData("Sigmoid", "HeNormal", 0.10, 0.15)]
    [InlineData("Sigmoid", "LegacyUniform", 0.020, 0.15)]
    [InlineData("Tanh", "HeNormal", 1.11, 0.05)]
    [InlineData("Tanh", "LegacyUniform", 0.33, 0.05)]
    [InlineData("ReLU", "LeCunNormal", 0.5, 0.02)]
    [InlineData("ReLU", "HeNormal", 1.0, 0.02)]
    [InlineData("ReLU", "LegacyUniform", 0.167, 0.02)]
    // ELU has no fixed point but q → 0, so its gain creeps toward 1 with depth; the table's values are read deeper.
    [InlineData("ELU", "LeCunNormal", 0.96, 0.1)]
    [InlineData("ELU", "HeNormal", 1.07, 0.1)]
    [InlineData("Identity", "LeCunNormal", 1.0, 0.01)]
    [InlineData("Identity", "HeNormal", 2.0, 0.01)]
    [InlineData("Identity", "LegacyUniform", 1.0 / 3, 0.01)]
    public void Per_layer_gain_matches_the_published_table(string activationName, string initName, double published, double relativeTolerance)
    {
        var activation = Enum.Parse<ActivationKind>(activationName);
        var init = Enum.Parse<InitKind>(initName);
        GradientProfile profile = GradientModel.Predict(Stack(activation, init, layers: 30, width: 100));
        double gain = Math.Pow(profile.Layers[14].RelativeGradientNorm / profile.Layers[15].RelativeGradientNorm, 2);
        output.WriteLine($"{activation} {init}: predicted gain {gain:F4}, published {published}");
        Assert.InRange(gain, published * (1 - relativeTolerance), published * (1 + relativeTolerance));
    }

    [Fact]
    public void Selu_with_lecun_normal_keeps_the_gradient_near_constant()
    {
        GradientProfile profile = GradientModel.Predict(Stack(ActivationKind.SELU, InitKind.LeCunNormal, layers: 30, width: 100));
        double gain = Math.Pow(profile.Layers[14].RelativeGradientNorm / profile.Layers[15].RelativeGradientNorm, 2);
        output.WriteLine($"SELU LeCun: predicted gain {gain:F4} (published ~1.07)");
        Assert.InRange(gain, 0.95, 1.15);
    }

    [Fact]
    public void Eight_sigmoid_layers_with_glorot_lose_four_orders_of_magnitude()
    {
        // The example: ~2e-5 for 8 sigmoid layers, Glorot init (a gain of 0.056 per layer: √(0.056^8) ≈ 1e-5).
        GradientProfile profile = GradientModel.Predict(Stack(ActivationKind.Sigmoid, InitKind.GlorotUniform, layers: 8, width: 100));
        output.WriteLine($"first/last: {profile.Layers[0].RelativeGradientNorm:E2}");
        Assert.InRange(profile.Layers[0].RelativeGradientNorm, 1e-6, 1e-4);
    }

    [Fact]
    public void Residual_blocks_never_shrink_the_gradient_and_normalization_resets_the_variance()
    {
        GradientProfile plain = GradientModel.Predict(Stack(ActivationKind.Sigmoid, InitKind.GlorotUniform, layers: 8, width: 100));
        var layers = new List<Layer>();
        layers.Add(Dense(1, 100, 100, ActivationKind.Sigmoid, InitKind.GlorotUniform));
        for (int block = 0; block < 8; block++)
        {
            int start = layers.Count;
            layers.Add(Dense(start + 1, 100, 100, ActivationKind.Sigmoid, InitKind.GlorotUniform));
            layers.Add(new BatchNormLayer(start + 2, new Shape(100), ActivationFunction.Identity, 1e-5, 0.1));
            layers.Add(new ResidualLayer(start + 3, new Shape(100), new Shape(100), ActivationFunction.Identity, SkipFrom: start));
        }
        layers.Add(Dense(layers.Count + 1, 100, 10, ActivationKind.Identity, InitKind.GlorotUniform));
        GradientProfile residual = GradientModel.Predict(Spec(layers));
        output.WriteLine($"plain {plain.Layers[0].RelativeGradientNorm:E2}, residual + batch norm {residual.Layers[0].RelativeGradientNorm:E2}");
        Assert.InRange(residual.Layers[0].RelativeGradientNorm, 0.1, 10);
        Assert.True(residual.Layers[0].RelativeGradientNorm > 1000 * plain.Layers[0].RelativeGradientNorm);
    }

    // Yang et al. 2019 (batch normalization's backward gain), in closed form: behind BN-ReLU a dense layer with zero-mean
    // weights gets inputs of mean 1/√(2π) and mean square 1/2, so each unit has an offset and its variance over the batch
    // is n·E[w²]·(1/2 − 1/(2π)); BN divides by that, the next dense layer multiplies by n·E[w²] and ReLU by 1/2:
    // a gain of 1 / (1 − 1/π) = π/(π − 1) ≈ 1.467 on E[dz²] per layer, whatever the init's scale.
    [Theory]
    [InlineData("ReLU", "GlorotUniform", 1.4669)]
    [InlineData("ReLU", "StandardNormal", 1.4669)]
    // Identity after BN: the next dense layer's inputs have mean 0, no offsets, a gain of 1.
    [InlineData("Identity", "GlorotUniform", 1.0)]
    public void Batch_normalization_s_gain_per_layer_is_the_closed_form(string activationName, string initName, double closedForm)
    {
        var activation = Enum.Parse<ActivationKind>(activationName);
        var init = Enum.Parse<InitKind>(initName);
        var layers = new List<Layer>();
        for (int block = 0; block < 20; block++)
        {
            layers.Add(Dense(2 * block + 1, 100, 100, ActivationKind.Identity, init));
            layers.Add(new BatchNormLayer(2 * block + 2, new Shape(100), new ActivationFunction(activation, 0), 1e-5, 0.1));
        }
        layers.Add(Dense(41, 100, 10, ActivationKind.Identity, InitKind.GlorotUniform));
        GradientProfile profile = GradientModel.Predict(Spec(layers));
        double gain = Math.Pow(profile.Layers[18].RelativeGradientNorm / profile.Layers[20].RelativeGradientNorm, 2);
        output.WriteLine($"{activation} {init}: predicted gain {gain:F4} per BN layer, closed form {closedForm}");
        Assert.InRange(gain, closedForm * 0.99, closedForm * 1.01);
    }

    // Constant weights send every input the sum of the gradients above: softmax cross-entropy's sums to zero per
    // sample, so the layer below gets exactly nothing; the quadratic loss's does not.
    [Theory]
    [InlineData("SoftmaxCrossEntropy", true)]
    [InlineData("MeanSquaredError", false)]
    public void Constant_weights_pass_only_the_common_mode_of_the_gradient(string lossName, bool vanishes)
    {
        var loss = Enum.Parse<LossKind>(lossName);
        var layers = new List<Layer>
        {
            Dense(1, 100, 100, ActivationKind.Tanh, InitKind.LeCunNormal),
            new DenseLayer(2, new Shape(100), new Shape(10), new ActivationFunction(ActivationKind.Identity, 0), new ConstantInitializer(0.1), ConstantInitializer.Zeros),
        };
        var network = new NetworkModel(null, "Model", new Shape(100), loss, PrecisionKind.Double, 1.0, new EquatableArray<Layer>(layers.ToImmutableArray()));
        double first = GradientModel.Predict(network).Layers[0].RelativeGradientNorm;
        output.WriteLine($"{loss}: first/last {first:E3}");
        Assert.Equal(vanishes, first == 0);
    }

    internal static NetworkModel Stack(ActivationKind activation, InitKind init, int layers, int width)
    {
        var specs = new List<Layer>();
        for (int i = 1; i <= layers; i++)
        {
            specs.Add(Dense(i, width, width, activation, init));
        }
        specs.Add(Dense(layers + 1, width, 10, ActivationKind.Identity, InitKind.GlorotUniform));
        return Spec(specs);
    }

    private static NetworkModel Spec(List<Layer> layers) =>
        new(null, "Model", layers[0].Input, LossKind.SoftmaxCrossEntropy, PrecisionKind.Double, 1.0, new EquatableArray<Layer>(layers.ToImmutableArray()));

    private static DenseLayer Dense(int number, int inputs, int units, ActivationKind activation, InitKind init) => new(
        number, new Shape(inputs), new Shape(units),
        new ActivationFunction(activation, activation == ActivationKind.LeakyReLU ? 0.01 : activation == ActivationKind.ELU ? 1.0 : 0),
        new FanInitializer(init), ConstantInitializer.Zeros);
}

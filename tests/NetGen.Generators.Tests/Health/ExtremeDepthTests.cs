using NetGen.Generators.Gradients;
using NetGen.Generators.Layers.Dense;
using NetGen.Generators.Model;

namespace NetGen.Generators.Tests.Health;

/// <summary>
/// From 1 to 999 layers, every activation and initializer: the prediction is never NaN (a NaN ratio would silence both
/// rules), and where each layer's mean-field gain n·E[w²]·E[f'²] is clearly above or below 1 for ReLU (He et al.:
/// E[f'²] = 1/2), the predicted ratio lies on that side of 1.
/// </summary>
public class ExtremeDepthTests
{
    private static readonly ActivationKind[] Activations =
        [ActivationKind.Identity, ActivationKind.Sigmoid, ActivationKind.Tanh, ActivationKind.ReLU, ActivationKind.LeakyReLU, ActivationKind.ELU, ActivationKind.SELU];

    private static readonly Initializer[] Initializers =
    [
        new FanInitializer(InitKind.GlorotUniform), new FanInitializer(InitKind.HeNormal), new FanInitializer(InitKind.LeCunNormal),
        new FanInitializer(InitKind.LegacyUniform), new FanInitializer(InitKind.StandardNormal), new NormalInitializer(0.5, 3, Truncated: false),
        new UniformInitializer(-10, 10), new VarianceScalingInitializer(1e6, FanModeKind.FanIn, InitDistributionKind.Normal),
        new MatrixInitializer(InitKind.Orthogonal, 100), new MatrixInitializer(InitKind.Identity, 1e-3), new ConstantInitializer(1e10),
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    [InlineData(64)] // the deepest stack whose shared shift is followed sample by sample (SharedShiftChain)
    [InlineData(100)]
    [InlineData(999)]
    public void No_prediction_is_NaN(int depth)
    {
        foreach (ActivationKind activation in Activations)
        {
            foreach (Initializer init in Initializers)
            {
                GradientProfile profile = GradientModel.Predict(Stack(activation, init, depth));
                Assert.False(double.IsNaN(profile.Layers[0].RelativeGradientNorm), $"{activation}, {init}, {depth} layers: NaN");
                Assert.All(profile.Layers, layer => Assert.False(double.IsNaN(layer.RelativeGradientNorm) || double.IsInfinity(layer.RelativeGradientNorm),
                    $"{activation}, {init}, {depth} layers: layer {layer.Number} is {layer.RelativeGradientNorm}"));
            }
        }
    }

    [Theory]
    [InlineData(10)]
    [InlineData(100)]
    [InlineData(999)]
    public void ReLU_growth_and_decay_keep_their_direction_at_any_depth(int depth)
    {
        // Per layer, n·E[w²]·1/2: N(0, 1) weights on 100 inputs give 50 (growth); the legacy U(±1/√n), 1/6 (decay).
        Assert.True(GradientModel.Predict(Stack(ActivationKind.ReLU, new FanInitializer(InitKind.StandardNormal), depth)).Layers[0].RelativeGradientNorm > 1e3);
        Assert.True(GradientModel.Predict(Stack(ActivationKind.ReLU, new FanInitializer(InitKind.LegacyUniform), depth)).Layers[0].RelativeGradientNorm < 1e-3);
    }

    private static NetworkModel Stack(ActivationKind activation, Initializer init, int depth)
    {
        var layers = new List<Layer>();
        var function = new ActivationFunction(activation, activation == ActivationKind.LeakyReLU ? 0.01 : activation == ActivationKind.ELU ? 1.0 : 0);
        for (int i = 1; i < depth; i++)
        {
            layers.Add(new DenseLayer(i, new Shape(100), new Shape(100), function, init, ConstantInitializer.Zeros));
        }
        layers.Add(new DenseLayer(depth, new Shape(100), new Shape(10), ActivationFunction.Identity, new FanInitializer(InitKind.GlorotUniform), ConstantInitializer.Zeros));
        return new NetworkModel(null, "Model", new Shape(100), LossKind.SoftmaxCrossEntropy, PrecisionKind.Single, 1.0,
            new EquatableArray<Layer>([.. layers]));
    }
}

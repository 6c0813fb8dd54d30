using NetGen.Tests.GradientPrediction.Convolution;
using Xunit.Abstractions;

namespace NetGen.Tests.GradientPrediction;

/// <summary>
/// The gradient profile NetGen predicts at compile time for convolutional networks (LayerInfo.PredictedGradient: the
/// convolution, pooling, batch-normalization and residual rules, identity and projection skips) against a measurement of
/// the generated networks at initialization: every layer's gradient relative to the output layer's, within a factor of 2.
/// </summary>
public class ConvolutionPredictionTests(ITestOutputHelper output)
{
    private const int Seeds = 8;
    private const int BatchesPerSeed = 1;
    private const int BatchSize = 32;

    public static TheoryData<string, int> Networks() => new()
    {
        { nameof(ConvReLUHe10), 0 },
        { nameof(ConvReLUHe20), 0 },
        { nameof(ConvReLUHe30), 0 },
        { nameof(ConvReLUGlorot10), 0 },
        { nameof(ConvReLUGlorot20), 0 },
        { nameof(ConvTanhGlorot20), 0 },
        { nameof(ConvResidualReLU11), 2 },
        { nameof(ConvResidualReLU31), 2 },
        { nameof(ConvResidualBatchNorm15), 4 },
        { nameof(ConvResidualBatchNorm29), 4 },
        { nameof(ConvResidualBatchNorm51), 4 },
        { nameof(ConvProjectionReLU15), 2 },
        { nameof(ConvProjectionReLU23), 2 },
        { nameof(ConvProjectionBatchNorm23), 4 },
        { nameof(ConvDenseBatchNormHead), 0 },
    };

    [Theory]
    [MemberData(nameof(Networks))]
    public void Every_layer_s_predicted_gradient_is_within_2x_of_the_measured_one(string name, int branchLayers) => Check(name, branchLayers);

    [Fact(Skip = "Beyond the model: 10 identity blocks without normalization, each ending in a ReLU after the sum, measure "
        + "2.5x more gradient at the first layer than predicted (0.265 predicted; measured 0.654 on 24 seeds x 32 samples, 0.67 "
        + "on 32; the 8 seeds of this test happen to give 0.426, within 2x). The model carries the correlation of the ReLU masks "
        + "along the skip (Gradients/SkipPathGradient: 0.221 before); what remains is a finite-width effect it does not model: "
        + "the skip's and the branch's parts of the gradient are correlated, E[dz.J_F.dz] ~ 5/width of E[dz^2] per block in dense "
        + "stacks (0.02 at 400 units, 0.05 at 100, 0.17 at 25), and 8 channels of 3x3 taps are narrow.")]
    public void Twenty_one_residual_ReLU_convolutions_without_normalization_are_within_2x() => Check(nameof(ConvResidualReLU21), 2);

    private void Check(string name, int branchLayers)
    {
        Type type = typeof(ConvReLUHe10).Assembly.GetType(typeof(ConvReLUHe10).Namespace + "." + name)!;
        ConvolutionGradientMeasurement.Result measurement = ConvolutionGradientMeasurement.Measure(type, Seeds, BatchesPerSeed, BatchSize, branchLayers);
        Assert.InRange(measurement.WorstGradientMismatch, 0, 1e-9); // the measured dz are the network's own

        var probe = (INetwork<double>)Activator.CreateInstance(type, 2, 0)!;
        int last = probe.Layers.Count - 1;
        var ratios = new List<(string Layer, double Predicted, double Measured)>();
        for (int k = 0; k < last; k++)
        {
            LayerInfo layer = probe.Layers[k];
            double predicted = layer.PredictedGradient / probe.Layers[last].PredictedGradient;
            double measured = Math.Sqrt(measurement.MeanSquares[k] / measurement.MeanSquares[last]);
            ratios.Add(($"{layer.Name} {layer.Kind}", predicted, measured));
        }
        var first = ratios[0];
        var worst = ratios.MaxBy(r => Math.Abs(Math.Log(r.Predicted / r.Measured)));
        output.WriteLine($"| {name} | {first.Predicted:G3} | {first.Measured:G3} | {first.Predicted / first.Measured:F2} | "
            + $"{worst.Layer}: {worst.Predicted / worst.Measured:F2} |");
        foreach (var (layer, predicted, measured) in ratios)
        {
            output.WriteLine($"  {layer}: predicted {predicted:E2}, measured {measured:E2}, ratio {predicted / measured:F2}");
        }
        Assert.All(ratios, r => Assert.InRange(r.Predicted / r.Measured, 0.5, 2.0));
    }
}

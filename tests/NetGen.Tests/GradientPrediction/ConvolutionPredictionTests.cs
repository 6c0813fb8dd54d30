using NetGen.Tests.GradientPrediction.Convolution;
using Xunit.Abstractions;

namespace NetGen.Tests.GradientPrediction;

/// <summary>
/// The gradient profile NetGen predicts at compile time for convolutional networks (LayerInfo.PredictedGradient: the
/// convolution, pooling, batch-normalization and residual rules) against a measurement of the generated networks at
/// initialization: every layer's gradient relative to the output layer's, within a factor of 2.
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
        { nameof(ConvResidualBatchNorm15), 4 },
        { nameof(ConvResidualBatchNorm29), 4 },
    };

    [Theory]
    [MemberData(nameof(Networks))]
    public void Every_layer_s_predicted_gradient_is_within_2x_of_the_measured_one(string name, int branchLayers) => Check(name, branchLayers);

    [Fact(Skip = "Beyond the model: 10 identity blocks without normalization, each ending in a ReLU after the sum, measure 2.6x "
        + "more gradient at the first layer than predicted (0.221 predicted, 0.574 measured on 16 seeds x 64 samples; 11 "
        + "convolutions: 0.94). A unit active after one block's sum stays active after the next, its positive value carried "
        + "by the skip, so the ReLU masks along the skip path are correlated; the mean field multiplies each block's E[f'(z)^2] "
        + "as if independent. The residual rule (Layers/Residual) would have to carry that correlation.")]
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

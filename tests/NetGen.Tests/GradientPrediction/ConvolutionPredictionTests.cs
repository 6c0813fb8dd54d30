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
        { nameof(ConvResidualReLU21Flatten), 2 },
        { nameof(ConvResidualReLU31), 2 },
        { nameof(ConvResidualBatchNorm15), 4 },
        { nameof(ConvResidualBatchNorm29), 4 },
        { nameof(ConvResidualBatchNorm51), 4 },
        { nameof(RectifierResidualBatchNorm31), 4 },
        { nameof(ConvProjectionReLU15), 2 },
        { nameof(ConvProjectionReLU23), 2 },
        { nameof(ConvProjectionBatchNorm23), 4 },
        { nameof(ConvDenseBatchNormHead), 0 },
    };

    [Theory]
    [MemberData(nameof(Networks))]
    public void Every_layer_s_predicted_gradient_is_within_2x_of_the_measured_one(string name, int branchLayers) => Check(name, branchLayers);

    [Fact(Skip = "Beyond the model: with global average pooling before the head, unnormalized ReLU convolutions of few channels "
        + "measure more gradient at the first layer than predicted: here 0.265 predicted against 0.654 measured on 24 seeds x 32 "
        + "samples (2.5x; the 8 seeds of this test happen to give 0.426, within 2x). The head is the cause, not the skips: the same "
        + "21 convolutions with a flatten head (ConvResidualReLU21Flatten) are within 1.1x at every layer. Global average pooling "
        + "sends every pixel of a channel the same gradient, and that agreement survives the convolutions below: paths through "
        + "different pixels then add up, through the correlation of each ReLU's mask with the weights that read a shared, "
        + "non-negative input, a finite-channel term the mean field (exact in the channels' limit) leaves out. Measured on 24 "
        + "seeds, first layer predicted/measured: plain stacks of 11 He-ReLU convolutions 0.61, 0.72, 0.83 at 8, 16, 32 "
        + "channels (0.60 at 8 channels on 16x16 images: not an edge effect); these 21 residual convolutions 0.40 at 8 "
        + "channels, 0.58 at 32; with batch normalization in the branches (the lab's network with this head) 1.0-1.1. Each layer "
        + "under the pooling adds about 1/C (docs/gradient-analysis.md, \"What the excess is made of\"); modelling it needs the "
        + "finite-width correction of the backward recursion, not derived.")]
    public void Twenty_one_residual_ReLU_convolutions_without_normalization_are_within_2x() => Check(nameof(ConvResidualReLU21), 2);

    [Fact]
    public void The_summary_calls_its_gradient_column_a_lower_bound_where_the_model_misses_global_average_pooling()
    {
        const string LowerBound = "a lower bound below the global average pooling";
        Assert.Contains(LowerBound, ConvResidualReLU21.Summary); // 8 channels, no normalization: measured 2.5x the column
        Assert.DoesNotContain(LowerBound, ConvResidualReLU21Flatten.Summary); // within 1.2x
        Assert.DoesNotContain(LowerBound, ConvResidualBatchNorm51.Summary); // normalized: within 1.5x
        Assert.DoesNotContain(LowerBound, ConvReLUHe10.Summary); // no global average pooling
    }

    private void Check(string name, int branchLayers)
    {
        Type type = typeof(ConvReLUHe10).Assembly.GetType(typeof(ConvReLUHe10).Namespace + "." + name)!;
        ConvolutionGradientMeasurement.Result measurement = ConvolutionGradientMeasurement.Measure(type, Seeds, BatchesPerSeed, BatchSize, branchLayers);
        Assert.InRange(measurement.WorstGradientMismatch, 0, 1e-9); // the measured dz are the network's own
        Assert.InRange(measurement.WorstPreActivationGradientMismatch, 0, 1e-9); // and those it exposes to the monitor

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

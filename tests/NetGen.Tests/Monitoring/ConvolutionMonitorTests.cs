using NetGen.Tests.Convolution;

namespace NetGen.Tests.Monitoring;

/// <summary>12 sigmoid convolutions of 4 channels with the default Glorot uniform init, one dense output: the gradient vanishes toward the input.</summary>
[Network(Channels = 1, Height = 8, Width = 8, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Repeat(12)]
[Conv2D(4, 3, Activation.Sigmoid, Padding = Padding.Same)]
[EndRepeat]
[Flatten]
[Dense(3)]
public partial class SigmoidConvStack12;

/// <summary>
/// The weight-gradient rules read convolution kernels as AutoTrainer reads a Keras model's kernels: a CNN's first and
/// last layers with weights are its first convolution and its dense output.
/// </summary>
public class ConvolutionMonitorTests
{
    [Fact]
    public void The_first_to_last_ratio_runs_from_the_first_convolution_s_kernel_to_the_output_layer()
    {
        INetwork<double> network = new StridedConvNet(maxBatchSize: 3, seed: 3); // conv, max pool, conv, flatten, dense
        ComputeGradientsOfOneBatch(network);
        GradientReport report = MonitorMeasurement.Once(network).Report;

        int firstConvolution = Index(network, LayerKind.Conv2D), output = network.Layers.Count - 1;
        double firstNorm = KernelGradientNorm(network, firstConvolution), lastNorm = KernelGradientNorm(network, output);
        Assert.Equal(firstNorm, report.Layers[firstConvolution].WeightGradientNorm, 12);
        Assert.Equal(firstNorm / lastNorm, report.FirstToLastRatio, 12);
        Assert.False(double.IsNaN(report.Layers[firstConvolution].RatioToNextLayer)); // a convolution has a next weighted layer
        Assert.True(double.IsNaN(report.Layers[firstConvolution + 1].RatioToNextLayer)); // the pooling has no weights
    }

    [Fact]
    public void A_vanishing_gradient_through_sigmoid_convolutions_fires_AutoTrainer_s_rule()
    {
        INetwork<double> network = new SigmoidConvStack12(maxBatchSize: 8, seed: 1);
        ComputeGradientsOfOneBatch(network);
        (GradientReport report, List<GradientWarning> raised) = MonitorMeasurement.Once(network);

        // Each sigmoid layer passes at most 1/4 of its gradient's size, and Glorot's variance keeps about that: 12 of them.
        Assert.True(report.FirstToLastRatio < 1e-3, $"first/last weight-gradient norm {report.FirstToLastRatio:E2}");
        Assert.Contains(raised, warning => warning.RuleId == "NGM01");
        Assert.DoesNotContain(raised, warning => warning.Problem == GradientProblem.Exploding);
    }

    private static void ComputeGradientsOfOneBatch(INetwork<double> network)
    {
        const int Batch = 3;
        var inputs = new double[Batch * network.InputSize];
        var targets = new double[Batch * network.OutputSize];
        RandomBatches.Fill(new SeededRandom(7), inputs, targets, Batch);
        network.ComputeGradients(inputs, targets, Batch);
    }

    private static int Index(INetwork<double> network, LayerKind kind) => network.Layers.Select((layer, i) => (layer, i)).First(x => x.layer.Kind == kind).i;

    // The L2 norm of a layer's weight gradient, from the network's gradient vector.
    private static double KernelGradientNorm(INetwork<double> network, int layer)
    {
        LayerInfo info = network.Layers[layer];
        return Math.Sqrt(network.Gradients.Slice(info.WeightOffset, info.WeightCount).ToArray().Sum(g => g * g));
    }
}

using NetGen.Tests.Networks;

namespace NetGen.Tests.Monitoring;

/// <summary>The gradient monitor and the speed of learning on PReLU, dropout and dense layers without biases.</summary>
public class LayerKindMonitorTests
{
    /// <summary>Layer1 dense 3 → 4 without biases, Layer2 PReLU, Layer3 dropout, Layer4 dense 4 → 2; healthy gradients, mixed-sign pre-activations.</summary>
    private static LayerTableNetwork<double> Healthy(bool sharedSlope = false, Activation dropoutActivation = Activation.Identity)
    {
        LayerInfo[] layers = LayerTableNetwork<double>.MixedLayers(sharedSlope);
        layers[2] = layers[2] with { Activation = dropoutActivation };
        var network = new LayerTableNetwork<double>(layers);
        for (int i = 0; i < network.Gradients.Length; i++)
        {
            network.Gradients[i] = (i % 2 == 0 ? 1 : -1) * (0.05 + 0.01 * (i % 5));
        }
        for (int layer = 0; layer < layers.Length; layer++)
        {
            Span<double> z = network.Z(layer);
            for (int i = 0; i < z.Length; i++)
            {
                z[i] = (i / layers[layer].Outputs + i) % 2 == 0 ? 1 : -1; // every unit positive in one sample
            }
        }
        return network;
    }

    [Fact]
    public void PReLU_slopes_count_as_weights_and_the_ratios_consider_the_dense_layers_only()
    {
        LayerTableNetwork<double> network = Healthy();
        network.LayerGradients(1).Fill(1e-9); // tiny slope gradients: no dense rule may read them
        var (report, raised) = MonitorMeasurement.Once(network);

        Assert.Empty(raised);
        LayerGradientStatistics prelu = report.Layers[1];
        Assert.Equal(Math.Sqrt(4 * 1e-18), prelu.WeightGradientNorm, 1e-20);
        Assert.Equal(1e-9, prelu.MeanAbsWeightGradient, 1e-20);
        Assert.Equal(0, prelu.BiasGradientNorm);
        Assert.True(double.IsNaN(prelu.RatioToNextLayer));
        double first = Norm(network.LayerGradients(0)), last = Norm(network.LayerGradients(3));
        Assert.Equal(first / last, report.FirstToLastRatio, 12);
        Assert.Equal(MeanMagnitude(network.LayerGradients(0)) / MeanMagnitude(network.LayerGradients(3)), report.Layers[0].RatioToNextLayer, 12); // Layer1's next dense layer is Layer4
        Assert.Equal(0, report.Layers[0].BiasGradientNorm); // no biases
        Assert.True(double.IsNaN(report.Layers[2].MeanAbsWeightGradient)); // the dropout has no parameters
        Assert.Equal(0, report.Layers[2].WeightGradientNorm);
    }

    [Theory]
    [InlineData(Activation.Identity)]
    [InlineData(Activation.ReLU)]
    [InlineData(Activation.Sigmoid)]
    public void A_dropout_layer_s_zeros_are_not_dead_units_nor_its_values_saturation(Activation dropoutActivation)
    {
        LayerTableNetwork<double> network = Healthy(dropoutActivation: dropoutActivation);
        network.Z(2).Clear(); // every value dropped, as a mask may
        network.Z(1).Fill(-7); // a PReLU's negative inputs still pass gradient through the slope
        var (report, raised) = MonitorMeasurement.Once(network);

        Assert.DoesNotContain(raised, w => w.Rule is GradientRule.DyingReLU or GradientRule.SaturatedActivation);
        Assert.True(double.IsNaN(report.Layers[2].DeadUnitFraction));
        Assert.True(double.IsNaN(report.Layers[2].SaturatedFraction));
        Assert.True(double.IsNaN(report.Layers[1].DeadUnitFraction));
    }

    [Fact]
    public void A_ReLU_dense_layer_before_a_dropout_still_reports_its_dead_units()
    {
        LayerInfo[] layers = LayerTableNetwork<double>.MixedLayers(sharedSlope: true);
        layers[0] = layers[0] with { Activation = Activation.ReLU };
        var network = new LayerTableNetwork<double>(layers);
        network.Gradients.Fill(0.1);
        network.Z(0).Fill(-1);
        var (report, raised) = MonitorMeasurement.Once(network);
        Assert.Equal(1.0, report.Layers[0].DeadUnitFraction);
        Assert.Single(raised, w => w.Rule == GradientRule.DyingReLU && w.LayerName == "Layer1");
    }

    [Fact]
    public void A_non_finite_slope_gradient_is_reported_on_the_PReLU_layer()
    {
        LayerTableNetwork<double> network = Healthy(sharedSlope: true);
        network.LayerGradients(1)[0] = double.NaN;
        var (report, raised) = MonitorMeasurement.Once(network);
        Assert.True(report.Layers[1].HasNonFinite);
        Assert.True(report.HasNonFinite);
        Assert.Single(raised, w => w.Rule == GradientRule.NonFinite && w.LayerName == "Layer2");
    }

    [Fact]
    public void Speed_of_learning_skips_layers_without_biases_and_treats_the_last_dense_layer_as_the_output()
    {
        // Layer1 dense with biases, Layer2 PReLU, Layer3 dense without biases, Layer4 dense (output), Layer5 PReLU after the output.
        var network = new LayerTableNetwork<double>(
            new LayerInfo("Layer1", LayerKind.Dense, 2, 3, Activation.Identity, 0, 6, 6, 3),
            new LayerInfo("Layer2", LayerKind.PReLU, 3, 3, Activation.Identity, 9, 1, 10, 0),
            new LayerInfo("Layer3", LayerKind.Dense, 3, 3, Activation.Identity, 10, 9, 19, 0),
            new LayerInfo("Layer4", LayerKind.Dense, 3, 2, Activation.Identity, 19, 6, 25, 2),
            new LayerInfo("Layer5", LayerKind.PReLU, 2, 2, Activation.Identity, 27, 2, 29, 0));
        network.Gradients.Fill(1.0);
        network.Gradients.Slice(6, 3).Fill(0.5);
        var data = new Dataset<double>(new double[4], new double[4], 2, 2);
        LayerLearningSpeed[] speeds = SpeedOfLearning.Measure(network, data);
        LayerLearningSpeed speed = Assert.Single(speeds);
        Assert.Equal("Layer1", speed.LayerName);
        Assert.Equal(Math.Sqrt(3 * 0.25), speed.BiasGradientNorm, 12);
    }

    private static double MeanMagnitude(ReadOnlySpan<double> values)
    {
        double sum = 0;
        foreach (double v in values)
        {
            sum += Math.Abs(v);
        }
        return sum / values.Length;
    }

    private static double Norm(ReadOnlySpan<double> values)
    {
        double sum = 0;
        foreach (double v in values)
        {
            sum += v * v;
        }
        return Math.Sqrt(sum);
    }
}

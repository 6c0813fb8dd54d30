namespace NetGen.Tests.Monitoring;

public class GradientMonitorStatisticsTests
{
    private const int Batch = 8;

    private static (MonitoredMix Network, double[] Inputs, double[] Targets) Prepared(int seed = 1)
    {
        var network = new MonitoredMix(maxBatchSize: Batch, seed: seed);
        var random = new Random(seed);
        double[] inputs = [.. Enumerable.Range(0, Batch * MonitoredMix.InputSize).Select(_ => random.NextDouble() * 2 - 1)];
        double[] targets = [.. Enumerable.Range(0, Batch * MonitoredMix.OutputSize).Select(_ => random.NextDouble())];
        return (network, inputs, targets);
    }

    [Fact]
    public void Norms_means_maxima_and_the_first_to_last_ratio_match_plain_loops()
    {
        var (network, inputs, targets) = Prepared();
        network.ComputeGradients(inputs, targets, Batch);
        var monitor = new GradientMonitor<double>(network);
        GradientReport report = monitor.Measure();

        double[] gradients = network.Gradients.ToArray();
        Assert.Equal(4, report.Layers.Count);
        for (int l = 0; l < 4; l++)
        {
            LayerInfo layer = MonitoredMix.Layers[l];
            double squares = 0, magnitudes = 0, max = 0, zeros = 0;
            for (int i = layer.WeightOffset; i < layer.WeightOffset + layer.WeightCount; i++)
            {
                squares += gradients[i] * gradients[i];
                magnitudes += Math.Abs(gradients[i]);
                max = Math.Max(max, Math.Abs(gradients[i]));
                zeros += gradients[i] == 0 ? 1 : 0;
            }
            double biasSquares = 0;
            for (int i = layer.BiasOffset; i < layer.BiasOffset + layer.BiasCount; i++)
            {
                biasSquares += gradients[i] * gradients[i];
            }
            LayerGradientStatistics s = report.Layers[l];
            Assert.Equal(layer.Name, s.Name);
            Assert.Equal(Math.Sqrt(squares), s.WeightGradientNorm, 1e-12);
            Assert.Equal(Math.Sqrt(biasSquares), s.BiasGradientNorm, 1e-12);
            Assert.Equal(magnitudes / layer.WeightCount, s.MeanAbsWeightGradient, 1e-12);
            Assert.Equal(max, s.MaxAbsWeightGradient);
            Assert.Equal(zeros / layer.WeightCount, s.ZeroWeightGradientFraction);
            Assert.Equal(magnitudes / (layer.WeightCount - zeros), s.MeanAbsNonzeroWeightGradient, 1e-12);
            Assert.False(s.HasNonFinite);
            Assert.True(s.WeightGradientNorm > 0);
        }
        Assert.Equal(report.Layers[0].WeightGradientNorm / report.Layers[3].WeightGradientNorm, report.FirstToLastRatio, 1e-12);
        double[] means = [.. report.Layers.Select(l => l.MeanAbsNonzeroWeightGradient)];
        Assert.Equal(means[1] / means[2], report.Layers[1].RatioToNextLayer, 1e-12);
        Assert.Equal(means.Order().ElementAt(1) / 2 + means.Order().ElementAt(2) / 2, report.MedianMeanAbsWeightGradient, 1e-12);
        double[] quotients = [means[0] / means[1], means[1] / means[2], means[2] / means[3]];
        Assert.Equal(quotients.Order().ElementAt(1), report.MedianRatioToNextLayer, 1e-12);
        Assert.True(double.IsNaN(report.Layers[3].RatioToNextLayer));
        Assert.True(double.IsNaN(report.Layers[0].SaturatedFraction));
        Assert.True(double.IsNaN(report.Layers[1].DeadUnitFraction));
        Assert.Equal(1, report.Measurement);
    }

    [Fact]
    public void Float_norms_agree_with_double_loops()
    {
        var network = new SmallDigitsForMonitor(maxBatchSize: Batch, seed: 2);
        var random = new Random(2);
        float[] inputs = [.. Enumerable.Range(0, Batch * 784).Select(_ => (float)random.NextDouble())];
        float[] targets = new float[Batch * 10];
        for (int s = 0; s < Batch; s++)
        {
            targets[s * 10 + s] = 1;
        }
        network.ComputeGradients(inputs, targets, Batch);
        GradientReport report = new GradientMonitor<float>(network).Measure();
        for (int l = 0; l < 2; l++)
        {
            LayerInfo layer = SmallDigitsForMonitor.Layers[l];
            double squares = 0, magnitudes = 0;
            foreach (float g in network.Gradients.Slice(layer.WeightOffset, layer.WeightCount))
            {
                squares += (double)g * g;
                magnitudes += Math.Abs((double)g);
            }
            Assert.Equal(Math.Sqrt(squares), report.Layers[l].WeightGradientNorm, Math.Sqrt(squares) * 1e-5);
            Assert.Equal(magnitudes / layer.WeightCount, report.Layers[l].MeanAbsWeightGradient, magnitudes / layer.WeightCount * 1e-5);
        }
    }

    [Fact]
    public void Units_with_very_negative_biases_are_dead_for_the_whole_batch()
    {
        var (network, inputs, targets) = Prepared();
        network.Layer1Biases[0] = -100;
        network.Layer1Biases[2] = -100;
        network.Layer1Biases[5] = -100;
        network.ComputeGradients(inputs, targets, Batch);
        LayerGradientStatistics s = new GradientMonitor<double>(network).Measure().Layers[0];

        // Independently: Layer1's z = W·x + b for every sample, by plain loops.
        double[] w = network.Layer1Weights.ToArray(), b = network.Layer1Biases.ToArray();
        int dead = 0;
        for (int unit = 0; unit < 6; unit++)
        {
            bool alive = false;
            for (int sample = 0; sample < Batch; sample++)
            {
                double z = b[unit];
                for (int k = 0; k < 4; k++)
                {
                    z += w[unit * 4 + k] * inputs[sample * 4 + k];
                }
                alive |= z > 0;
            }
            dead += alive ? 0 : 1;
        }
        Assert.InRange(dead, 3, 6);
        Assert.Equal(dead / 6.0, s.DeadUnitFraction);
    }

    [Fact]
    public void Large_weights_saturate_sigmoid_and_tanh_units()
    {
        var (network, inputs, targets) = Prepared();
        foreach (ref double weight in network.Layer2Weights)
        {
            weight *= 100;
        }
        foreach (ref double weight in network.Layer3Weights)
        {
            weight *= 100;
        }
        network.ComputeGradients(inputs, targets, Batch);
        GradientReport report = new GradientMonitor<double>(network).Measure();
        foreach (int l in new[] { 1, 2 })
        {
            double[] z = network.PreActivations(l).ToArray();
            Assert.Equal(Batch * MonitoredMix.Layers[l].Outputs, z.Length);
            double expected = z.Count(v => Math.Abs(v) >= 5) / (double)z.Length;
            Assert.True(expected > 0.5, $"layer {l}: only {expected:P0} saturated");
            Assert.Equal(expected, report.Layers[l].SaturatedFraction);
        }
        Assert.Contains(report.Warnings, w => w.Rule == GradientRule.SaturatedActivation && w.LayerName == "Layer2");
    }

    [Fact]
    public void A_NaN_parameter_shows_as_non_finite_gradients_and_pre_activations()
    {
        var (network, inputs, targets) = Prepared();
        network.Layer2Weights[0] = double.NaN;
        network.ComputeGradients(inputs, targets, Batch);
        var monitor = new GradientMonitor<double>(network);
        var raised = new List<GradientWarning>();
        monitor.Warning += (_, warning) => raised.Add(warning);
        GradientReport report = monitor.Measure();
        Assert.True(report.HasNonFinite);
        Assert.True(report.Layers[1].HasNonFinite);
        Assert.Contains(raised, w => w.Rule == GradientRule.NonFinite && w.LayerName == "Layer2" && w.RuleId == "NGM08");
    }

    [Fact]
    public void Measuring_allocates_nothing_after_construction()
    {
        var network = new SmallDigitsForMonitor(maxBatchSize: Batch, seed: 1);
        var inputs = new float[Batch * 784];
        var targets = new float[Batch * 10];
        for (int i = 0; i < inputs.Length; i++)
        {
            inputs[i] = (i * 7919 % 256) / 255f;
        }
        for (int s = 0; s < Batch; s++)
        {
            targets[s * 10 + s] = 1;
        }
        network.ComputeGradients(inputs, targets, Batch);
        var monitor = new GradientMonitor<float>(network);
        int raised = 0;
        monitor.Warning += (_, _) => raised++;
        monitor.Measure(); // warnings that hold are raised here, once

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 5; i++)
        {
            monitor.Measure();
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}

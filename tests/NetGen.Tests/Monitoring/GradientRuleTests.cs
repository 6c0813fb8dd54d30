namespace NetGen.Tests.Monitoring;

public class GradientRuleTests
{
    private static List<GradientWarning> Measure(GradientStub network)
    {
        var monitor = new GradientMonitor<double>(network);
        var raised = new List<GradientWarning>();
        monitor.Warning += (_, warning) => raised.Add(warning);
        GradientReport report = monitor.Measure();
        Assert.Equal(raised, report.Warnings);
        return raised;
    }

    private static void AssertFires(GradientStub network, GradientRule rule, string layer, double threshold)
    {
        List<GradientWarning> raised = Measure(network);
        GradientWarning warning = Assert.Single(raised, w => w.Rule == rule);
        Assert.Equal(layer, warning.LayerName);
        Assert.Equal(threshold, warning.Threshold);
        Assert.Equal($"NGM{(int)rule:00}", warning.RuleId);
        Assert.False(warning.AfterDivergence);
        Assert.False(string.IsNullOrWhiteSpace(warning.Source));
        Assert.False(string.IsNullOrWhiteSpace(warning.Advice));
        // The network-wide rules name no layer in the message; LayerIndex is then the first dense layer's.
        bool networkWide = rule is GradientRule.VanishingFirstToLastRatio or GradientRule.VanishingMedianGradient or GradientRule.VanishingAdjacentRatio
            or GradientRule.ExplodingFirstToLastRatio or GradientRule.ExplodingGradient or GradientRule.ExplodingAdjacentRatio or GradientRule.DivergingLoss;
        Assert.Equal(networkWide, !warning.Message.Contains($" in {layer}", StringComparison.Ordinal));
        Assert.Contains(warning.Source, warning.Message);
    }

    [Fact]
    public void A_healthy_network_raises_nothing()
    {
        Assert.Empty(Measure(new GradientStub()));
    }

    [Fact]
    public void A_healthy_shallow_ReLU_He_network_on_MNIST_raises_nothing_while_training()
    {
        Dataset<float> data = MonitorData.First(256);
        var network = new SmallDigitsForMonitor(maxBatchSize: 64, seed: 1);
        var monitor = new GradientMonitor<float>(network);
        var raised = new List<GradientWarning>();
        monitor.Warning += (_, warning) => raised.Add(warning);
        Trainer.Fit(network, new Sgd<float>(0.1f), data, new TrainingOptions { Epochs = 2, Monitor = monitor, MonitorInterval = 1 });
        Assert.Empty(raised);
        Assert.Equal(8, monitor.Report.Measurement); // 2 epochs of 4 batches, every one measured
    }

    [Fact]
    public void AutoTrainer_vanishing_fires_when_the_first_layer_gradient_is_tiny()
    {
        var network = new GradientStub();
        network.WeightGradients(0).Fill(1e-8);
        AssertFires(network, GradientRule.VanishingFirstToLastRatio, "Layer1", 1e-3);
    }

    [Fact]
    public void AutoTrainer_vanishing_needs_the_first_layer_norm_below_1e_minus_4()
    {
        var network = new GradientStub();
        network.WeightGradients(3).Fill(1000); // ratio about 1e-4, but the first layer's norm is about 0.35
        Assert.DoesNotContain(Measure(network), w => w.Rule == GradientRule.VanishingFirstToLastRatio);
    }

    [Fact]
    public void DeepDiagnosis_vanishing_fires_below_a_mean_of_1e_minus_7()
    {
        var network = new GradientStub();
        network.WeightGradients(1).Fill(5e-8);
        AssertFires(network, GradientRule.VanishingMeanGradient, "Layer2", 1e-7);
    }

    [Fact]
    public void Exact_zeros_are_left_out_of_the_mean_so_inputs_that_are_always_zero_raise_nothing()
    {
        var network = new GradientStub();
        Span<double> first = network.WeightGradients(0); // 4 units × 3 inputs, row-major
        for (int unit = 0; unit < 4; unit++)
        {
            first.Slice(unit * 3, 2).Clear(); // inputs 0 and 1 were 0 for the whole batch: 8 of 12 entries are exactly 0
        }
        double remaining = (Math.Abs(first[2]) + Math.Abs(first[5]) + Math.Abs(first[8]) + Math.Abs(first[11])) / 4;

        var monitor = new GradientMonitor<double>(network);
        GradientReport report = monitor.Measure();
        Assert.Empty(report.Warnings);
        Assert.Equal(8 / 12.0, report.Layers[0].ZeroWeightGradientFraction);
        Assert.Equal(remaining, report.Layers[0].MeanAbsNonzeroWeightGradient, 1e-15);
        Assert.Equal(remaining / 3, report.Layers[0].MeanAbsWeightGradient, 1e-15); // what DeepDiagnosis and BTTackler average
    }

    [Fact]
    public void A_layer_whose_gradient_is_exactly_zero_is_not_reported_as_vanishing()
    {
        var network = new GradientStub();
        network.WeightGradients(1).Clear(); // every unit dead, or a zero-initialized layer after it (Fixup): nothing vanished
        var monitor = new GradientMonitor<double>(network);
        GradientReport report = monitor.Measure();
        Assert.True(double.IsNaN(report.Layers[1].MeanAbsNonzeroWeightGradient));
        Assert.DoesNotContain(report.Warnings, w => w.Problem == GradientProblem.Vanishing);
    }

    /// <summary>The mean |weight gradient| over the non-zero entries of each dense layer of the stub (Layer1, Layer2, Layer4), by plain loops.</summary>
    private static double[] NonzeroMeans(GradientStub network) => [.. new[] { 0, 1, 3 }.Select(l =>
    {
        double sum = 0;
        int count = 0;
        foreach (double g in network.WeightGradients(l))
        {
            sum += Math.Abs(g);
            count += g == 0 ? 0 : 1;
        }
        return sum / count;
    })];

    [Fact]
    public void BTTackler_median_vanishing_fires_when_the_median_layer_mean_is_below_1e_minus_5()
    {
        var network = new GradientStub();
        network.WeightGradients(0).Fill(1e-6); // one small layer of three: the median is a healthy layer's
        List<GradientWarning> raised = Measure(network);
        Assert.DoesNotContain(raised, w => w.Rule == GradientRule.VanishingMedianGradient);

        network.WeightGradients(1).Fill(3e-6); // two of three below 1e-5: the median is 3e-6
        AssertFires(network, GradientRule.VanishingMedianGradient, "Layer1", 1e-5);
        GradientWarning warning = Assert.Single(Measure(network), w => w.Rule == GradientRule.VanishingMedianGradient);
        Assert.Equal(3e-6, warning.Value, 1e-18);
        Assert.DoesNotContain(" in Layer1", warning.Message); // network-wide
    }

    [Fact]
    public void BTTackler_adjacent_ratio_vanishing_fires_below_a_median_quotient_of_1e_minus_4()
    {
        var network = new GradientStub();
        network.WeightGradients(0).Fill(1e-10);
        network.WeightGradients(1).Fill(1e-6); // Layer1/Layer2 = 1e-4, Layer2/Layer4 (Layer3 is a normalization) ≈ 1e-5
        double[] means = NonzeroMeans(network);
        double median = (means[0] / means[1] + means[1] / means[2]) / 2; // numpy's median of two values, as BTTackler
        Assert.True(median < 1e-4, $"{median}");
        AssertFires(network, GradientRule.VanishingAdjacentRatio, "Layer1", 1e-4);
        Assert.Equal(median, Assert.Single(Measure(network), w => w.Rule == GradientRule.VanishingAdjacentRatio).Value, median * 1e-12);
    }

    [Fact]
    public void AutoTrainer_exploding_fires_above_a_ratio_of_70()
    {
        var network = new GradientStub();
        network.WeightGradients(0).Fill(10); // first/last ≈ 35 / 0.3
        AssertFires(network, GradientRule.ExplodingFirstToLastRatio, "Layer1", 70);
    }

    [Fact]
    public void BTTackler_exploding_fires_above_a_median_layer_mean_of_1e4_and_marks_the_run_diverged()
    {
        var network = new GradientStub();
        network.WeightGradients(3)[5] = -2e4; // one huge entry in one layer: the median layer is still healthy
        Assert.DoesNotContain(Measure(network), w => w.Rule == GradientRule.ExplodingGradient);

        network.WeightGradients(0).Fill(3e4);
        network.WeightGradients(3).Fill(2e4);
        AssertFires(network, GradientRule.ExplodingGradient, "Layer1", 1e4);
        var monitor = new GradientMonitor<double>(network);
        GradientReport report = monitor.Measure();
        Assert.Equal(2e4, report.MedianMeanAbsWeightGradient, 1e-9);
        Assert.Equal(1, report.DivergedAt);
    }

    [Fact]
    public void BTTackler_adjacent_ratio_exploding_fires_above_a_median_quotient_of_1e3()
    {
        var network = new GradientStub();
        network.WeightGradients(0).Fill(1e4); // Layer1/Layer2 ≈ 1e5, Layer2/Layer4 ≈ 1
        double[] means = NonzeroMeans(network);
        double median = (means[0] / means[1] + means[1] / means[2]) / 2;
        AssertFires(network, GradientRule.ExplodingAdjacentRatio, "Layer1", 1e3);
        Assert.Equal(median, Assert.Single(Measure(network), w => w.Rule == GradientRule.ExplodingAdjacentRatio).Value, median * 1e-12);
    }

    [Fact]
    public void DeepDiagnosis_NaN_or_infinity_fires_for_gradients_and_pre_activations_of_any_layer_kind()
    {
        var network = new GradientStub();
        network.Gradients[38] = double.PositiveInfinity; // Layer3's γ
        AssertFires(network, GradientRule.NonFinite, "Layer3", 0);
        Assert.Equal(GradientProblem.Exploding, Assert.Single(Measure(network)).Problem); // AutoTrainer and BTTackler: a divergence
        network.Healthy();
        network.Z(3)[1] = double.NaN;
        AssertFires(network, GradientRule.NonFinite, "Layer4", 0);
    }

    [Fact]
    public void Dying_ReLU_fires_at_70_percent_dead_units()
    {
        var network = new GradientStub();
        Span<double> z = network.Z(0); // 2 samples × 4 units
        for (int sample = 0; sample < 2; sample++)
        {
            z.Slice(sample * 4, 3).Fill(sample == 0 ? -1 : 0); // units 0–2 at most 0 in every sample: 75%
        }
        AssertFires(network, GradientRule.DyingReLU, "Layer1", 0.7);

        network.Healthy();
        z[..2].Fill(-1);
        z.Slice(4, 2).Fill(-1); // 2 of 4 dead: 50%
        Assert.Empty(Measure(network));
    }

    [Fact]
    public void Saturation_fires_above_half_of_the_pre_activations_at_magnitude_5()
    {
        var network = new GradientStub();
        network.Z(1)[..5].Fill(-5); // 5 of 8 entries
        AssertFires(network, GradientRule.SaturatedActivation, "Layer2", 0.5);
        network.Healthy();
        network.Z(1)[..4].Fill(7); // exactly half
        Assert.Empty(Measure(network));
    }

    [Fact]
    public void A_rule_fires_once_per_layer_until_it_stops_holding()
    {
        var network = new GradientStub();
        var monitor = new GradientMonitor<double>(network);
        var raised = new List<GradientWarning>();
        monitor.Warning += (_, warning) => raised.Add(warning);

        network.Z(1).Fill(9); // Layer2 saturated
        network.Z(0).Fill(-1); // Layer1 dead
        monitor.Measure();
        Assert.Equal([GradientRule.DyingReLU, GradientRule.SaturatedActivation], raised.Select(w => w.Rule).Order());
        for (int i = 0; i < 5; i++)
        {
            Assert.Empty(monitor.Measure().Warnings);
        }
        Assert.Equal(2, raised.Count);

        network.Z(1).Clear(); // saturation stops; the dead units stay dead
        Assert.Empty(monitor.Measure().Warnings);
        network.Z(1).Fill(9); // saturated again: fires again, once
        GradientWarning again = Assert.Single(monitor.Measure().Warnings);
        Assert.Equal(GradientRule.SaturatedActivation, again.Rule);
        Assert.Equal(8, again.Measurement);
        Assert.Equal(3, raised.Count);

        monitor.Reset(); // re-arms both
        Assert.Equal(2, monitor.Measure().Warnings.Count);
        Assert.Equal(5, raised.Count);
    }
}

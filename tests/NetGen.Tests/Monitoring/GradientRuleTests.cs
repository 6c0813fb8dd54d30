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
        Assert.False(string.IsNullOrWhiteSpace(warning.Source));
        Assert.False(string.IsNullOrWhiteSpace(warning.Advice));
        Assert.Contains(layer, warning.Message);
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
    public void BTTackler_median_vanishing_fires_when_most_entries_are_below_1e_minus_5()
    {
        var network = new GradientStub();
        network.WeightGradients(0)[..7].Clear(); // 7 of 12 entries are 0: the median is 0; the mean stays large
        AssertFires(network, GradientRule.VanishingMedianGradient, "Layer1", 0.5);
        Assert.DoesNotContain(Measure(network), w => w.Rule == GradientRule.VanishingMeanGradient);

        network.Healthy();
        network.WeightGradients(0)[..6].Clear(); // exactly half: the median is not below
        Assert.Empty(Measure(network));
    }

    [Fact]
    public void BTTackler_adjacent_ratio_vanishing_fires_below_1e_minus_4()
    {
        var network = new GradientStub();
        network.WeightGradients(1).Fill(1e-6); // Layer2 / Layer4 (the next dense layer; Layer3 is a normalization) ≈ 1.4e-5
        AssertFires(network, GradientRule.VanishingAdjacentRatio, "Layer2", 1e-4);
    }

    [Fact]
    public void AutoTrainer_exploding_fires_above_a_ratio_of_70()
    {
        var network = new GradientStub();
        network.WeightGradients(0).Fill(10); // first/last ≈ 35 / 0.3
        AssertFires(network, GradientRule.ExplodingFirstToLastRatio, "Layer1", 70);
    }

    [Fact]
    public void BTTackler_exploding_fires_above_a_gradient_of_1e4()
    {
        var network = new GradientStub();
        network.WeightGradients(3)[5] = -2e4;
        AssertFires(network, GradientRule.ExplodingGradient, "Layer4", 1e4);
    }

    [Fact]
    public void BTTackler_adjacent_ratio_exploding_fires_above_1e3()
    {
        var network = new GradientStub();
        network.WeightGradients(1).Fill(1000); // Layer2 / Layer4 ≈ 4000 / 0.3
        AssertFires(network, GradientRule.ExplodingAdjacentRatio, "Layer2", 1e3);
    }

    [Fact]
    public void DeepDiagnosis_NaN_or_infinity_fires_for_gradients_and_pre_activations_of_any_layer_kind()
    {
        var network = new GradientStub();
        network.Gradients[38] = double.PositiveInfinity; // Layer3's γ
        AssertFires(network, GradientRule.NonFinite, "Layer3", 0);
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

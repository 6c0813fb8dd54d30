namespace NetGen.Tests.Monitoring;

/// <summary>The diverging-loss rule (NGM11) and what the monitor says after a divergence, on the stub whose gradients the test writes.</summary>
public class DivergingLossTests
{
    private static (GradientMonitor<double> Monitor, List<GradientWarning> Raised) Monitored(GradientStub network)
    {
        var monitor = new GradientMonitor<double>(network);
        var raised = new List<GradientWarning>();
        monitor.Warning += (_, warning) => raised.Add(warning);
        return (monitor, raised);
    }

    [Fact]
    public void A_loss_above_1e4_times_the_first_one_is_a_divergence_reported_once()
    {
        var (monitor, raised) = Monitored(new GradientStub());
        Assert.False(monitor.RecordLoss(2.3));
        Assert.False(monitor.RecordLoss(2.3 * 9000)); // below the factor: an oscillation, not a divergence
        monitor.Measure();
        Assert.Empty(raised);

        Assert.True(monitor.RecordLoss(2.3 * 2e4)); // starts to diverge: the trainer measures now
        Assert.False(monitor.RecordLoss(2.3 * 5e4)); // still diverging: no second request
        GradientReport report = monitor.Measure();
        GradientWarning warning = Assert.Single(raised);
        Assert.Equal(GradientRule.DivergingLoss, warning.Rule);
        Assert.Equal("NGM11", warning.RuleId);
        Assert.Equal(GradientProblem.Exploding, warning.Problem);
        Assert.Equal(5e4, warning.Value, 1e-6); // the worst ratio since the last measurement
        Assert.Equal(1e4, warning.Threshold);
        Assert.Contains("AutoTrainer", warning.Message);
        Assert.Equal(2, report.DivergedAt);

        monitor.RecordLoss(2.3 * 1e5);
        monitor.Measure();
        Assert.Single(raised); // holding: not repeated
    }

    [Fact]
    public void A_NaN_or_infinite_loss_is_a_divergence_whatever_came_before()
    {
        var (monitor, raised) = Monitored(new GradientStub());
        Assert.True(monitor.RecordLoss(double.NaN)); // before any finite loss too
        monitor.RecordLoss(3);
        monitor.Measure();
        GradientWarning warning = Assert.Single(raised);
        Assert.True(double.IsNaN(warning.Value));
        Assert.Contains("= NaN", warning.Message);

        var (other, otherRaised) = Monitored(new GradientStub());
        other.RecordLoss(0.5);
        Assert.True(other.RecordLoss(double.PositiveInfinity));
        other.Measure();
        Assert.Equal(GradientRule.DivergingLoss, Assert.Single(otherRaised).Rule);
    }

    [Fact]
    public void Without_recorded_losses_the_rule_stays_silent()
    {
        var (monitor, raised) = Monitored(new GradientStub());
        monitor.Measure();
        monitor.Measure();
        Assert.Empty(raised);
        Assert.Equal(0, monitor.Report.DivergedAt);
    }

    [Fact]
    public void Dead_units_and_vanishing_gradients_found_with_or_after_a_divergence_say_they_follow_it()
    {
        var network = new GradientStub();
        var (monitor, raised) = Monitored(network);
        monitor.RecordLoss(2.3);
        monitor.RecordLoss(1e9);
        network.Z(0).Fill(-1); // Layer1 dead, in the same measurement as the divergence
        monitor.Measure();
        Assert.Equal([GradientRule.DivergingLoss, GradientRule.DyingReLU], raised.Select(w => w.Rule));
        GradientWarning dying = raised[1];
        Assert.True(dying.AfterDivergence);
        Assert.Contains("after the divergence found at measurement 1", dying.Message);
        Assert.Contains("lower the learning rate", dying.Advice);
        Assert.False(raised[0].AfterDivergence);

        network.WeightGradients(1).Fill(1e-9); // later: a vanishing layer, still after the divergence
        monitor.Measure();
        GradientWarning vanishing = Assert.Single(raised, w => w.Rule == GradientRule.VanishingMeanGradient);
        Assert.True(vanishing.AfterDivergence);
        Assert.DoesNotContain("ReLU with He init", vanishing.Message);
    }

    [Fact]
    public void Reset_forgets_the_divergence_and_the_reference_loss()
    {
        var network = new GradientStub();
        var (monitor, raised) = Monitored(network);
        monitor.RecordLoss(1e-3);
        monitor.RecordLoss(100); // 1e5 times the first
        monitor.Measure();
        Assert.Equal(1, monitor.Report.DivergedAt);

        monitor.Reset();
        monitor.RecordLoss(50); // the new reference
        monitor.RecordLoss(100);
        network.Z(0).Fill(-1);
        monitor.Measure();
        Assert.Equal(0, monitor.Report.DivergedAt);
        Assert.False(Assert.Single(raised, w => w.Rule == GradientRule.DyingReLU).AfterDivergence);
    }
}

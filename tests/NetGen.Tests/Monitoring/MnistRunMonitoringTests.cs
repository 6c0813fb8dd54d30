using MnistSample;

namespace NetGen.Tests.Monitoring;

/// <summary>
/// The monitor on the MNIST sample's own network and data (784-256-128-10 ReLU/He, the embedded 10,000-image subset): a
/// healthy run draws no vanishing, exploding or dying warning, and a divergence is reported as one.
/// </summary>
public class MnistRunMonitoringTests
{
    private static readonly Lazy<Dataset<float>> Training =
        new(() => Mnist.Load(Data.RepositoryPaths.EmbeddedMnistSubset).Training.ToDataset<float>());

    private sealed class EveryReport(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }

    [Fact]
    public void The_sample_s_healthy_run_measured_at_every_step_draws_no_warning()
    {
        // The sample's settings: Adam at 0.001 decayed by 0.7 after each epoch, batches of 64, seed 1, 10 epochs.
        var network = new MnistClassifier(maxBatchSize: 64, seed: 1);
        var optimizer = new Adam<float>(0.001);
        var monitor = new GradientMonitor<float>(network);
        var raised = new List<GradientWarning>();
        monitor.Warning += (_, warning) => raised.Add(warning);
        double mostZeros = 0, smallestMedian = double.MaxValue, smallestFirstLayerMean = double.MaxValue;
        var progress = new EveryReport(p =>
        {
            if (p.Gradients is { } report)
            {
                mostZeros = Math.Max(mostZeros, report.Layers[0].ZeroWeightGradientFraction);
                smallestMedian = Math.Min(smallestMedian, report.MedianMeanAbsWeightGradient);
                smallestFirstLayerMean = Math.Min(smallestFirstLayerMean, report.Layers[0].MeanAbsNonzeroWeightGradient);
            }
            if (p.EpochResult is not null)
            {
                optimizer.LearningRate *= 0.7;
            }
        });
        TrainingHistory history = Trainer.Fit(network, optimizer, Training.Value,
            new TrainingOptions { Epochs = 10, BatchSize = 64, Seed = 1, Monitor = monitor, MonitorInterval = 1 }, progress: progress);

        Assert.Equal(10 * 157, monitor.Report.Measurement);
        Assert.True(history.Epochs[^1].TrainingLoss < 0.1, $"training loss {history.Epochs[^1].TrainingLoss}: the run must be healthy");
        Assert.Empty(raised);
        // What made the old NGM03 (more than half the entries below 1e-5) fire: MNIST's border pixels are 0 in every image of a
        // batch, so that many first-layer entries are exactly 0. Left out of the means, the median stays far above 1e-5.
        Assert.True(mostZeros > 0.4, $"at most {mostZeros:P0} of Layer1's entries were 0");
        Assert.True(smallestMedian > 1e-5 * 3, $"median mean |dW| {smallestMedian:G3}");
        Assert.True(smallestFirstLayerMean > 1e-7 * 30, $"Layer1's mean |dW| {smallestFirstLayerMean:G3}");
    }

    [Fact]
    public void Sgd_at_a_learning_rate_of_1e6_is_reported_as_a_divergence_before_anything_else()
    {
        var network = new MnistClassifier(maxBatchSize: 64, seed: 1);
        var monitor = new GradientMonitor<float>(network);
        var raised = new List<GradientWarning>();
        monitor.Warning += (_, warning) => raised.Add(warning);
        var measuredBatches = new List<int>();
        var progress = new EveryReport(p =>
        {
            if (p.Gradients is not null)
            {
                measuredBatches.Add(p.Batch);
            }
        });
        Dataset<float> data = MonitorData.First(640);
        // Continue: trains on past the loss's overflow (at batch 3), to see what the monitor reports after the divergence.
        Trainer.Fit(
            network, new Sgd<float>(1e6), data, new TrainingOptions { Epochs = 1, Monitor = monitor, NonFiniteLoss = NonFiniteLoss.Continue }, progress: progress);

        // Measured every 5th batch (1, 6), and at batch 2, whose loss diverged: the second step's loss is about 1e17.
        Assert.Equal([1, 2, 6], measuredBatches);
        Assert.NotEmpty(raised);
        GradientWarning first = raised[0];
        Assert.Equal(GradientProblem.Exploding, first.Problem);
        Assert.Equal(2, first.Measurement);
        Assert.Contains(raised, w => w.Rule == GradientRule.DivergingLoss && w.Measurement == 2 && w.Value > 1e10);
        Assert.Contains(raised, w => w.Rule == GradientRule.ExplodingGradient && w.Measurement == 2);
        Assert.Equal(2, monitor.Report.DivergedAt);
        Assert.All(raised.Where(w => w.Problem != GradientProblem.Exploding), w => Assert.True(w.AfterDivergence, w.Message));
    }
}

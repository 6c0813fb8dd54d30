namespace NetGen.Tests.Monitoring;

public class TrainerMonitoringTests
{
    /// <summary>Records the global norm and largest magnitude of the gradients of every step, then lets SGD step.</summary>
    private sealed class RecordingOptimizer(IOptimizer<float> inner) : IOptimizer<float>
    {
        public List<double> Norms { get; } = [];
        public List<double> MaxMagnitudes { get; } = [];

        public void Step(Span<float> parameters, ReadOnlySpan<float> gradients)
        {
            double squares = 0, max = 0;
            foreach (float g in gradients)
            {
                squares += (double)g * g;
                max = Math.Max(max, Math.Abs(g));
            }
            Norms.Add(Math.Sqrt(squares));
            MaxMagnitudes.Add(max);
            inner.Step(parameters, gradients);
        }
    }

    [Fact]
    public void Clipping_by_global_norm_keeps_every_step_at_or_below_the_limit()
    {
        Dataset<float> data = MonitorData.First(256);
        var unclipped = new RecordingOptimizer(new Sgd<float>(0.1f));
        Trainer.Fit(new SmallDigitsForMonitor(seed: 1), unclipped, data, new TrainingOptions { Epochs = 1, ClipGradientValue = 1e6 });
        const double limit = 0.5;
        Assert.True(unclipped.Norms.Count(n => n > limit) >= 2, "the test needs gradients larger than the limit");

        var clipped = new RecordingOptimizer(new Sgd<float>(0.1f));
        Trainer.Fit(new SmallDigitsForMonitor(seed: 1), clipped, data, new TrainingOptions { Epochs = 2, ClipGradientNorm = limit });
        Assert.Equal(8, clipped.Norms.Count);
        Assert.All(clipped.Norms, n => Assert.True(n <= limit, $"norm {n:R}"));
        Assert.Contains(clipped.Norms, n => n > limit * 0.999);
    }

    [Fact]
    public void Clipping_by_value_keeps_every_gradient_element_within_the_limit()
    {
        Dataset<float> data = MonitorData.First(128);
        var optimizer = new RecordingOptimizer(new Sgd<float>(0.1f));
        Trainer.Fit(new SmallDigitsForMonitor(seed: 1), optimizer, data, new TrainingOptions { Epochs = 1, ClipGradientValue = 0.01 });
        Assert.All(optimizer.MaxMagnitudes, m => Assert.True(m <= 0.01f, $"{m:R}"));
        Assert.Contains(optimizer.MaxMagnitudes, m => m == 0.01f);
    }

    [Fact]
    public void Training_with_the_options_but_no_clipping_limit_hit_equals_plain_training()
    {
        Dataset<float> data = MonitorData.First(128);
        var plain = new SmallDigitsForMonitor(seed: 4);
        var monitored = new SmallDigitsForMonitor(seed: 4);
        Trainer.Fit(plain, new Adam<float>(), data, new TrainingOptions { Epochs = 1 });
        Trainer.Fit(monitored, new Adam<float>(), data, new TrainingOptions { Epochs = 1, ClipGradientNorm = 1e9, Monitor = new GradientMonitor<float>(monitored) });
        Assert.Equal(plain.Parameters.ToArray(), monitored.Parameters.ToArray());
    }

    [Fact]
    public void The_monitor_measures_every_interval_steps_and_reports_through_progress()
    {
        Dataset<float> data = MonitorData.First(320); // 5 batches of 64 per epoch
        var network = new SmallDigitsForMonitor(seed: 1);
        var monitor = new GradientMonitor<float>(network);
        var reports = new List<(int Epoch, int Batch, long Measurement)>();
        var progress = new SynchronousProgress(p =>
        {
            if (p.Gradients is { } report)
            {
                Assert.Same(monitor.Report, report);
                reports.Add((p.Epoch, p.Batch, report.Measurement));
            }
        });
        Trainer.Fit(network, new Sgd<float>(0.05f), data, new TrainingOptions { Epochs = 2, Monitor = monitor, MonitorInterval = 3 }, progress: progress);
        // Steps 0..9 across both epochs; measured at steps 0, 3, 6, 9.
        Assert.Equal([(1, 1, 1L), (1, 4, 2L), (2, 2, 3L), (2, 5, 4L)], reports);
    }

    [Fact]
    public void Without_a_monitor_progress_carries_no_report()
    {
        var progress = new SynchronousProgress(p => Assert.Null(p.Gradients));
        Trainer.Fit(new SmallDigitsForMonitor(seed: 1), new Sgd<float>(0.05f), MonitorData.First(64), new TrainingOptions { Epochs = 1 }, progress: progress);
    }

    [Fact]
    public void A_monitor_of_another_network_is_refused()
    {
        var network = new SmallDigitsForMonitor(seed: 1);
        var other = new SmallDigitsForMonitor(seed: 1);
        var options = new TrainingOptions { Monitor = new GradientMonitor<float>(other) };
        var error = Assert.Throws<ArgumentException>(() => Trainer.Fit(network, new Sgd<float>(0.1), MonitorData.First(64), options));
        Assert.Equal("options", error.ParamName);
        var doubleMonitor = new TrainingOptions { Monitor = new GradientMonitor<double>(new GradientStub()) };
        Assert.Throws<ArgumentException>(() => Trainer.Fit(network, new Sgd<float>(0.1), MonitorData.First(64), doubleMonitor));
    }

    [Fact]
    public void The_monitor_interval_must_be_positive()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new TrainingOptions { MonitorInterval = 0 });
        Assert.Equal(nameof(TrainingOptions.MonitorInterval), error.ParamName);
    }

    private sealed class SynchronousProgress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}

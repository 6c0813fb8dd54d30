using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using NetGen.Reporting;
using NetGen.Tests.Monitoring;
using Spectre.Console;
using Spectre.Console.Testing;

namespace NetGen.Tests.Reporting;

public class ReportingTests
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Forwards to the display under test and lets the test look at each report as it arrives.</summary>
    private sealed class Tap(IProgress<TrainingProgress> inner, Action<TrainingProgress> look) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value)
        {
            inner.Report(value);
            look(value);
        }
    }

    private static TrainingProgress At(int epoch, int batch, double loss = 0.5, EpochResult? result = null) =>
        new(epoch, 2, batch, 10, batch * 64, 640, loss, result);

    [Fact]
    public void A_console_that_is_not_interactive_gets_one_Keras_like_line_per_epoch_with_its_numbers()
    {
        Dataset<float> training = MonitorData.First(256), validation = MonitorData.First(64);
        using var console = new TestConsole();
        using var progress = new ConsoleProgress(console);

        TrainingHistory history = Trainer.Fit(
            new SmallDigitsForMonitor(seed: 3), new Adam<float>(), training, new TrainingOptions { Epochs = 2, BatchSize = 64 }, validation, progress);

        string[] expected = [.. history.Epochs.Select(e => string.Create(CultureInfo.InvariantCulture,
            $"Epoch {e.Epoch}/2 - {Time(e.Elapsed)} - loss: {e.TrainingLoss:F4} - val_loss: {e.ValidationLoss:F4} - val_accuracy: {e.ValidationAccuracy:F4}"))];
        Assert.Equal(expected, console.Lines);

        static string Time(TimeSpan elapsed) => elapsed.TotalSeconds < 1
            ? string.Create(CultureInfo.InvariantCulture, $"{elapsed.TotalMilliseconds:F0} ms")
            : string.Create(CultureInfo.InvariantCulture, $"{elapsed.TotalSeconds:F1} s");
    }

    [Fact]
    public void The_epoch_line_leaves_out_what_was_not_measured()
    {
        using var console = new TestConsole();
        using var progress = new ConsoleProgress(console);
        progress.Report(At(1, 10, result: new EpochResult(1, 0.25, null, null, TimeSpan.FromSeconds(2.34))));
        progress.Report(At(2, 10, result: new EpochResult(2, 0.125, 0.375, double.NaN, TimeSpan.FromSeconds(0.25))));
        Assert.Equal(["Epoch 1/2 - 2.3 s - loss: 0.2500", "Epoch 2/2 - 250 ms - loss: 0.1250 - val_loss: 0.3750"], console.Lines);
    }

    [Fact]
    public void The_epoch_line_shows_every_metric_of_the_epoch_in_order()
    {
        using var console = new TestConsole();
        using var progress = new ConsoleProgress(console);
        var metrics = new Dictionary<string, double> { ["loss"] = 0.5, ["accuracy"] = 0.8125, ["val_loss"] = 0.625, ["val_accuracy"] = 0.75, ["val_mae"] = 0.1 };
        progress.Report(At(1, 10, result: new EpochResult(1, 0.5, 0.625, 0.75, TimeSpan.FromSeconds(1.5)) { Metrics = metrics }));
        Assert.Equal(["Epoch 1/2 - 1.5 s - loss: 0.5000 - accuracy: 0.8125 - val_loss: 0.6250 - val_accuracy: 0.7500 - val_mae: 0.1000"], console.Lines);
    }

    [Fact]
    public void An_interactive_console_shows_a_live_line_with_counts_rate_time_left_and_loss_then_the_epoch_line()
    {
        using var console = new TestConsole().Interactive().EmitAnsiSequences().Width(160);
        using var progress = new ConsoleProgress(console);

        progress.Report(At(1, 1, loss: 0.75));
        string first = console.Output;
        Assert.Contains("Epoch 1/2", first);
        Assert.Contains("batch 1/10", first);
        Assert.Contains("loss 0.7500", first);
        Assert.Contains("- samples/s", first); // one report: no rate yet
        Assert.Contains("left -", first);

        Thread.Sleep(150);
        progress.Report(At(1, 6, loss: 0.625));
        string second = console.Output[first.Length..];
        Assert.Contains("batch 6/10", second);
        Assert.Contains("loss 0.6250", second);
        Assert.Matches(new Regex(@"[1-9][\d,]* samples/s"), second);
        Assert.Matches(new Regex(@"elapsed \d+:\d\d"), second);
        Assert.Matches(new Regex(@"left \d+:\d\d"), second);

        progress.Report(At(1, 10, result: new EpochResult(1, 0.5, 0.25, 0.875, TimeSpan.FromSeconds(1.5))));
        Assert.Contains("Epoch 1/2 - 1.5 s - loss: 0.5000 - val_loss: 0.2500 - val_accuracy: 0.8750" + Environment.NewLine, console.Output);
    }

    [Fact]
    public void A_second_run_with_the_same_instance_restarts_the_clock_and_the_rate()
    {
        using var console = new TestConsole().Interactive().EmitAnsiSequences().Width(160);
        using var progress = new ConsoleProgress(console);
        progress.Report(At(2, 1));
        Thread.Sleep(1100);
        progress.Report(At(2, 10, result: new EpochResult(2, 0.5, null, null, TimeSpan.FromSeconds(1.1))));
        Assert.Contains("elapsed 0:00", console.Output);

        int end = console.Output.Length;
        progress.Report(At(1, 1));
        string secondRun = console.Output[end..];
        Assert.Contains("Epoch 1/2", secondRun);
        Assert.Contains("elapsed 0:00", secondRun);
        Assert.Contains("- samples/s", secondRun);
    }

    [Fact]
    public void Reports_between_redraws_write_nothing_so_the_live_line_is_redrawn_at_most_ten_times_a_second()
    {
        using var console = new TestConsole().Interactive().EmitAnsiSequences().Width(160);
        using var progress = new ConsoleProgress(console);
        var clock = Stopwatch.StartNew();
        for (int batch = 1; batch <= 2000; batch++)
        {
            progress.Report(new TrainingProgress(1, 1, batch, 2000, batch, 2000, 0.5, null));
        }
        int redraws = Regex.Count(console.Output, "batch \\d+/2000");
        Assert.InRange(redraws, 1, 1 + (int)(clock.ElapsedMilliseconds / 100));
    }

    [Fact]
    public void Dispose_ends_the_live_line_and_shows_the_cursor_again()
    {
        const string ShowCursor = "\u001b[?25h";
        using var console = new TestConsole().Interactive().EmitAnsiSequences().Width(160);
        var progress = new ConsoleProgress(console);
        progress.Report(At(1, 1));
        Assert.DoesNotContain(ShowCursor, console.Output);

        progress.Dispose();
        Assert.EndsWith(ShowCursor, console.Output);
        Assert.Throws<ObjectDisposedException>(() => progress.Report(At(1, 2)));
    }

    [Fact]
    public void When_another_live_display_holds_the_console_only_the_epoch_lines_are_written()
    {
        var output = new StringWriter();
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes, Interactive = InteractionSupport.Yes, Out = new AnsiConsoleOutput(output),
        });
        using var progress = new ConsoleProgress(console);
        console.Live(new Text("someone else's display")).Start(_ =>
        {
            progress.Report(At(1, 1));
            progress.Report(At(1, 10, result: new EpochResult(1, 0.5, null, null, TimeSpan.FromSeconds(1))));
        });
        Assert.Contains("Epoch 1/2 - 1.0 s - loss: 0.5000", output.ToString());
        Assert.DoesNotContain("batch 1/10", output.ToString());
    }

    [Fact]
    public void Gradients_keeps_a_copy_of_every_monitor_measurement_with_its_step()
    {
        Dataset<float> data = MonitorData.First(256); // 4 batches of 64 per epoch
        var network = new SmallDigitsForMonitor(seed: 1);
        var monitor = new GradientMonitor<float>(network);
        using var progress = new ConsoleProgress(new TestConsole());
        var measuredNorms = new List<double[]>();
        var tap = new Tap(progress, p =>
        {
            if (p.Gradients is { } report)
            {
                measuredNorms.Add([.. report.Layers.Select(l => l.WeightGradientNorm)]);
            }
        });

        Trainer.Fit(network, new Sgd<float>(0.05f), data, new TrainingOptions { Epochs = 2, Monitor = monitor, MonitorInterval = 3 }, progress: tap);

        Assert.Equal([1L, 4L, 7L], progress.Gradients.Select(s => s.Step)); // measured at steps 0, 3, 6 counted from 0
        Assert.Equal([1L, 2L, 3L], progress.Gradients.Select(s => s.Measurement));
        Assert.Equal(measuredNorms, progress.Gradients.Select(s => s.WeightGradientNorms.ToArray()));
        Assert.NotEqual(measuredNorms[0], measuredNorms[^1]);
        Assert.Equal(SmallDigitsForMonitor.Layers, progress.Gradients[0].Layers);
    }

    private static readonly TrainingHistory ThreeEpochs = new(
    [
        new EpochResult(1, 0.9, 0.8, 0.7, TimeSpan.FromSeconds(1)),
        new EpochResult(2, 0.5, 0.6, 0.8, TimeSpan.FromSeconds(1)),
        new EpochResult(3, 0.3, 0.5, 0.85, TimeSpan.FromSeconds(1)),
    ]);

    [Fact]
    public void The_history_plot_is_a_PNG_of_the_requested_size()
    {
        string path = TemporaryPng();
        try
        {
            HistoryPlot.Save(ThreeEpochs, path, 640, 360);
            AssertPng(path, 640, 360);
            HistoryPlot.Save(ThreeEpochs, path);
            AssertPng(path, 900, 500);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_history_plot_takes_a_history_without_validation_and_refuses_an_empty_one()
    {
        string path = TemporaryPng();
        try
        {
            HistoryPlot.Save(new TrainingHistory([new EpochResult(1, 0.9, null, null, TimeSpan.Zero)]), path, 300, 200);
            AssertPng(path, 300, 200);
        }
        finally
        {
            File.Delete(path);
        }
        var error = Assert.Throws<ArgumentException>(() => HistoryPlot.Save(new TrainingHistory([]), path));
        Assert.Equal("history", error.ParamName);
        Assert.Contains("no epochs", error.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => HistoryPlot.Save(new TrainingHistory([new EpochResult(1, 1, null, null, TimeSpan.Zero)]), path, 0, 200));
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void The_gradient_plot_of_a_monitored_run_is_a_PNG_of_the_requested_size()
    {
        var network = new SmallDigitsForMonitor(seed: 2);
        using var progress = new ConsoleProgress(new TestConsole());
        Trainer.Fit(network, new Sgd<float>(0.05f), MonitorData.First(256),
            new TrainingOptions { Epochs = 2, Monitor = new GradientMonitor<float>(network), MonitorInterval = 1 }, progress: progress);
        string path = TemporaryPng();
        try
        {
            GradientPlot.Save(progress.Gradients, path, 800, 450);
            AssertPng(path, 800, 450);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_gradient_plot_refuses_snapshots_of_two_networks_naming_their_layers()
    {
        static GradientSnapshot Measured(INetwork<float> network)
        {
            var monitor = new GradientMonitor<float>(network);
            Trainer.Fit(network, new Sgd<float>(0.01f), MonitorData.First(64), new TrainingOptions { Epochs = 1, Monitor = monitor });
            return new GradientSnapshot(1, monitor.Report);
        }

        GradientSnapshot[] snapshots = [Measured(new SmallDigitsForMonitor(seed: 1)), Measured(new DeepReLU(seed: 1))];
        var error = Assert.Throws<ArgumentException>(() => GradientPlot.Save(snapshots, TemporaryPng()));
        Assert.Contains("Snapshot 1 has 5 layers", error.Message);
        Assert.Contains("snapshot 0's 2", error.Message);
        Assert.Throws<ArgumentException>(() => GradientPlot.Save([], TemporaryPng()));
    }

    [Fact]
    public void The_lag_plot_draws_the_predicted_lags_of_a_recurrent_layer()
    {
        IReadOnlyList<double> predicted = Recurrent.LstmClassifier.Layers[0].PredictedLagGradients!;
        Assert.Equal(5, predicted.Count); // one per step of its 5
        string path = TemporaryPng();
        try
        {
            LagPlot.Save([new LagCurve("LSTM, predicted", predicted, IsPrediction: true), new LagCurve("zeros have no point", [1, 0, double.NaN])], path, width: 640, height: 360);
            AssertPng(path, 640, 360);
        }
        finally
        {
            File.Delete(path);
        }
        Assert.Throws<ArgumentException>(() => LagPlot.Save([], TemporaryPng()));
        Assert.Throws<ArgumentNullException>(() => LagPlot.Save([null!], TemporaryPng()));
    }

    private static string TemporaryPng() => Path.Combine(Path.GetTempPath(), $"netgen-reporting-{Guid.NewGuid():N}.png");

    /// <summary>The file starts with the PNG signature and its IHDR chunk holds the width and height (big-endian).</summary>
    private static void AssertPng(string path, int width, int height)
    {
        byte[] bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > 24, $"{bytes.Length} bytes");
        Assert.Equal(PngSignature, bytes[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
        Assert.Equal(width, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)));
        Assert.Equal(height, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
    }
}

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using NetGen;

namespace RecurrentSample;

/// <summary>Row-by-row MNIST: an LSTM and a GRU of 128 units read each image as 28 rows of 28 pixels; Adam; test accuracy per epoch.</summary>
internal static class RowMnistExperiment
{
    public const int Steps = 28;
    public const int BatchSize = 64;
    public const double LearningRate = 0.002;

    /// <summary>The learning rate is multiplied by this after every epoch.</summary>
    public const double LearningRateDecay = 0.8;

    public static IReadOnlyList<Contender> Contenders { get; } =
    [
        new("LSTM(128)", "LSTM, forget bias 1, Glorot inputs, orthogonal recurrence (Keras's defaults), Dense(10)",
            (batch, seed) => new RowMnistLstm(batch, seed),
            "~98.9 % after 20 epochs, LSTM(256), Adam, full data (Atienza, Advanced Deep Learning with Keras, a tutorial)", LearningRate),
        new("GRU(128)", "GRU (PyTorch's; Keras's reset_after), Glorot inputs, orthogonal recurrence, Dense(10)",
            (batch, seed) => new RowMnistGru(batch, seed),
            "none found to cite", LearningRate),
    ];

    public static string Describe(int epochs, int seed) =>
        $"Adam (its rate per network below, times {LearningRateDecay} after every epoch), batch {BatchSize}, {epochs} epochs, seed {seed}";

    /// <param name="onProgress">Told the fraction done and a line to show, after every mini-batch.</param>
    public static ExperimentResult Run(
        Contender contender, Dataset<float> training, Dataset<float> test, string dataName, int epochs, int seed, Action<double, string> onProgress)
    {
        var clock = Stopwatch.StartNew();
        INetwork<float> network = contender.Create(BatchSize, seed);
        var progress = new SynchronousProgress<TrainingProgress>(report => onProgress(
            ((report.Epoch - 1) * (double)report.SamplesPerEpoch + report.SamplesSeen) / (report.Epochs * (double)report.SamplesPerEpoch),
            $"{contender.Name}: epoch {report.Epoch}/{report.Epochs}, loss {report.RunningLoss:F4}"));
        var options = new TrainingOptions
        {
            Epochs = epochs,
            BatchSize = BatchSize,
            Seed = seed,
            Schedule = LearningRateSchedule.ExponentialDecay(LearningRateDecay),
        };
        TrainingHistory history = Trainer.Fit(network, new Adam<float>(contender.LearningRate), training, options, validation: test, progress: progress);
        List<Measurement> curve = [.. history.Epochs.Select(e => new Measurement(e.Epoch, e.ValidationLoss ?? double.NaN, e.ValidationAccuracy ?? double.NaN))];
        Measurement last = curve[^1];
        double secondsPerEpoch = history.Epochs.Average(e => e.Elapsed.TotalSeconds);
        return new ExperimentResult(
            $"row-by-row MNIST, {dataName}", contender, network.Layers[0], Steps,
            $"test accuracy {last.Score:P2} (loss {ConsoleReport.Number(last.Loss)})", last.Score >= 0.98 ? "≥ 98 %" : "below 98 %",
            $"{history.Epochs.Count} epochs × {training.Count:N0} images, {secondsPerEpoch:F0} s per epoch", clock.Elapsed, curve, null);
    }
}

/// <summary>Reports on the training thread, in order (<see cref="Progress{T}"/> would post to the thread pool).</summary>
internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}

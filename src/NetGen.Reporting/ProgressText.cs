using System;
using System.Globalization;
using System.Text;

namespace NetGen.Reporting;

/// <summary>The text <see cref="ConsoleProgress"/> writes: the live status line and the permanent epoch lines.</summary>
internal static class ProgressText
{
    private const int BarWidth = 30;

    /// <summary>
    /// The Keras-like line written when an epoch ends, such as
    /// <c>Epoch 3/10 - 12.3 s - loss: 0.2345 - val_loss: 0.2100 - val_accuracy: 0.9345</c>; the validation figures only when there
    /// are validation data, the accuracy not for a regression network (NaN).
    /// </summary>
    public static string EpochLine(EpochResult epoch, int epochs)
    {
        var line = new StringBuilder(96);
        line.Append(CultureInfo.InvariantCulture, $"Epoch {EpochOfEpochs(epoch.Epoch, epochs)} - {EpochTime(epoch.Elapsed)}");
        // Every value of the epoch, in Keras's order: the loss, the metrics, then the validation's.
        foreach ((string name, double value) in epoch.Metrics)
        {
            if (double.IsNaN(value) && name == "val_accuracy")
            {
                continue;
            }
            string text = name.EndsWith("loss", StringComparison.Ordinal) ? Loss(value) : value.ToString("F4", CultureInfo.InvariantCulture);
            line.Append(CultureInfo.InvariantCulture, $" - {name}: {text}");
        }
        return line.ToString();
    }

    /// <summary>
    /// The live status line as Spectre markup: epoch i/n, a bar over the epoch's batches, batch j/m, the rate, the elapsed and
    /// remaining time, the running loss. The bar is left out when the line would not fit in <paramref name="width"/> columns.
    /// </summary>
    /// <param name="progress">Where training is.</param>
    /// <param name="samplesPerSecond">The measured rate, or NaN when not measured yet.</param>
    /// <param name="elapsed">The time since training started.</param>
    /// <param name="remaining">The estimated time left, or null when the rate is not measured yet.</param>
    /// <param name="width">The console's width in columns.</param>
    /// <param name="unicode">Whether the console can show the bar's box-drawing character.</param>
    public static string StatusMarkup(TrainingProgress progress, double samplesPerSecond, TimeSpan elapsed, TimeSpan? remaining, int width, bool unicode)
    {
        string rate = double.IsFinite(samplesPerSecond) ? samplesPerSecond.ToString("N0", CultureInfo.InvariantCulture) : "-";
        string left = remaining is TimeSpan time ? Duration(time) : "-";
        string epoch = $"Epoch {EpochOfEpochs(progress.Epoch, progress.Epochs)}";
        string details = string.Create(CultureInfo.InvariantCulture,
            $"batch {progress.Batch}/{progress.BatchesPerEpoch}  {rate} samples/s  elapsed {Duration(elapsed)}  left {left}  loss {Loss(progress.RunningLoss)}");
        int barWidth = Math.Min(BarWidth, width - epoch.Length - details.Length - 3);
        if (barWidth < 10)
        {
            return $"[bold]{epoch}[/]  {details}";
        }
        int done = progress.BatchesPerEpoch <= 0 ? 0 : (int)Math.Round(barWidth * Math.Clamp((double)progress.Batch / progress.BatchesPerEpoch, 0, 1));
        char bar = unicode ? '━' : '-';
        return $"[bold]{epoch}[/] [yellow]{new string(bar, done)}[/][grey]{new string(bar, barWidth - done)}[/] {details}";
    }

    /// <summary>m:ss below an hour, h:mm:ss from there.</summary>
    public static string Duration(TimeSpan time) =>
        time.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)time.TotalHours}:{time.Minutes:00}:{time.Seconds:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{time.Minutes}:{time.Seconds:00}");

    /// <summary>Milliseconds below a second (a small network's epoch), seconds with one decimal from there.</summary>
    private static string EpochTime(TimeSpan elapsed) =>
        elapsed.TotalSeconds < 1
            ? string.Create(CultureInfo.InvariantCulture, $"{elapsed.TotalMilliseconds:F0} ms")
            : string.Create(CultureInfo.InvariantCulture, $"{elapsed.TotalSeconds:F1} s");

    private static string EpochOfEpochs(int epoch, int epochs) =>
        string.Create(CultureInfo.InvariantCulture, $"{epoch.ToString(CultureInfo.InvariantCulture).PadLeft(epochs.ToString(CultureInfo.InvariantCulture).Length)}/{epochs}");

    private static string Loss(double loss) => loss.ToString("F4", CultureInfo.InvariantCulture);
}

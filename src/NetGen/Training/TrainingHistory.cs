using System.Collections.Generic;
using System.Linq;

namespace NetGen;

/// <summary>What <see cref="Trainer.Fit"/> measured, one result per epoch.</summary>
public sealed class TrainingHistory
{
    /// <summary>Wraps the results of the epochs, in order.</summary>
    /// <param name="epochs">The results.</param>
    /// <param name="stopReason">Why training ended before its last epoch, or null when it ran them all.</param>
    /// <param name="cancelled">Whether it ended because its cancellation token was cancelled.</param>
    public TrainingHistory(IReadOnlyList<EpochResult> epochs, string? stopReason = null, bool cancelled = false)
    {
        Epochs = epochs;
        StopReason = stopReason;
        Cancelled = cancelled;
    }

    /// <summary>The result of every finished epoch, in order.</summary>
    public IReadOnlyList<EpochResult> Epochs { get; }

    /// <summary>Why training ended before its last epoch (a callback such as <see cref="EarlyStopping"/>, or cancellation), or null.</summary>
    public string? StopReason { get; }

    /// <summary>Whether training was cancelled; the parameters keep the updates made so far.</summary>
    public bool Cancelled { get; }

    /// <summary>One value of every epoch, by name (<see cref="EpochResult.Metrics"/>), as Keras's <c>history.history[name]</c>.</summary>
    /// <exception cref="KeyNotFoundException">An epoch has no value of that name.</exception>
    public IReadOnlyList<double> this[string name] => Epochs.Select(epoch => epoch.Metrics.TryGetValue(name, out double value)
        ? value
        : throw new KeyNotFoundException($"Epoch {epoch.Epoch} has no '{name}'; it has: {string.Join(", ", epoch.Metrics.Keys)}.")).ToList();
}

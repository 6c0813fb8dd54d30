using System.Collections.Generic;

namespace NetGen;

/// <summary>What <see cref="Trainer.Fit"/> measured, one result per epoch.</summary>
public sealed class TrainingHistory
{
    /// <summary>Wraps the results of the epochs, in order.</summary>
    public TrainingHistory(IReadOnlyList<EpochResult> epochs) => Epochs = epochs;

    /// <summary>The result of every epoch, in order.</summary>
    public IReadOnlyList<EpochResult> Epochs { get; }
}

using System;
using System.Collections.Generic;

namespace NetGen;

/// <summary>The outcome of one training epoch.</summary>
/// <param name="Epoch">The epoch number, from 1.</param>
/// <param name="TrainingLoss">
/// The mean training loss of the epoch's mini-batches, weighted by their sizes, each measured before its update; batches
/// left out (<see cref="SkippedBatches"/>) do not count, and it is NaN when every batch was left out.
/// </param>
/// <param name="ValidationLoss">The mean loss on the validation data after the epoch, or null without validation data.</param>
/// <param name="ValidationAccuracy">
/// The fraction of validation samples classified correctly after the epoch (see <see cref="Evaluation.Accuracy"/>),
/// <see cref="double.NaN"/> for a regression network, or null without validation data.
/// </param>
/// <param name="Elapsed">The time the epoch took, validation included.</param>
/// <param name="SkippedBatches">
/// The number of mini-batches left out because their loss, inputs or targets were not finite (<see cref="NonFiniteLoss.SkipBatch"/>); 0 otherwise.
/// </param>
public sealed record EpochResult(
    int Epoch, double TrainingLoss, double? ValidationLoss, double? ValidationAccuracy, TimeSpan Elapsed, int SkippedBatches = 0)
{
    /// <summary>
    /// Every value of the epoch by name, as Keras's <c>logs</c>: <c>loss</c>, each of <see cref="TrainingOptions.Metrics"/>
    /// on the training batches, and with validation data <c>val_loss</c>, <c>val_accuracy</c> (where accuracy is defined)
    /// and <c>val_</c> + each metric. Without metrics given: the loss and the validation's.
    /// </summary>
    public IReadOnlyDictionary<string, double> Metrics
    {
        get => field ??= Standard();
        init;
    }

    private Dictionary<string, double> Standard()
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal) { ["loss"] = TrainingLoss };
        if (ValidationLoss is double validationLoss)
        {
            values["val_loss"] = validationLoss;
        }
        if (ValidationAccuracy is double validationAccuracy && !double.IsNaN(validationAccuracy))
        {
            values["val_accuracy"] = validationAccuracy;
        }
        return values;
    }
}

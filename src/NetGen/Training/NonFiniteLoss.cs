namespace NetGen;

/// <summary>
/// What <see cref="Trainer.Fit"/> does with a mini-batch that is not finite: its inputs or targets hold a NaN or infinite
/// value, or its loss is NaN or infinite.
/// Set by <see cref="TrainingOptions.NonFiniteLoss"/>.
/// </summary>
public enum NonFiniteLoss
{
    /// <summary>
    /// Throw a <see cref="NonFiniteLossException"/> naming the epoch, the step, the loss and where the non-finite values
    /// appeared (the default). A batch whose inputs or targets are not finite is found before its step, so the parameters
    /// keep their values; see <see cref="NonFiniteLossException.ParametersUpdated"/> for the one case where the step was taken.
    /// </summary>
    Stop,

    /// <summary>
    /// Leave the batch out: no update of the parameters, the optimizer's state or the running statistics, and its loss is
    /// not counted; <see cref="EpochResult.SkippedBatches"/> counts such batches. Each step then computes the gradients
    /// before the optimizer's update (the unfused step of <see cref="INetwork{T}.TrainStep"/>), so that a non-finite loss
    /// is seen before anything changes.
    /// </summary>
    SkipBatch,

    /// <summary>Train on without looking, as before this option existed: a NaN spreads into the parameters in silence.</summary>
    Continue,
}

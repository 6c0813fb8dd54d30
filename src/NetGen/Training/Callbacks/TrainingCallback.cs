namespace NetGen;

/// <summary>
/// Code run by <see cref="Trainer.Fit"/> at the start and end of training, of every epoch and of every mini-batch
/// (<see cref="TrainingOptions.Callbacks"/>), as Keras's <c>keras.callbacks.Callback</c>. Override the hooks you need; they run on
/// the training thread, in the order the callbacks are listed. A callback stops training by setting
/// <see cref="TrainingContext.StopTraining"/>; the history so far is returned.
/// </summary>
public abstract class TrainingCallback
{
    /// <summary>Before the first epoch.</summary>
    public virtual void OnTrainBegin(TrainingContext context)
    {
    }

    /// <summary>Before an epoch's first mini-batch.</summary>
    public virtual void OnEpochBegin(TrainingContext context)
    {
    }

    /// <summary>Before a mini-batch is trained.</summary>
    public virtual void OnBatchBegin(TrainingContext context, int batch)
    {
    }

    /// <summary>After a mini-batch is trained, with its loss (measured before its update).</summary>
    public virtual void OnBatchEnd(TrainingContext context, int batch, double loss)
    {
    }

    /// <summary>After an epoch and its validation, with its result (every metric in <see cref="EpochResult.Metrics"/>).</summary>
    public virtual void OnEpochEnd(TrainingContext context, EpochResult result)
    {
    }

    /// <summary>After the last epoch, or when training stopped early or was cancelled.</summary>
    public virtual void OnTrainEnd(TrainingContext context)
    {
    }
}

namespace NetGen;

/// <summary>Where training is, reported by <see cref="Trainer.Fit"/> after every mini-batch (enough to drive a progress bar).</summary>
/// <param name="Epoch">The current epoch, from 1.</param>
/// <param name="Epochs">The number of epochs.</param>
/// <param name="Batch">The mini-batch just trained, from 1.</param>
/// <param name="BatchesPerEpoch">The number of mini-batches per epoch, the last one possibly partial.</param>
/// <param name="SamplesSeen">The number of samples trained on so far in this epoch.</param>
/// <param name="SamplesPerEpoch">The number of training samples.</param>
/// <param name="RunningLoss">The mean training loss of this epoch so far, weighted by mini-batch size.</param>
/// <param name="EpochResult">The epoch's result (after validation) on its last mini-batch; null otherwise.</param>
/// <param name="Gradients">
/// The <see cref="TrainingOptions.Monitor"/>'s report when it measured after this mini-batch; null otherwise. The monitor
/// reuses the instance at its next measurement: read it in the handler (a <see cref="System.Progress{T}"/> handler runs later,
/// on another thread, and may see a newer measurement).
/// </param>
public readonly record struct TrainingProgress(
    int Epoch, int Epochs, int Batch, int BatchesPerEpoch, int SamplesSeen, int SamplesPerEpoch, double RunningLoss, EpochResult? EpochResult,
    GradientReport? Gradients = null);

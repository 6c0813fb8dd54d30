using System;
using System.Globalization;

namespace NetGen;

/// <summary>
/// Saves the network's weights (safetensors, <see cref="NetworkWeights"/>) during training, as Keras's
/// <c>keras.callbacks.ModelCheckpoint</c> with <c>save_weights_only</c>: after every <c>every</c>-th epoch, or, with
/// <c>saveBestOnly</c>, after each epoch that improves the monitored metric. A <c>{epoch}</c> in the path is replaced by
/// the epoch number; otherwise each save replaces the last, atomically. (For checkpoints that resume training with the
/// optimizer's state, use <see cref="TrainingOptions.CheckpointPath"/>.)
/// </summary>
public sealed class ModelCheckpoint : TrainingCallback
{
    private readonly string _path;
    private readonly MonitoredMetric? _monitored;
    private readonly int _every;

    /// <summary>Creates the callback.</summary>
    /// <param name="path">The file to write, possibly with <c>{epoch}</c>.</param>
    /// <param name="saveBestOnly">Whether to save only when <paramref name="monitor"/> improves. Default false.</param>
    /// <param name="monitor">With <paramref name="saveBestOnly"/>, the metric to watch. Default <c>val_loss</c>, as Keras.</param>
    /// <param name="mode">Whether the metric improves down or up; <see cref="MetricMode.Auto"/> by its name.</param>
    /// <param name="every">Without <paramref name="saveBestOnly"/>, save after every epoch whose number is a multiple of this, at least 1. Default 1.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="every"/> is less than 1.</exception>
    public ModelCheckpoint(string path, bool saveBestOnly = false, string monitor = "val_loss", MetricMode mode = MetricMode.Auto, int every = 1)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentOutOfRangeException.ThrowIfLessThan(every, 1);
        _path = path;
        _monitored = saveBestOnly ? new MonitoredMetric(monitor, mode, 0, nameof(ModelCheckpoint)) : null;
        _every = every;
    }

    /// <summary>The file written last, or null before the first save.</summary>
    public string? LastSaved { get; private set; }

    /// <inheritdoc/>
    public override void OnTrainBegin(TrainingContext context) => _monitored?.CheckAvailable(context);

    /// <inheritdoc/>
    public override void OnEpochEnd(TrainingContext context, EpochResult result)
    {
        bool save = _monitored is null ? result.Epoch % _every == 0 : _monitored.Improved(result);
        if (save)
        {
            LastSaved = _path.Replace("{epoch}", result.Epoch.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
            context.SaveWeights(LastSaved);
        }
    }
}

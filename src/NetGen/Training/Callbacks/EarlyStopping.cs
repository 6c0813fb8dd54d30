namespace NetGen;

/// <summary>
/// Stops training when a metric has stopped improving, as Keras's <c>keras.callbacks.EarlyStopping</c>: after
/// <c>patience</c> epochs without an improvement of more than <c>minDelta</c>; with <c>restoreBestWeights</c>, the
/// parameters of the best epoch are put back at the end of training (stopped early or not, as Keras 3 does).
/// </summary>
public sealed class EarlyStopping : TrainingCallback
{
    private readonly MonitoredMetric _monitored;
    private readonly int _patience;
    private readonly bool _restoreBestWeights;
    private int _epochsWithoutImprovement;
    private ParameterSnapshot? _best;

    /// <summary>Creates the callback.</summary>
    /// <param name="monitor">The metric to watch, a name of <see cref="TrainingContext.MetricNames"/>. Default <c>val_loss</c>, as Keras.</param>
    /// <param name="patience">The epochs without improvement to allow before stopping, at least 0. Default 0, as Keras.</param>
    /// <param name="minDelta">The least change that counts as an improvement, at least 0. Default 0.</param>
    /// <param name="mode">Whether the metric improves down or up; <see cref="MetricMode.Auto"/> by its name.</param>
    /// <param name="restoreBestWeights">Whether to put back the best epoch's parameters when training ends. Default false, as Keras.</param>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="patience"/> or <paramref name="minDelta"/> is negative.</exception>
    public EarlyStopping(string monitor = "val_loss", int patience = 0, double minDelta = 0, MetricMode mode = MetricMode.Auto, bool restoreBestWeights = false)
    {
        System.ArgumentOutOfRangeException.ThrowIfNegative(patience);
        _monitored = new MonitoredMetric(monitor, mode, minDelta, nameof(EarlyStopping));
        _patience = patience;
        _restoreBestWeights = restoreBestWeights;
    }

    /// <summary>The epoch training was stopped after, or null when it was not stopped by this callback.</summary>
    public int? StoppedEpoch { get; private set; }

    /// <summary>The epoch with the best value, from 1 (0 before the first epoch).</summary>
    public int BestEpoch { get; private set; }

    /// <inheritdoc/>
    public override void OnTrainBegin(TrainingContext context) => _monitored.CheckAvailable(context);

    /// <inheritdoc/>
    public override void OnEpochEnd(TrainingContext context, EpochResult result)
    {
        if (_monitored.Improved(result))
        {
            BestEpoch = result.Epoch;
            _epochsWithoutImprovement = 0;
            _best = _restoreBestWeights ? context.SnapshotParameters() : null;
            return;
        }
        _epochsWithoutImprovement++;
        // Keras stops once the epochs without improvement reach the patience (at the first such epoch for patience 0).
        if (_epochsWithoutImprovement >= _patience)
        {
            StoppedEpoch = result.Epoch;
            context.StopTraining = true;
            context.StopReason = string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"EarlyStopping: {_monitored.Name} did not improve for {_epochsWithoutImprovement} epoch(s); best {_monitored.Best:G6} at epoch {BestEpoch}");
        }
    }

    /// <inheritdoc/>
    public override void OnTrainEnd(TrainingContext context)
    {
        if (_best is not null)
        {
            context.RestoreParameters(_best);
        }
    }
}

using System;

namespace NetGen;

/// <summary>See <see cref="LearningRateSchedule.ReduceOnPlateau"/>. It keeps state: use one instance per run.</summary>
public sealed class ReduceOnPlateau : LearningRateSchedule
{
    private readonly double _factor;
    private readonly int _patience;
    private readonly double _threshold;
    private readonly int _cooldown;
    private readonly double _minimumRate;
    private double _best = double.PositiveInfinity;
    private int _badEpochs;
    private int _cooldownLeft;

    internal ReduceOnPlateau(double factor, int patience, double threshold, int cooldown, double minimumRate)
    {
        if (!(factor > 0 && factor < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(factor), factor, "The factor must be between 0 and 1 (exclusive); PyTorch's default is 0.1.");
        }
        ArgumentOutOfRangeException.ThrowIfNegative(patience);
        ArgumentOutOfRangeException.ThrowIfNegative(cooldown);
        _factor = factor;
        _patience = patience;
        _threshold = HyperParameters.NonNegative(threshold, nameof(threshold));
        _cooldown = cooldown;
        _minimumRate = HyperParameters.NonNegative(minimumRate, nameof(minimumRate));
    }

    /// <summary>The factor the initial rate is multiplied by now: 1 until the first plateau.</summary>
    public double Scale { get; private set; } = 1;

    /// <inheritdoc/>
    public override double LearningRate(double initialRate, SchedulePosition position) => Math.Max(_minimumRate, initialRate * Scale);

    /// <inheritdoc/>
    public override void EpochEnded(EpochResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        double metric = result.ValidationLoss ?? result.TrainingLoss;
        if (metric < _best * (1 - _threshold))
        {
            _best = metric;
            _badEpochs = 0;
        }
        else
        {
            _badEpochs++;
        }
        if (_cooldownLeft > 0)
        {
            _cooldownLeft--;
            _badEpochs = 0;
        }
        if (_badEpochs > _patience)
        {
            Scale *= _factor;
            _cooldownLeft = _cooldown;
            _badEpochs = 0;
        }
    }
}

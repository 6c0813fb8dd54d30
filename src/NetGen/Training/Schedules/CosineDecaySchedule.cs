using System;

namespace NetGen;

/// <summary>See <see cref="LearningRateSchedule.CosineDecay"/>.</summary>
internal sealed class CosineDecaySchedule : LearningRateSchedule
{
    private readonly int _warmupSteps;
    private readonly double _minimumRate;

    public CosineDecaySchedule(int warmupSteps, double minimumRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(warmupSteps);
        _warmupSteps = warmupSteps;
        _minimumRate = HyperParameters.NonNegative(minimumRate, nameof(minimumRate));
    }

    public override double LearningRate(double initialRate, SchedulePosition position)
    {
        if (position.Step < _warmupSteps)
        {
            return initialRate * (position.Step + 1) / _warmupSteps;
        }
        long decaySteps = position.TotalSteps - _warmupSteps;
        double progress = decaySteps <= 1 ? 1 : Math.Min(1, (double)(position.Step - _warmupSteps) / (decaySteps - 1));
        return _minimumRate + (initialRate - _minimumRate) * (1 + Math.Cos(Math.PI * progress)) / 2;
    }
}

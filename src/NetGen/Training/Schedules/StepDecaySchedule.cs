using System;

namespace NetGen;

/// <summary>See <see cref="LearningRateSchedule.StepDecay"/>.</summary>
internal sealed class StepDecaySchedule : LearningRateSchedule
{
    private readonly int _stepSize;
    private readonly double _gamma;

    public StepDecaySchedule(int stepSize, double gamma)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stepSize);
        _stepSize = stepSize;
        _gamma = HyperParameters.Positive(gamma, nameof(gamma));
    }

    public override double LearningRate(double initialRate, SchedulePosition position) =>
        initialRate * Math.Pow(_gamma, (position.Epoch - 1) / _stepSize);
}

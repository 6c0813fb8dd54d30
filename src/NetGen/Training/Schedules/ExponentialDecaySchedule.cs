using System;

namespace NetGen;

/// <summary>See <see cref="LearningRateSchedule.ExponentialDecay"/>.</summary>
internal sealed class ExponentialDecaySchedule(double gamma) : LearningRateSchedule
{
    private readonly double _gamma = HyperParameters.Positive(gamma, nameof(gamma));

    public override double LearningRate(double initialRate, SchedulePosition position) => initialRate * Math.Pow(_gamma, position.Epoch - 1);
}

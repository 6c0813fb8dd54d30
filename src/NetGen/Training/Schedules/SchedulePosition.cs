namespace NetGen;

/// <summary>Where training is when a <see cref="LearningRateSchedule"/> is asked for the rate of the next step.</summary>
/// <param name="Step">The step about to be taken, from 0, counted over the whole run (a resumed run continues the count).</param>
/// <param name="Epoch">Its epoch, from 1.</param>
/// <param name="StepsPerEpoch">The mini-batches per epoch.</param>
/// <param name="Epochs">The number of epochs of the run.</param>
public readonly record struct SchedulePosition(long Step, int Epoch, int StepsPerEpoch, int Epochs)
{
    /// <summary>The steps of the whole run: <see cref="StepsPerEpoch"/> × <see cref="Epochs"/>.</summary>
    public long TotalSteps => (long)StepsPerEpoch * Epochs;
}

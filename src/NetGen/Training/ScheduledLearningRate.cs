using System;
using System.Numerics;

namespace NetGen;

/// <summary>Sets the optimizer's learning rate before every step from <see cref="TrainingOptions.Schedule"/>.</summary>
internal sealed class ScheduledLearningRate<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly IAdjustableLearningRate? _optimizer;
    private readonly LearningRateSchedule? _schedule;
    private readonly double _initialRate;

    public ScheduledLearningRate(IOptimizer<T> optimizer, LearningRateSchedule? schedule)
    {
        _schedule = schedule;
        if (schedule is not null)
        {
            _optimizer = optimizer as IAdjustableLearningRate ?? throw new ArgumentException(
                $"TrainingOptions.Schedule sets the optimizer's learning rate, but {optimizer.GetType().Name} has none to set; " +
                "use Sgd, Adam or AdamW, or implement IAdjustableLearningRate.", nameof(optimizer));
            _initialRate = _optimizer.LearningRate;
        }
    }

    public void BeforeStep(SchedulePosition position)
    {
        if (_schedule is not null)
        {
            _optimizer!.LearningRate = _schedule.LearningRate(_initialRate, position);
        }
    }

    public void EpochEnded(EpochResult result) => _schedule?.EpochEnded(result);
}

using System;

namespace NetGen;

/// <summary>See <see cref="LearningRateSchedule.OneCycle"/>; the phases end where PyTorch's do (steps pct·total − 1 and total − 1).</summary>
internal sealed class OneCycleSchedule : LearningRateSchedule
{
    private readonly double? _maximumRate;
    private readonly double _warmupFraction;
    private readonly double _divFactor;
    private readonly double _finalDivFactor;

    public OneCycleSchedule(double? maximumRate, double warmupFraction, double divFactor, double finalDivFactor)
    {
        if (maximumRate is double rate)
        {
            HyperParameters.Positive(rate, nameof(maximumRate));
        }
        if (!(warmupFraction > 0 && warmupFraction < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(warmupFraction), warmupFraction, "The warm-up fraction must be between 0 and 1 (exclusive); PyTorch's default is 0.3.");
        }
        _maximumRate = maximumRate;
        _warmupFraction = warmupFraction;
        _divFactor = AtLeastOne(divFactor, nameof(divFactor));
        _finalDivFactor = AtLeastOne(finalDivFactor, nameof(finalDivFactor));
    }

    public override double LearningRate(double initialRate, SchedulePosition position)
    {
        double peak = _maximumRate ?? initialRate;
        double start = peak / _divFactor, end = start / _finalDivFactor;
        double warmupEnd = _warmupFraction * position.TotalSteps - 1, lastStep = position.TotalSteps - 1;
        double step = Math.Min(position.Step, lastStep);
        return step <= warmupEnd
            ? Anneal(start, peak, warmupEnd <= 0 ? 1 : step / warmupEnd)
            : Anneal(peak, end, (step - warmupEnd) / (lastStep - warmupEnd));
    }

    /// <summary>PyTorch's cosine annealing from <paramref name="from"/> to <paramref name="to"/>, <paramref name="progress"/> in [0, 1].</summary>
    private static double Anneal(double from, double to, double progress) => to + (from - to) / 2 * (1 + Math.Cos(Math.PI * progress));

    private static double AtLeastOne(double value, string name) =>
        value >= 1 ? value : throw new ArgumentOutOfRangeException(name, value, "The factor must be at least 1; PyTorch's defaults are 25 and 1e4.");
}

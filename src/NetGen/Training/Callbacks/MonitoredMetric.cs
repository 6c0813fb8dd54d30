using System;
using System.Linq;

namespace NetGen;

/// <summary>The best value so far of one metric of the epochs' results, for the callbacks that watch one.</summary>
internal sealed class MonitoredMetric
{
    private static readonly string[] HigherIsBetter = ["accuracy", "precision", "recall", "f1"];

    private readonly string _name;
    private readonly bool _higherIsBetter;
    private readonly double _minDelta;

    public MonitoredMetric(string name, MetricMode mode, double minDelta, string callback)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!(minDelta >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(minDelta), minDelta, $"{callback}'s minimum improvement must be at least 0.");
        }
        _name = name;
        _minDelta = minDelta;
        _higherIsBetter = mode == MetricMode.Max
            || mode == MetricMode.Auto && HigherIsBetter.Any(word => name.Contains(word, StringComparison.Ordinal));
        Callback = callback;
    }

    public string Callback { get; }

    public string Name => _name;

    /// <summary>The best value so far, or null before the first epoch.</summary>
    public double? Best { get; private set; }

    /// <summary>Fails at the start of training when the epochs will not hold the metric.</summary>
    public void CheckAvailable(TrainingContext context)
    {
        if (!context.MetricNames.Contains(_name))
        {
            throw new InvalidOperationException(
                $"{Callback} monitors '{_name}', but the epochs' results hold only: {string.Join(", ", context.MetricNames)}. " +
                "Monitor one of those, or give Fit validation data (validation data or TrainingOptions.ValidationSplit) for the val_ metrics.");
        }
    }

    /// <summary>Reads the epoch's value; true when it improves on the best so far by more than the minimum (a NaN never does).</summary>
    public bool Improved(EpochResult result)
    {
        double value = result.Metrics[_name];
        bool improved = !double.IsNaN(value) && (Best is not double best
            || (_higherIsBetter ? value > best + _minDelta : value < best - _minDelta));
        if (improved)
        {
            Best = value;
        }
        return improved;
    }
}

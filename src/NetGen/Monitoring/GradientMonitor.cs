using System;

namespace NetGen;

/// <summary>
/// Measures a network's gradients after a backward pass and raises warnings from published detection rules
/// (<see cref="GradientRule"/>). Create a <see cref="GradientMonitor{T}"/> for a network; this base class lets
/// <see cref="TrainingOptions.Monitor"/> hold a monitor of either precision.
/// </summary>
/// <remarks>
/// Warning policy: a rule fires once per layer when it starts to hold, and not again for that layer until a measurement finds
/// it no longer holding (then it is re-armed). So a layer that stays dead for 10,000 steps raises one warning, and a new one
/// if it recovers and dies again. Once a divergence is found (NGM06, NGM08 or NGM11), the run stays marked as diverged, and
/// the vanishing, dying and saturation warnings that follow say that they come after it. <see cref="Reset"/> re-arms every
/// rule and forgets the divergence and the losses recorded.
/// </remarks>
public abstract class GradientMonitor
{
    private double _firstLoss = double.NaN;
    private bool _lastLossDiverged;
    private bool _lossDivergedSinceMeasurement;
    private double _worstLossRatio;

    private protected GradientMonitor()
    {
    }

    /// <summary>Raised, synchronously on the measuring thread, for every rule that starts to hold in a layer.</summary>
    public event EventHandler<GradientWarning>? Warning;

    /// <summary>The report of the last measurement; the same instance every time, overwritten by <see cref="Measure"/>.</summary>
    public abstract GradientReport Report { get; }

    /// <summary>
    /// Measures the network's current <see cref="INetwork{T}.Gradients"/> and <see cref="INetwork{T}.PreActivations"/> (call it
    /// after <see cref="INetwork{T}.ComputeGradients"/>: a fused <see cref="INetwork{T}.TrainStep"/> does not keep the dense
    /// layers' gradients; <see cref="Trainer"/> does this for you), evaluates the rules, raises
    /// <see cref="Warning"/> for those that start to hold, and returns <see cref="Report"/>. Allocates nothing, except one
    /// <see cref="GradientWarning"/> per warning raised.
    /// </summary>
    public abstract GradientReport Measure();

    /// <summary>
    /// Records the training loss of a step, measured or not, for the diverging-loss rule (NGM11), which the next
    /// <see cref="Measure"/> evaluates over every loss recorded since the previous one. <see cref="Trainer"/> records every step's
    /// loss, and measures at once when this returns true. The first finite, positive loss recorded is the reference.
    /// </summary>
    /// <param name="loss">The step's mean training loss.</param>
    /// <returns>
    /// Whether the loss diverges with this step and did not with the previous one recorded: NaN or infinite, or above
    /// <see cref="GradientThresholds.DivergingLossFactor"/> times the reference. Measure now to see the gradients that diverged.
    /// </returns>
    public bool RecordLoss(double loss)
    {
        if (!(_firstLoss > 0) && double.IsFinite(loss) && loss > 0)
        {
            _firstLoss = loss;
        }
        double ratio = double.IsFinite(loss) ? loss / _firstLoss : double.NaN;
        bool diverges = !double.IsFinite(loss) || ratio > GradientThresholds.DivergingLossFactor;
        bool starts = diverges && !_lastLossDiverged;
        _lastLossDiverged = diverges;
        if (diverges)
        {
            // A NaN or infinite loss is the worst: it stays what the warning reports.
            _worstLossRatio = !_lossDivergedSinceMeasurement ? ratio
                : double.IsNaN(_worstLossRatio) || double.IsNaN(ratio) ? double.NaN
                : Math.Max(_worstLossRatio, ratio);
            _lossDivergedSinceMeasurement = true;
        }
        return starts;
    }

    /// <summary>Re-arms every rule in every layer (a rule that holds at the next measurement fires again), forgets the divergence and the losses recorded.</summary>
    public void Reset()
    {
        _firstLoss = double.NaN;
        _lastLossDiverged = false;
        _lossDivergedSinceMeasurement = false;
        ResetRules();
    }

    /// <summary>The network measured, to check that the trainer is given the monitor of the network it trains.</summary>
    internal abstract object MeasuredNetwork { get; }

    private protected abstract void ResetRules();

    /// <summary>Whether a loss recorded since the last call diverged, and the worst loss ratio among them (NaN for a NaN or infinite loss); clears the record.</summary>
    private protected bool TakeLossDivergence(out double worstRatio)
    {
        bool diverged = _lossDivergedSinceMeasurement;
        worstRatio = _worstLossRatio;
        _lossDivergedSinceMeasurement = false;
        return diverged;
    }

    private protected void Raise(GradientWarning warning) => Warning?.Invoke(this, warning);
}

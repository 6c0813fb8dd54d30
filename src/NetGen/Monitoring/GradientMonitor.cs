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
/// if it recovers and dies again. <see cref="Reset"/> re-arms every rule.
/// </remarks>
public abstract class GradientMonitor
{
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

    /// <summary>Re-arms every rule in every layer: a rule that holds at the next measurement fires again.</summary>
    public abstract void Reset();

    /// <summary>The network measured, to check that the trainer is given the monitor of the network it trains.</summary>
    internal abstract object MeasuredNetwork { get; }

    private protected void Raise(GradientWarning warning) => Warning?.Invoke(this, warning);
}

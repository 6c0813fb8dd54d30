using System;
using System.Numerics;

namespace NetGen;

/// <summary>
/// One training step of <see cref="Trainer.Fit"/> as its options ask: fused (<see cref="INetwork{T}.TrainStep"/>) or with
/// the extras (monitor, clipping), and with <see cref="TrainingOptions.NonFiniteLoss"/>'s handling of a batch that is not finite.
/// </summary>
internal sealed class TrainingStep<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly INetwork<T> _network;
    private readonly IOptimizer<T> _optimizer;
    private readonly TrainingOptions _options;
    private readonly GradientMonitor<T>? _monitor;
    private readonly MiniBatches<T> _batches;
    private readonly bool _withExtras;
    private readonly T[] _savedState;

    public TrainingStep(INetwork<T> network, IOptimizer<T> optimizer, TrainingOptions options, GradientMonitor<T>? monitor, MiniBatches<T> batches)
    {
        _network = network;
        _optimizer = optimizer;
        _options = options;
        _monitor = monitor;
        _batches = batches;
        _withExtras = monitor is not null || options.ClipGradientValue is not null || options.ClipGradientNorm is not null;
        _savedState = options.NonFiniteLoss == NonFiniteLoss.Continue ? [] : new T[network.State.Length];
    }

    /// <summary>
    /// Trains on batch <paramref name="batch"/> (from 0), whose inputs and targets are given; returns false when the batch
    /// was left out (<see cref="NonFiniteLoss.SkipBatch"/>), with nothing changed.
    /// </summary>
    /// <exception cref="NonFiniteLossException">The batch is not finite and <see cref="TrainingOptions.NonFiniteLoss"/> is <see cref="NonFiniteLoss.Stop"/>.</exception>
    public bool Take(
        ReadOnlySpan<T> inputs, ReadOnlySpan<T> targets, int size, int batch, StepPosition position, out T loss, out GradientReport? report)
    {
        report = null;
        NonFiniteLoss policy = _options.NonFiniteLoss;
        if (policy == NonFiniteLoss.Continue)
        {
            loss = _withExtras ? GradientsThenUpdate(inputs, targets, size, position.Step - 1, out report) : _network.TrainStep(inputs, targets, size, _optimizer);
            return true;
        }

        // Reading the batch once costs little next to its forward pass (inputs × units multiply-adds per sample), and finds a
        // bad sample before anything changes, also before a fused step, whose loss is known only after its update.
        int row = NonFiniteBatch.FirstNonFiniteRow(inputs, targets, _network.InputSize, _network.OutputSize, size);
        if (row >= 0)
        {
            loss = T.NaN;
            return policy == NonFiniteLoss.SkipBatch
                ? false
                : throw NonFiniteBatch.ForData(_network, inputs, targets, size, row, _batches.SampleIndex(batch, row), position);
        }
        if (policy == NonFiniteLoss.Stop && !_withExtras && _optimizer is IElementwiseOptimizer<T>)
        {
            // The fused step knows its loss only after its update; finite inputs and targets make a non-finite loss rare (an overflow).
            loss = _network.TrainStep(inputs, targets, size, _optimizer);
            return T.IsFinite(loss)
                ? true
                : throw NonFiniteBatch.ForLoss(_network, double.CreateTruncating(loss), position, gradientsKept: false, parametersUpdated: true);
        }

        // ComputeGradients updates the running statistics of batch normalization: keep them to restore for a batch left out.
        _network.State.CopyTo(_savedState);
        loss = _network.ComputeGradients(inputs, targets, size);
        if (!T.IsFinite(loss))
        {
            _savedState.CopyTo(_network.State);
            return policy == NonFiniteLoss.SkipBatch
                ? false
                : throw NonFiniteBatch.ForLoss(_network, double.CreateTruncating(loss), position, gradientsKept: true, parametersUpdated: false);
        }
        report = UpdateWithExtras(loss, position.Step - 1);
        return true;
    }

    /// <summary>The unfused step: gradients, then the extras and the optimizer's update.</summary>
    private T GradientsThenUpdate(ReadOnlySpan<T> inputs, ReadOnlySpan<T> targets, int size, long stepIndex, out GradientReport? report)
    {
        T loss = _network.ComputeGradients(inputs, targets, size);
        report = UpdateWithExtras(loss, stepIndex);
        return loss;
    }

    /// <summary>After the gradients: the monitor's measurement when due (before clipping), clipping, the optimizer's step.</summary>
    private GradientReport? UpdateWithExtras(T loss, long stepIndex)
    {
        // Every step's loss goes to the monitor; a loss that starts to diverge is measured at once, before the units die or turn NaN.
        bool diverging = _monitor is not null && _monitor.RecordLoss(double.CreateTruncating(loss));
        GradientReport? report = _monitor is not null && (diverging || stepIndex % _options.MonitorInterval == 0) ? _monitor.Measure() : null;
        if (_options.ClipGradientValue is double maxValue)
        {
            GradientClipping.ClipByValue(_network.Gradients, maxValue);
        }
        if (_options.ClipGradientNorm is double maxNorm)
        {
            GradientClipping.ClipByGlobalNorm(_network.Gradients, maxNorm);
        }
        _optimizer.Step(_network.Parameters, _network.Gradients);
        return report;
    }
}

using System;
using System.Collections.Generic;
using System.Numerics;

namespace NetGen;

/// <summary>
/// What <see cref="Adam{T}"/> and <see cref="AdamW{T}"/> share: the hyper-parameters, the two moments per parameter and
/// their checkpoint state. They differ only in how <see cref="WeightDecay"/> applies.
/// </summary>
/// <typeparam name="T"><see cref="float"/> or <see cref="double"/>.</typeparam>
public abstract class AdamBase<T> : ICheckpointableOptimizer<T>, IElementwiseOptimizer<T>, IAdjustableLearningRate where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly AdamUpdate<T> _update = new();
    private readonly bool _decoupledWeightDecay;
    private double _learningRate;

    /// <exception cref="ArgumentOutOfRangeException">A hyper-parameter is outside its range.</exception>
    private protected AdamBase(double learningRate, double beta1, double beta2, double epsilon, double weightDecay, bool decoupledWeightDecay)
    {
        _learningRate = HyperParameters.Positive(learningRate, nameof(learningRate));
        Beta1 = HyperParameters.UnitInterval(beta1, nameof(beta1));
        Beta2 = HyperParameters.UnitInterval(beta2, nameof(beta2));
        Epsilon = HyperParameters.Positive(epsilon, nameof(epsilon));
        WeightDecay = HyperParameters.NonNegative(weightDecay, nameof(weightDecay));
        _decoupledWeightDecay = decoupledWeightDecay;
    }

    /// <summary>The step size, greater than 0. It may be changed between steps (for a learning-rate schedule).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not greater than 0.</exception>
    public double LearningRate
    {
        get => _learningRate;
        set => _learningRate = HyperParameters.Positive(value, nameof(LearningRate));
    }

    /// <summary>The decay of the first-moment (mean) average, in [0, 1).</summary>
    public double Beta1 { get; }

    /// <summary>The decay of the second-moment (uncentered variance) average, in [0, 1).</summary>
    public double Beta2 { get; }

    /// <summary>The term added to the denominator for numerical stability.</summary>
    public double Epsilon { get; }

    /// <summary>
    /// The weight-decay factor: <see cref="Adam{T}"/> adds <c>WeightDecay · p</c> to the gradient (an L2 penalty, coupled);
    /// <see cref="AdamW{T}"/> multiplies every parameter by <c>1 − LearningRate · WeightDecay</c> before the step (decoupled).
    /// </summary>
    public double WeightDecay { get; }

    /// <inheritdoc/>
    public void Step(Span<T> parameters, ReadOnlySpan<T> gradients) => WholeStep.Run(this, parameters, gradients);

    /// <inheritdoc/>
    public void BeginStep(int parameterCount) =>
        _update.BeginStep(parameterCount, _learningRate, Beta1, Beta2, Epsilon,
            coupledDecay: _decoupledWeightDecay ? 0 : WeightDecay, decoupledDecay: _decoupledWeightDecay ? WeightDecay : 0);

    /// <inheritdoc/>
    public void Update(int offset, Span<T> parameters, ReadOnlySpan<T> gradients) => _update.Update(offset, parameters, gradients);

    /// <inheritdoc/>
    public long StepCount => _update.StepCount;

    /// <summary>The first and second moments, <c>exp_avg</c> and <c>exp_avg_sq</c> (PyTorch's names).</summary>
    public IReadOnlyList<string> StateNames => AdamUpdate<T>.StateNames;

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, T[]> ExportState() => _update.ExportState();

    /// <inheritdoc/>
    public void ImportState(IReadOnlyDictionary<string, T[]> tensors, long stepCount) => _update.ImportState(tensors, stepCount);
}

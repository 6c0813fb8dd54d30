using System;
using System.Collections.Generic;
using System.Numerics;

namespace NetGen;

/// <summary>
/// Adam (Kingma &amp; Ba), bias-corrected, following PyTorch's <c>torch.optim.Adam</c> (no AMSGrad). With <c>g</c> the gradient
/// and <c>t</c> the step number, from 1:
/// <code>
/// g = g + WeightDecay · p                (L2 penalty coupled to the gradient; only if WeightDecay ≠ 0)
/// m = Beta1 · m + (1 − Beta1) · g
/// v = Beta2 · v + (1 − Beta2) · g²
/// p = p − LearningRate · m̂ / (√v̂ + Epsilon),   m̂ = m / (1 − Beta1ᵗ),  v̂ = v / (1 − Beta2ᵗ)
/// </code>
/// Weight decay applies to every parameter, biases included, as PyTorch does for parameters without parameter groups.
/// For decoupled weight decay use <see cref="AdamW{T}"/>.
/// </summary>
/// <typeparam name="T"><see cref="float"/> or <see cref="double"/>.</typeparam>
public sealed class Adam<T> : ICheckpointableOptimizer<T>, IElementwiseOptimizer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly AdamUpdate<T> _update = new();
    private double _learningRate;

    /// <summary>Creates the optimizer. Its state (two moments per parameter) is allocated at the first step.</summary>
    /// <param name="learningRate">The step size, greater than 0. Default 0.001, as in PyTorch and Keras.</param>
    /// <param name="beta1">The decay of the first-moment average, in [0, 1). Default 0.9, as in PyTorch and Keras.</param>
    /// <param name="beta2">The decay of the second-moment average, in [0, 1). Default 0.999, as in PyTorch and Keras.</param>
    /// <param name="epsilon">Added to the denominator, greater than 0. Default 1e-8, as in PyTorch (Keras uses 1e-7).</param>
    /// <param name="weightDecay">The L2 penalty factor, at least 0, added to the gradient as <c>weightDecay · p</c>. Default 0, as in PyTorch.</param>
    /// <exception cref="ArgumentOutOfRangeException">A hyper-parameter is outside its range.</exception>
    public Adam(double learningRate = 0.001, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8, double weightDecay = 0)
    {
        _learningRate = HyperParameters.Positive(learningRate, nameof(learningRate));
        Beta1 = HyperParameters.UnitInterval(beta1, nameof(beta1));
        Beta2 = HyperParameters.UnitInterval(beta2, nameof(beta2));
        Epsilon = HyperParameters.Positive(epsilon, nameof(epsilon));
        WeightDecay = HyperParameters.NonNegative(weightDecay, nameof(weightDecay));
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

    /// <summary>The L2 penalty factor added to the gradient (coupled weight decay).</summary>
    public double WeightDecay { get; }

    /// <inheritdoc/>
    public void Step(Span<T> parameters, ReadOnlySpan<T> gradients) => WholeStep.Run(this, parameters, gradients);

    /// <inheritdoc/>
    public void BeginStep(int parameterCount) =>
        _update.BeginStep(parameterCount, _learningRate, Beta1, Beta2, Epsilon, coupledDecay: WeightDecay, decoupledDecay: 0);

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

using System;
using System.Numerics;

namespace NetGen;

/// <summary>
/// Adam with decoupled weight decay (Loshchilov &amp; Hutter), following PyTorch's <c>torch.optim.AdamW</c> (no AMSGrad).
/// Each step first shrinks every parameter, then takes the bias-corrected Adam step on the unmodified gradient:
/// <code>
/// p = p − LearningRate · WeightDecay · p
/// m = Beta1 · m + (1 − Beta1) · g
/// v = Beta2 · v + (1 − Beta2) · g²
/// p = p − LearningRate · m̂ / (√v̂ + Epsilon),   m̂ = m / (1 − Beta1ᵗ),  v̂ = v / (1 − Beta2ᵗ)
/// </code>
/// Weight decay applies to every parameter, biases included, as PyTorch does for parameters without parameter groups.
/// </summary>
/// <typeparam name="T"><see cref="float"/> or <see cref="double"/>.</typeparam>
public sealed class AdamW<T> : AdamBase<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Creates the optimizer. Its state (two moments per parameter) is allocated at the first step.</summary>
    /// <param name="learningRate">The step size, greater than 0. Default 0.001, as in PyTorch and Keras.</param>
    /// <param name="beta1">The decay of the first-moment average, in [0, 1). Default 0.9, as in PyTorch and Keras.</param>
    /// <param name="beta2">The decay of the second-moment average, in [0, 1). Default 0.999, as in PyTorch and Keras.</param>
    /// <param name="epsilon">Added to the denominator, greater than 0. Default 1e-8, as in PyTorch (Keras uses 1e-7).</param>
    /// <param name="weightDecay">
    /// The decoupled decay factor, at least 0: each step multiplies every parameter by <c>1 − learningRate · weightDecay</c>.
    /// Default 0.01, as in PyTorch (Keras uses 0.004).
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException">A hyper-parameter is outside its range.</exception>
    public AdamW(double learningRate = 0.001, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8, double weightDecay = 0.01)
        : base(learningRate, beta1, beta2, epsilon, weightDecay, decoupledWeightDecay: true)
    {
    }
}

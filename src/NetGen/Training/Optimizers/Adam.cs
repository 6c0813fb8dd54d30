using System;
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
public sealed class Adam<T> : AdamBase<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Creates the optimizer. Its state (two moments per parameter) is allocated at the first step.</summary>
    /// <param name="learningRate">The step size, greater than 0. Default 0.001, as in PyTorch and Keras.</param>
    /// <param name="beta1">The decay of the first-moment average, in [0, 1). Default 0.9, as in PyTorch and Keras.</param>
    /// <param name="beta2">The decay of the second-moment average, in [0, 1). Default 0.999, as in PyTorch and Keras.</param>
    /// <param name="epsilon">Added to the denominator, greater than 0. Default 1e-8, as in PyTorch (Keras uses 1e-7).</param>
    /// <param name="weightDecay">The L2 penalty factor, at least 0, added to the gradient as <c>weightDecay · p</c>. Default 0, as in PyTorch.</param>
    /// <exception cref="ArgumentOutOfRangeException">A hyper-parameter is outside its range.</exception>
    public Adam(double learningRate = 0.001, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8, double weightDecay = 0)
        : base(learningRate, beta1, beta2, epsilon, weightDecay, decoupledWeightDecay: false)
    {
    }
}

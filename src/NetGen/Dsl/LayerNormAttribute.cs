using System;

namespace NetGen;

/// <summary>
/// Layer normalization of the previous layer's outputs, each sample over its features (Ba et al. 2016):
/// <c>x̂ = (x − μ) / √(σ² + ε)</c>, then <c>a = activation(γ·x̂ + β)</c> with learned scale γ (starts at 1) and shift β (starts at 0).
/// Computes the same in training and inference mode, and works with any batch size.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class LayerNormAttribute : Attribute
{
    /// <summary>Added to the variance before the square root. Default 1e-5, as PyTorch (Keras uses 1e-3).</summary>
    public double Epsilon { get; set; } = 1e-5;

    /// <summary>The activation applied after scale and shift. Default <see cref="Activation.Identity"/>.</summary>
    public Activation Activation { get; set; } = Activation.Identity;

    /// <summary>The slope for <c>z &lt; 0</c> of <see cref="Activation.LeakyReLU"/>. Default 0.01.</summary>
    public double NegativeSlope { get; set; } = 0.01;

    /// <summary>The alpha of <see cref="Activation.ELU"/>. Default 1.0.</summary>
    public double Alpha { get; set; } = 1.0;
}

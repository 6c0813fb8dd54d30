using System;

namespace NetGen;

/// <summary>
/// Batch normalization of the previous layer's outputs (or of the network's inputs when first), each feature over the batch:
/// <c>x̂ = (x − μ) / √(σ² + ε)</c>, then <c>a = activation(γ·x̂ + β)</c> with learned scale γ (starts at 1) and shift β (starts at 0).
/// In training mode μ and σ² are the batch's (at least 2 samples), and each <c>ComputeGradients</c> moves the running
/// statistics toward them by <see cref="Momentum"/>; in inference mode (<c>IsTraining = false</c>) the running statistics are used.
/// </summary>
/// <example>Linear, then normalization, then the nonlinearity (Ioffe &amp; Szegedy 2015):
/// <code>
/// [Dense(100)]
/// [BatchNorm(Activation = Activation.Sigmoid)]
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class BatchNormAttribute : Attribute
{
    /// <summary>The weight of the current batch in the running statistics: <c>running = (1 − m)·running + m·batch</c>. Default 0.1, as PyTorch (Keras's 0.99 is 1 − m).</summary>
    public double Momentum { get; set; } = 0.1;

    /// <summary>Added to the variance before the square root. Default 1e-5, as PyTorch (Keras uses 1e-3).</summary>
    public double Epsilon { get; set; } = 1e-5;

    /// <summary>The activation applied after scale and shift. Default <see cref="Activation.Identity"/>.</summary>
    public Activation Activation { get; set; } = Activation.Identity;

    /// <summary>The slope for <c>z &lt; 0</c> of <see cref="Activation.LeakyReLU"/>. Default 0.01.</summary>
    public double NegativeSlope { get; set; } = 0.01;

    /// <summary>The alpha of <see cref="Activation.ELU"/>. Default 1.0.</summary>
    public double Alpha { get; set; } = 1.0;
}

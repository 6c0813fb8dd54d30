using System;

namespace NetGen;

/// <summary>
/// A parametric ReLU of the previous layer's outputs (He et al. 2015): <c>a = x</c> for <c>x &gt; 0</c>, else <c>slope·x</c>,
/// the slopes learned with the other parameters. Declare the layer before it with <see cref="Activation.Identity"/>.
/// </summary>
/// <example>
/// <code>
/// [Dense(128, Init = Init.HeNormal)]
/// [PReLU]
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class PReLUAttribute : Attribute
{
    /// <summary>
    /// Whether one slope serves every feature (PyTorch's <c>nn.PReLU()</c>, <c>num_parameters = 1</c>) rather than one slope per
    /// feature (Keras's <c>PReLU</c>; He et al.'s channel-wise form). Default false: one per feature.
    /// </summary>
    public bool SharedSlope { get; set; }

    /// <summary>The slopes' value at initialization. Default 0.25 (He et al. 2015, PyTorch).</summary>
    public double InitialSlope { get; set; } = 0.25;
}

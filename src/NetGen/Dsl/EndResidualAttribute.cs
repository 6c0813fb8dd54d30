using System;

namespace NetGen;

/// <summary>Ends the residual block started by the last <see cref="ResidualAttribute"/>: adds the skip to the branch's output.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class EndResidualAttribute : Attribute
{
    /// <summary>The activation applied to the sum. Default <see cref="Activation.Identity"/> (ResNet's blocks use ReLU).</summary>
    public Activation Activation { get; set; } = Activation.Identity;

    /// <summary>The slope for <c>z &lt; 0</c> of <see cref="Activation.LeakyReLU"/>. Default 0.01.</summary>
    public double NegativeSlope { get; set; } = 0.01;

    /// <summary>The alpha of <see cref="Activation.ELU"/>. Default 1.0.</summary>
    public double Alpha { get; set; } = 1.0;
}

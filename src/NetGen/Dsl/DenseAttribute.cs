using System;

namespace NetGen;

/// <summary>
/// A fully connected layer, <c>a = f(W·x + b)</c>, with <c>W</c> of shape [<see cref="Units"/>, inputs] and
/// inputs = the previous layer's units (or <see cref="NetworkAttribute.Inputs"/> for the first layer).
/// The last dense layer is the network's output.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class DenseAttribute : WeightedLayerAttribute
{
    /// <summary>Creates a dense layer.</summary>
    /// <param name="units">The number of outputs of the layer; must be positive.</param>
    /// <param name="activation">The activation; default <see cref="Activation.Identity"/>.</param>
    public DenseAttribute(int units, Activation activation = Activation.Identity)
    {
        Units = units;
        Activation = activation;
    }

    /// <summary>The number of outputs of the layer.</summary>
    public int Units { get; }

    /// <summary>The activation applied to <c>W·x + b</c>.</summary>
    public Activation Activation { get; }

    /// <summary>The slope for <c>z &lt; 0</c> of <see cref="Activation.LeakyReLU"/>. Default 0.01 (as in PyTorch). Only for LeakyReLU.</summary>
    public double NegativeSlope { get; set; } = 0.01;

    /// <summary>The alpha of <see cref="Activation.ELU"/>. Default 1.0. Only for ELU.</summary>
    public double Alpha { get; set; } = 1.0;

    /// <summary>How many identical layers this attribute declares, one after the other. Default 1; must be positive.</summary>
    public int Repeat { get; set; } = 1;
}

using System;

namespace NetGen;

/// <summary>
/// Inverted dropout of the previous layer's outputs (Srivastava et al. 2014): in training mode each value is zeroed with
/// probability <see cref="Rate"/> and the others are scaled by <c>1 / (1 − rate)</c>; in inference mode the layer passes
/// its input through. The masks come from the network's own generator, seeded by its constructor's <c>seed</c>, so that a
/// rerun draws the same masks.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class DropoutAttribute : Attribute
{
    /// <summary>Creates a dropout layer.</summary>
    /// <param name="rate">The probability that a value is dropped, in [0, 1).</param>
    public DropoutAttribute(double rate) => Rate = rate;

    /// <summary>The probability that a value is dropped (Keras's <c>rate</c>, PyTorch's <c>p</c>).</summary>
    public double Rate { get; }
}

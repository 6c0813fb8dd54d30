namespace NetGen;

/// <summary>The element type of a network's parameters, activations and gradients.</summary>
public enum Precision
{
    /// <summary><see cref="float"/> (32-bit). The default: twice the SIMD width of double.</summary>
    Single = 0,

    /// <summary><see cref="double"/> (64-bit), for gradient checks and numerically delicate work.</summary>
    Double = 1,
}

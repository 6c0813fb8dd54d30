using System;

namespace NetGen;

/// <summary>
/// A gated recurrent unit layer (Cho et al. 2014) as PyTorch's <c>nn.GRU</c> computes it, which is Keras's <c>GRU</c> with
/// <c>reset_after = true</c> (its default): gates r, z, n with <c>n = tanh(W_in·x + b_in + r⊙(W_hn·h + b_hn))</c> and
/// <c>h_t = (1 − z)⊙n + z⊙h_{t−1}</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class GRUAttribute : RecurrentAttribute
{
    /// <summary>Creates a GRU layer.</summary>
    /// <param name="units">The size of the hidden state; must be positive.</param>
    public GRUAttribute(int units)
        : base(units)
    {
    }
}

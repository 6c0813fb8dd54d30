using System;

namespace NetGen;

/// <summary>
/// A long short-term memory layer (Hochreiter &amp; Schmidhuber 1997) with PyTorch's definitions and gate order i, f, g, o:
/// <c>c_t = f⊙c_{t−1} + i⊙g</c>, <c>h_t = o⊙tanh(c_t)</c>. The forget gate's bias sets how far back its gradient reaches:
/// see <see cref="ForgetBias"/> and <see cref="ChronoMaxDependency"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class LSTMAttribute : RecurrentAttribute
{
    /// <summary>Creates an LSTM layer.</summary>
    /// <param name="units">The size of the hidden and cell states; must be positive.</param>
    public LSTMAttribute(int units)
        : base(units)
    {
    }

    /// <summary>
    /// The forget gate's total bias (its block of <c>bias_ih</c>; the same block of <c>bias_hh</c> is 0). Default 1, Keras's
    /// <c>unit_forget_bias</c> (Gers et al. 2000; Jozefowicz et al. 2015); with <see cref="RecurrentDefaults.PyTorch"/>, when not
    /// written, the forget gate keeps its <see cref="WeightedLayerAttribute.BiasInit"/> draw, as <c>nn.LSTM</c> does. Needs biases.
    /// </summary>
    public double ForgetBias { get; set; } = 1.0;

    /// <summary>
    /// Chrono initialization (Tallec &amp; Ollivier 2018) for dependencies up to this many steps: each unit's forget bias is
    /// <c>log u</c>, u ~ U[1, T_max − 1], and its input bias the opposite. Default 0, off; at least 3 when set. Replaces
    /// <see cref="ForgetBias"/>; needs biases.
    /// </summary>
    public int ChronoMaxDependency { get; set; }
}

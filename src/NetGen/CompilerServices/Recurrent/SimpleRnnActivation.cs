using System.ComponentModel;

namespace NetGen.CompilerServices;

/// <summary>
/// The nonlinearity of a <see cref="SimpleRnnKernels"/> cell, PyTorch's <c>nn.RNN</c> <c>nonlinearity</c>.
/// This API is for use by the code the NetGen source generator writes and should not be called directly.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public enum SimpleRnnActivation
{
    /// <summary><c>tanh</c>, PyTorch's and Keras's default.</summary>
    Tanh,

    /// <summary><c>max(0, x)</c>, whose derivative at 0 is taken as 0, as PyTorch does; with an identity recurrence, IRNN (Le et al. 2015).</summary>
    Relu,
}

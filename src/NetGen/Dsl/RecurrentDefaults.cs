namespace NetGen;

/// <summary>Whose defaults a recurrent layer's initializers take when they are not written.</summary>
public enum RecurrentDefaults
{
    /// <summary>
    /// Keras's: input weights <see cref="Init.GlorotUniform"/>, recurrent weights <see cref="Init.Orthogonal"/>, biases
    /// <see cref="Init.Zeros"/>, and an LSTM's forget-gate bias 1 (<c>unit_forget_bias</c>).
    /// </summary>
    Keras = 0,

    /// <summary>
    /// PyTorch's: every weight and bias <see cref="Init.HiddenSizeUniform"/>, U(±1/√units), and no forget-gate bias beyond
    /// that draw, so that a network starts as <c>nn.RNN</c>, <c>nn.LSTM</c> or <c>nn.GRU</c> would.
    /// </summary>
    PyTorch = 1,
}

namespace NetGen.Generators.Gradients.Recurrent;

/// <summary>The recurrent cells the time-horizon model knows, in PyTorch's layout.</summary>
internal enum RecurrentCell
{
    /// <summary>h_t = φ(W_ih·x_t + W_hh·h_{t−1} + b), φ tanh or ReLU (PyTorch's <c>nn.RNN</c>, Keras's <c>SimpleRNN</c>).</summary>
    SimpleRnn,

    /// <summary>PyTorch's <c>nn.LSTM</c>: gates i, f, g, o; c_t = f⊙c_{t−1} + i⊙g, h_t = o⊙tanh(c_t).</summary>
    Lstm,

    /// <summary>PyTorch's <c>nn.GRU</c> (Keras's <c>reset_after = true</c>): gates r, z, n; h_t = (1 − z)⊙n + z⊙h_{t−1}.</summary>
    Gru,
}

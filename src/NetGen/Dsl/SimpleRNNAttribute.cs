using System;

namespace NetGen;

/// <summary>
/// A simple recurrent layer, <c>h_t = f(W_ih·x_t + b_ih + W_hh·h_{t−1} + b_hh)</c> (PyTorch's <c>nn.RNN</c>, Keras's
/// <c>SimpleRNN</c>). Its gradient shrinks or grows by a factor at every step back in time: NetGen predicts how far back it
/// reaches (NG0110) before you train.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class SimpleRNNAttribute : RecurrentAttribute
{
    /// <summary>Creates a simple recurrent layer.</summary>
    /// <param name="units">The size of the hidden state; must be positive.</param>
    /// <param name="activation"><see cref="Activation.Tanh"/> (the default) or <see cref="Activation.ReLU"/>, as PyTorch's <c>nonlinearity</c>.</param>
    public SimpleRNNAttribute(int units, Activation activation = Activation.Tanh)
        : base(units) => Activation = activation;

    /// <summary>The activation f: <see cref="Activation.Tanh"/> or <see cref="Activation.ReLU"/>.</summary>
    public Activation Activation { get; }
}

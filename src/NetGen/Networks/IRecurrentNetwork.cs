using System;
using System.Numerics;

namespace NetGen;

/// <summary>
/// What a generated network with recurrent layers (<see cref="SimpleRNNAttribute"/>, <see cref="LSTMAttribute"/>,
/// <see cref="GRUAttribute"/>) offers beyond <see cref="INetwork{T}"/>: the gradient with respect to every step's hidden
/// state, which <see cref="GradientMonitor{T}"/> reads to measure how far back in time the gradient reaches.
/// </summary>
/// <typeparam name="T"><see cref="float"/> or <see cref="double"/>.</typeparam>
public interface IRecurrentNetwork<T> : INetwork<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>
    /// ∂loss/∂h_t of recurrent layer <paramref name="layerIndex"/> (an index into <see cref="INetwork{T}.Layers"/>) at every step
    /// t, from the last <see cref="INetwork{T}.ComputeGradients"/> (or <see cref="INetwork{T}.TrainStep"/>): the total gradient
    /// reaching each step's hidden state, from the loss and from the steps after it; time-major, <c>[steps, batch, units]</c>.
    /// Valid until the next call that runs the network.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="layerIndex"/> is not the index of a recurrent layer.</exception>
    ReadOnlySpan<T> HiddenStateGradients(int layerIndex);
}

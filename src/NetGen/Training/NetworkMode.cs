using System;
using System.Numerics;

namespace NetGen;

/// <summary>Sets a network's <see cref="INetwork{T}.IsTraining"/> for a scope and restores the mode it had when disposed.</summary>
internal readonly struct NetworkMode<T> : IDisposable where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly INetwork<T> _network;
    private readonly bool _previous;

    private NetworkMode(INetwork<T> network, bool isTraining)
    {
        _network = network;
        _previous = network.IsTraining;
        network.IsTraining = isTraining;
    }

    /// <summary>Training mode until disposed.</summary>
    public static NetworkMode<T> Training(INetwork<T> network) => new(network, isTraining: true);

    /// <summary>Inference mode until disposed.</summary>
    public static NetworkMode<T> Inference(INetwork<T> network) => new(network, isTraining: false);

    public void Dispose() => _network.IsTraining = _previous;
}

using System;
using System.Numerics;

namespace NetGen;

/// <summary>Sets a network's <see cref="INetwork{T}.IsTraining"/> for a scope, and a mode for after it: the one it had, or inference.</summary>
internal readonly struct NetworkMode<T> : IDisposable where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly INetwork<T> _network;
    private readonly bool _after;

    private NetworkMode(INetwork<T> network, bool isTraining, bool after)
    {
        _network = network;
        _after = after;
        network.IsTraining = isTraining;
    }

    /// <summary>Training mode until disposed, inference mode after.</summary>
    public static NetworkMode<T> TrainingThenInference(INetwork<T> network) => new(network, isTraining: true, after: false);

    /// <summary>Inference mode until disposed, then the mode the network had.</summary>
    public static NetworkMode<T> Inference(INetwork<T> network) => new(network, isTraining: false, after: network.IsTraining);

    public void Dispose() => _network.IsTraining = _after;
}

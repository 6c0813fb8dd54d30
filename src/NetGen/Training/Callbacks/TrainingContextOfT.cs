using System;
using System.Collections.Generic;
using System.Numerics;

namespace NetGen;

/// <summary>The <see cref="TrainingContext"/> of a run of <see cref="Trainer.Fit"/> on a network of <typeparamref name="T"/>.</summary>
internal sealed class TrainingContext<T> : TrainingContext where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly INetwork<T> _network;
    private readonly IOptimizer<T> _optimizer;

    public TrainingContext(INetwork<T> network, IOptimizer<T> optimizer, int epochs, IReadOnlyList<string> metricNames, IReadOnlyList<EpochResult> history)
        : base(epochs, metricNames, history)
    {
        _network = network;
        _optimizer = optimizer;
    }

    public override IReadOnlyList<LayerInfo> Layers => _network.Layers;

    public override double? LearningRate => (_optimizer as IAdjustableLearningRate)?.LearningRate;

    public override ParameterSnapshot SnapshotParameters() => new(_network, _network.Parameters.ToArray(), _network.State.ToArray());

    public override void RestoreParameters(ParameterSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (!ReferenceEquals(snapshot.Owner, _network))
        {
            throw new ArgumentException("The snapshot was taken from another network; restore it in the run that took it.", nameof(snapshot));
        }
        ((T[])snapshot.Parameters).CopyTo(_network.Parameters);
        ((T[])snapshot.State).CopyTo(_network.State);
    }

    public override void SaveWeights(string path) => NetworkWeights.Save(_network, path);
}

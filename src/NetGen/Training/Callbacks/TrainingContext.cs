using System.Collections.Generic;

namespace NetGen;

/// <summary>What a <see cref="TrainingCallback"/> sees of the training run, and what it may do to it.</summary>
public abstract class TrainingContext
{
    private protected TrainingContext(int epochs, IReadOnlyList<string> metricNames, IReadOnlyList<EpochResult> history)
    {
        Epochs = epochs;
        MetricNames = metricNames;
        History = history;
    }

    /// <summary>The number of epochs of the run.</summary>
    public int Epochs { get; }

    /// <summary>The current epoch, from 1.</summary>
    public int Epoch { get; internal set; }

    /// <summary>The optimizer steps taken so far in the run.</summary>
    public long Step { get; internal set; }

    /// <summary>The names every epoch's <see cref="EpochResult.Metrics"/> holds: <c>loss</c>, the metrics, and with validation data <c>val_loss</c> and <c>val_</c> + each metric.</summary>
    public IReadOnlyList<string> MetricNames { get; }

    /// <summary>The results of the epochs finished so far.</summary>
    public IReadOnlyList<EpochResult> History { get; }

    /// <summary>Set to stop training after the current mini-batch (Keras's <c>model.stop_training</c>).</summary>
    public bool StopTraining { get; set; }

    /// <summary>Why training was stopped, for <see cref="TrainingHistory.StopReason"/>; set it with <see cref="StopTraining"/>.</summary>
    public string? StopReason { get; set; }

    /// <summary>The network's layers.</summary>
    public abstract IReadOnlyList<LayerInfo> Layers { get; }

    /// <summary>The optimizer's learning rate now, or null when it is not an <see cref="IAdjustableLearningRate"/>.</summary>
    public abstract double? LearningRate { get; }

    /// <summary>A copy of the network's parameters and state (batch normalization's running statistics).</summary>
    public abstract ParameterSnapshot SnapshotParameters();

    /// <summary>Puts back the parameters and state of <paramref name="snapshot"/>, taken from this run.</summary>
    /// <exception cref="System.ArgumentException">The snapshot was taken from another network.</exception>
    public abstract void RestoreParameters(ParameterSnapshot snapshot);

    /// <summary>Saves the network's weights as safetensors (<see cref="NetworkWeights.Save{T}(INetwork{T}, string)"/>).</summary>
    public abstract void SaveWeights(string path);
}

/// <summary>A copy of a network's parameters and state, from <see cref="TrainingContext.SnapshotParameters"/>.</summary>
public sealed class ParameterSnapshot
{
    internal ParameterSnapshot(object owner, object parameters, object state)
    {
        Owner = owner;
        Parameters = parameters;
        State = state;
    }

    internal object Owner { get; }

    internal object Parameters { get; }

    internal object State { get; }
}

using System;
using System.Collections.Generic;

namespace NetGen.Reporting;

/// <summary>
/// A copy of one <see cref="GradientReport"/>'s per-layer gradient norms, with the training step it was measured at. A
/// <see cref="GradientMonitor"/> overwrites its one report at every measurement, so a list of reports would hold the last
/// measurement many times: keep snapshots instead (<see cref="ConsoleProgress.Gradients"/> does).
/// </summary>
public sealed class GradientSnapshot
{
    /// <summary>Copies the norms of <paramref name="report"/>, measured at training step <paramref name="step"/>.</summary>
    /// <param name="step">The training step (mini-batch, from 1, counted across epochs) the report was measured after.</param>
    /// <param name="report">The monitor's report, read now.</param>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="step"/> is negative.</exception>
    public GradientSnapshot(long step, GradientReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        IReadOnlyList<LayerGradientStatistics> layers = report.Layers;
        var infos = new LayerInfo[layers.Count];
        var weightNorms = new double[layers.Count];
        var biasNorms = new double[layers.Count];
        for (int i = 0; i < layers.Count; i++)
        {
            infos[i] = layers[i].Layer;
            weightNorms[i] = layers[i].WeightGradientNorm;
            biasNorms[i] = layers[i].BiasGradientNorm;
        }
        Step = step;
        Measurement = report.Measurement;
        Layers = infos;
        WeightGradientNorms = weightNorms;
        BiasGradientNorms = biasNorms;
    }

    /// <summary>The training step the report was measured after.</summary>
    public long Step { get; }

    /// <summary>The monitor's measurement number (<see cref="GradientReport.Measurement"/>).</summary>
    public long Measurement { get; }

    /// <summary>Every layer of the network, in the order of <see cref="INetwork{T}.Layers"/>.</summary>
    public IReadOnlyList<LayerInfo> Layers { get; }

    /// <summary>Each layer's <see cref="LayerGradientStatistics.WeightGradientNorm"/> (0 for a layer without weights).</summary>
    public IReadOnlyList<double> WeightGradientNorms { get; }

    /// <summary>Each layer's <see cref="LayerGradientStatistics.BiasGradientNorm"/> (0 for a layer without biases).</summary>
    public IReadOnlyList<double> BiasGradientNorms { get; }
}

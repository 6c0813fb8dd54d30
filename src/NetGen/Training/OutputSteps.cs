using System;
using System.Numerics;

namespace NetGen;

/// <summary>
/// How a network's outputs divide into the rows that accuracy and metrics score: one per sample, or, for an output layer
/// applied at every step of a sequence (a loss per step), one per step of each sample.
/// </summary>
internal static class OutputSteps
{
    /// <summary>The rows of one sample's outputs: the steps of a per-step output layer, else 1.</summary>
    public static int Of<T>(INetwork<T> network) where T : unmanaged, IFloatingPointIeee754<T> =>
        Math.Max(1, network.Layers[network.Layers.Count - 1].InputSteps);

    /// <summary>The values of one row: the classes (or outputs) of one step, or of one sample.</summary>
    public static int RowSize<T>(INetwork<T> network) where T : unmanaged, IFloatingPointIeee754<T> => network.OutputSize / Of(network);
}

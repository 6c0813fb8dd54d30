using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;

namespace NetGen;

/// <summary>
/// Names a network's parameters and state as tensors, from its layer table: a dense layer's <c>weight</c> [outputs, inputs]
/// and <c>bias</c> [outputs] (none without biases, <see cref="DenseAttribute.UseBias"/> false); a normalization's <c>scale</c> and
/// <c>shift</c> [features]; a batch normalization's <c>running_mean</c> and <c>running_var</c> [features] (from
/// <see cref="INetwork{T}.State"/>); a residual block's <c>projection</c> [outputs, inputs] when it has one; a PReLU's slopes,
/// <c>weight</c> [1] when shared or [features] (PyTorch's <c>nn.PReLU.weight</c>). A dropout layer has none. Each name is
/// prefixed with the layer's name and a dot.
/// </summary>
internal static class NetworkTensorLayout
{
    /// <summary>The network's tensors in layer order; together they cover <see cref="INetwork{T}.Parameters"/> and <see cref="INetwork{T}.State"/> exactly.</summary>
    /// <exception cref="InvalidOperationException">The layer table does not describe the parameters or the state (not a network NetGen generated).</exception>
    public static IReadOnlyList<NetworkTensorSlot> Of<T>(INetwork<T> network) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var slots = new List<NetworkTensorSlot>();
        int stateOffset = 0;
        foreach (LayerInfo layer in network.Layers)
        {
            switch (layer.Kind)
            {
                case LayerKind.Dense:
                    slots.Add(Parameter(layer, "weight", [layer.Outputs, layer.Inputs], layer.WeightOffset, layer.WeightCount));
                    if (layer.BiasCount > 0)
                    {
                        slots.Add(Parameter(layer, "bias", [layer.Outputs], layer.BiasOffset, layer.BiasCount));
                    }
                    break;
                case LayerKind.BatchNorm or LayerKind.LayerNorm:
                    slots.Add(Parameter(layer, "scale", [layer.Outputs], layer.WeightOffset, layer.WeightCount));
                    slots.Add(Parameter(layer, "shift", [layer.Outputs], layer.BiasOffset, layer.BiasCount));
                    if (layer.Kind == LayerKind.BatchNorm)
                    {
                        slots.Add(new NetworkTensorSlot($"{layer.Name}.running_mean", [layer.Outputs], true, stateOffset, layer.Outputs));
                        slots.Add(new NetworkTensorSlot($"{layer.Name}.running_var", [layer.Outputs], true, stateOffset + layer.Outputs, layer.Outputs));
                        stateOffset += 2 * layer.Outputs;
                    }
                    break;
                case LayerKind.Residual when layer.WeightCount > 0:
                    slots.Add(Parameter(layer, "projection", [layer.Outputs, layer.Inputs], layer.WeightOffset, layer.WeightCount));
                    break;
                case LayerKind.PReLU:
                    slots.Add(Parameter(layer, "weight", [layer.WeightCount == 1 ? 1 : layer.Outputs], layer.WeightOffset, layer.WeightCount));
                    break;
            }
        }
        int parameters = slots.Where(s => !s.InState).Sum(s => s.Count);
        if (parameters != network.ParameterCount || stateOffset != network.State.Length)
        {
            throw new InvalidOperationException(
                $"The layer table of {network.GetType().FullName} names {parameters} parameters and {stateOffset} state values, but the network has " +
                $"{network.ParameterCount} and {network.State.Length}.");
        }
        return slots;
    }

    private static NetworkTensorSlot Parameter(LayerInfo layer, string suffix, long[] shape, int offset, int count)
    {
        long elements = shape.Aggregate(1L, (product, dimension) => product * dimension);
        if (elements != count)
        {
            throw new InvalidOperationException(
                $"{layer.Name}.{suffix} should hold {SafeTensorsTensor.FormatShape(shape)} = {elements} values, but the layer table gives {count}.");
        }
        return new NetworkTensorSlot($"{layer.Name}.{suffix}", shape, false, offset, count);
    }
}

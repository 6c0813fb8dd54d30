using System;
using System.Globalization;
using System.Numerics;
using System.Numerics.Tensors;

namespace NetGen;

/// <summary>Finds what is not finite in a mini-batch, and words the <see cref="NonFiniteLossException"/> that says so.</summary>
internal static class NonFiniteBatch
{
    /// <summary>The row of the first sample whose inputs or targets hold a NaN or infinite value, or −1 when every value is finite.</summary>
    public static int FirstNonFiniteRow<T>(ReadOnlySpan<T> inputs, ReadOnlySpan<T> targets, int inputSize, int targetSize, int size)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (TensorPrimitives.IsFiniteAll(inputs) && TensorPrimitives.IsFiniteAll(targets))
        {
            return -1;
        }
        for (int row = 0; row < size; row++)
        {
            if (!TensorPrimitives.IsFiniteAll(inputs.Slice(row * inputSize, inputSize)) ||
                !TensorPrimitives.IsFiniteAll(targets.Slice(row * targetSize, targetSize)))
            {
                return row;
            }
        }
        return -1;
    }

    /// <summary>The exception for a batch whose row <paramref name="row"/> holds a non-finite input or target, found before the step.</summary>
    public static NonFiniteLossException ForData<T>(
        INetwork<T> network, ReadOnlySpan<T> inputs, ReadOnlySpan<T> targets, int size, int row, int sample, StepPosition position)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        // Only on this failure path: a forward pass (no update) to know the loss and where the value spreads.
        double loss = double.CreateTruncating(network.ComputeLoss(inputs, targets, size));
        NonFiniteLayer? layer = FirstNonFiniteLayer(network, gradientsKept: false);
        string value = FirstNonFiniteValue(inputs.Slice(row * network.InputSize, network.InputSize), "input")
            ?? FirstNonFiniteValue(targets.Slice(row * network.OutputSize, network.OutputSize), "target")!;
        string message =
            $"{position}: sample {sample} of the training data has {value}; the batch's loss is {Format(loss)}{LayerClause(layer)}. " +
            "The parameters are those before this batch. Repair or remove the sample, or set TrainingOptions.NonFiniteLoss to SkipBatch to leave such batches out.";
        return new NonFiniteLossException(
            message, position.Epoch, position.Batch, position.Step, loss, sample, layer?.Index, layer?.Name, parametersUpdated: false);
    }

    /// <summary>The exception for a batch of finite inputs and targets whose loss is not finite.</summary>
    /// <param name="network">The network, its last forward pass that of the batch.</param>
    /// <param name="loss">The batch's loss.</param>
    /// <param name="position">Where training is.</param>
    /// <param name="gradientsKept">Whether <see cref="INetwork{T}.Gradients"/> holds this batch's gradients (an unfused step).</param>
    /// <param name="parametersUpdated">Whether the fused step already applied the update.</param>
    public static NonFiniteLossException ForLoss<T>(INetwork<T> network, double loss, StepPosition position, bool gradientsKept, bool parametersUpdated)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        NonFiniteLayer? layer = FirstNonFiniteLayer(network, gradientsKept);
        string consequence = parametersUpdated
            ? "The fused step (TrainStep with an elementwise optimizer) had already updated the parameters, which may now hold NaN or infinite values: restore them from a checkpoint."
            : "The parameters are those before this batch.";
        string message =
            $"{position}: the batch's loss is {Format(loss)}, though its inputs and targets are finite{LayerClause(layer)}. {consequence} " +
            "A smaller learning rate, gradient clipping (TrainingOptions.ClipGradientNorm) or normalization usually prevents the overflow; " +
            "TrainingOptions.NonFiniteLoss = SkipBatch leaves such batches out.";
        return new NonFiniteLossException(
            message, position.Epoch, position.Batch, position.Step, loss, sample: null, layer?.Index, layer?.Name, parametersUpdated);
    }

    /// <summary>
    /// The first layer whose pre-activations from the last forward pass are not finite; when they all are and
    /// <paramref name="gradientsKept"/>, the first whose gradients are not; null otherwise.
    /// </summary>
    internal static NonFiniteLayer? FirstNonFiniteLayer<T>(INetwork<T> network, bool gradientsKept) where T : unmanaged, IFloatingPointIeee754<T>
    {
        try
        {
            for (int i = 0; i < network.Layers.Count; i++)
            {
                if (!TensorPrimitives.IsFiniteAll(network.PreActivations(i)))
                {
                    return new NonFiniteLayer(i, network.Layers[i].Name, "pre-activations");
                }
            }
        }
        catch (NotSupportedException)
        {
            // A hand-written network may keep no pre-activations; the gradients may still tell.
        }
        if (gradientsKept)
        {
            ReadOnlySpan<T> gradients = network.Gradients;
            for (int i = 0; i < network.Layers.Count; i++)
            {
                LayerInfo layer = network.Layers[i];
                if (!TensorPrimitives.IsFiniteAll(gradients.Slice(layer.WeightOffset, layer.WeightCount)) ||
                    !TensorPrimitives.IsFiniteAll(gradients.Slice(layer.BiasOffset, layer.BiasCount)))
                {
                    return new NonFiniteLayer(i, layer.Name, "gradients");
                }
            }
        }
        return null;
    }

    private static string? FirstNonFiniteValue<T>(ReadOnlySpan<T> values, string what) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!T.IsFinite(values[i]))
            {
                return $"{Format(double.CreateTruncating(values[i]))} at {what} {i}";
            }
        }
        return null;
    }

    private static string LayerClause(NonFiniteLayer? layer) =>
        layer is NonFiniteLayer found
            ? string.Create(CultureInfo.InvariantCulture, $"; {found.Name} (layer {found.Index}) is the first layer whose {found.Values} are not finite")
            : "";

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The first layer whose values are not finite: its index in <see cref="INetwork{T}.Layers"/>, its name, and which values ("pre-activations" or "gradients").</summary>
internal sealed record NonFiniteLayer(int Index, string Name, string Values);

/// <summary>Where training is when a step is taken: the epoch and the mini-batch within it (from 1), and the step across epochs (from 1).</summary>
internal readonly record struct StepPosition(int Epoch, int Batch, int BatchesPerEpoch, long Step)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"Training stopped at epoch {Epoch}, mini-batch {Batch} of {BatchesPerEpoch} (step {Step})");
}

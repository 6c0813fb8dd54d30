using System;
using System.Collections.Generic;
using System.Numerics;

namespace NetGen;

/// <summary>
/// Nielsen's "speed of learning" (<i>Neural Networks and Deep Learning</i>, ch. 5): for each hidden layer, the length of the
/// gradient of the cost with respect to the layer's biases, over a set of samples. In a deep sigmoid network the first hidden
/// layer's is one to two orders of magnitude smaller than the last one's: the vanishing gradient, measured.
/// </summary>
public static class SpeedOfLearning
{
    /// <summary>
    /// Computes, for every hidden layer (every layer before the last dense layer, the output) that has biases, ‖∂C/∂b‖₂: the L2 norm of the gradient of the
    /// mean loss C over the first <paramref name="sampleCount"/> samples of <paramref name="data"/> with respect to that layer's
    /// biases, which is the norm of the per-sample bias gradient averaged over the samples (the quantity Nielsen plots), not
    /// the average of per-sample norms. It runs <see cref="INetwork{T}.ComputeGradients"/> on consecutive batches of
    /// <paramref name="batchSize"/> samples and averages the batch gradients weighted by batch size (in <see cref="double"/>):
    /// each batch gradient is the mean of its per-sample gradients, so this is the mean over all the samples.
    /// </summary>
    /// <remarks>
    /// The network's <see cref="INetwork{T}.Parameters"/> are not changed, and its <see cref="INetwork{T}.Gradients"/> are restored
    /// afterwards. Its normalization layers, if in training mode, update their running statistics as <see cref="INetwork{T}.ComputeGradients"/>
    /// always does; set <see cref="INetwork{T}.IsTraining"/> as you want it measured. Allocates a copy of the gradients.
    /// </remarks>
    /// <param name="network">The network.</param>
    /// <param name="data">The samples.</param>
    /// <param name="sampleCount">How many samples, from the first; null for all of them (Nielsen uses the first 1,000 training images).</param>
    /// <param name="batchSize">Samples per <see cref="INetwork{T}.ComputeGradients"/>; null for <see cref="INetwork{T}.MaxBatchSize"/>. The result does not depend on it (up to rounding).</param>
    /// <returns>One entry per hidden layer with biases, in layer order.</returns>
    /// <exception cref="ArgumentException">The dataset does not fit the network, or the counts are out of range.</exception>
    public static LayerLearningSpeed[] Measure<T>(INetwork<T> network, Dataset<T> data, int? sampleCount = null, int? batchSize = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(data);
        if (data.InputSize != network.InputSize || data.TargetSize != network.OutputSize)
        {
            throw new ArgumentException(
                $"The network takes {network.InputSize} inputs and gives {network.OutputSize} outputs per sample; the dataset has {data.InputSize} and {data.TargetSize}.",
                nameof(data));
        }
        int count = sampleCount ?? data.Count;
        if (count < 1 || count > data.Count)
        {
            throw new ArgumentException($"The sample count is {count}; it must be between 1 and the dataset's {data.Count} samples.", nameof(sampleCount));
        }
        int batch = batchSize ?? network.MaxBatchSize;
        if (batch < 1 || batch > network.MaxBatchSize)
        {
            throw new ArgumentException($"The batch size is {batch}; it must be between 1 and the network's MaxBatchSize, {network.MaxBatchSize}.", nameof(batchSize));
        }

        T[] savedGradients = network.Gradients.ToArray();
        var sums = new double[network.ParameterCount];
        for (int start = 0; start < count; start += batch)
        {
            int size = Math.Min(batch, count - start);
            network.ComputeGradients(
                data.Inputs.Slice(start * data.InputSize, size * data.InputSize),
                data.Targets.Slice(start * data.TargetSize, size * data.TargetSize),
                size);
            ReadOnlySpan<T> gradients = network.Gradients;
            foreach (LayerInfo layer in network.Layers)
            {
                for (int i = layer.BiasOffset; i < layer.BiasOffset + layer.BiasCount; i++)
                {
                    sums[i] += double.CreateTruncating(gradients[i]) * size;
                }
            }
        }
        savedGradients.CopyTo(network.Gradients);

        var speeds = new List<LayerLearningSpeed>();
        int output = network.Layers.Count - 1;
        while (output > 0 && network.Layers[output].Kind != LayerKind.Dense)
        {
            output--; // a PReLU or a dropout may follow the output layer
        }
        for (int index = 0; index < output; index++)
        {
            LayerInfo layer = network.Layers[index];
            if (layer.BiasCount == 0)
            {
                continue;
            }
            double squares = 0;
            for (int i = layer.BiasOffset; i < layer.BiasOffset + layer.BiasCount; i++)
            {
                double mean = sums[i] / count;
                squares += mean * mean;
            }
            speeds.Add(new LayerLearningSpeed(index, layer.Name, Math.Sqrt(squares)));
        }
        return [.. speeds];
    }
}

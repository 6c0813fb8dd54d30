using System;
using System.Collections.Generic;
using System.Numerics;

namespace NetGen;

/// <summary>
/// Greedy layer-wise unsupervised pretraining (Hinton et al. 2006; Bengio et al. 2007): each hidden dense layer in turn, from
/// the input up, is trained as the encoder of an autoencoder of its own inputs, the outputs of the layers below as they were
/// just trained. Then fine-tune the whole network with <see cref="Trainer.Fit"/>. A deep sigmoid stack that SGD cannot train
/// from a random start (its first layers learn orders of magnitude slower than its last) starts fine-tuning from features.
/// </summary>
public static class LayerwisePretraining
{
    /// <summary>
    /// Trains every hidden dense layer (every layer before the last dense layer, the output, which is left as it is) as the
    /// encoder <c>h = f(W·x + b)</c> of an autoencoder <c>x̂ = g(W′·h + c)</c> of its inputs by mini-batch stochastic gradient
    /// descent, starting from the layer's current weights, and writes <c>W</c> and <c>b</c> back into
    /// <see cref="INetwork{T}.Parameters"/>; the decoder is discarded. Arithmetic is in <see cref="double"/>.
    /// </summary>
    /// <remarks>
    /// The first layer's inputs are the data's inputs (the targets are not used); each next layer's are the previous hidden
    /// layer's activations on the whole data, computed in <see cref="double"/> from the weights just written. It keeps them all
    /// in memory: samples × the widest layer's inputs doubles, twice. The decoder and loss are
    /// <see cref="PretrainingOptions.Reconstruction"/>: by default a sigmoid decoder with cross-entropy for a layer whose inputs
    /// all lie in [0, 1] (pixels, sigmoid outputs), since cross-entropy treats them as probabilities and keeps the gradient
    /// from vanishing in a saturated decoder, and a linear decoder with squared error otherwise (tanh, ReLU or identity
    /// outputs, unscaled data), where a sigmoid could not reproduce the range. If a layer's reconstruction error becomes
    /// NaN or infinite, the layers below it keep their pretrained weights and that layer keeps its old ones.
    /// </remarks>
    /// <typeparam name="T"><see cref="float"/> or <see cref="double"/>.</typeparam>
    /// <param name="network">The network; its hidden layers must be dense, with sigmoid, tanh, ReLU or identity activations.</param>
    /// <param name="data">The samples; only their inputs are used.</param>
    /// <param name="options">How each layer is trained; null for the defaults.</param>
    /// <param name="progress">Told after each epoch of each layer, on the calling thread; or null.</param>
    /// <returns>Each hidden layer's reconstruction error before and after each epoch; no layer when the network has no hidden layer.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="network"/> or <paramref name="data"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// The data's input size differs from the network's, the data holds no sample or a non-finite input, or
    /// <see cref="ReconstructionLoss.SigmoidCrossEntropy"/> was asked for a layer whose inputs are not all in [0, 1].
    /// </exception>
    /// <exception cref="NotSupportedException">A layer before the output layer is not dense, or has another activation than sigmoid, tanh, ReLU or identity.</exception>
    /// <exception cref="InvalidOperationException">A layer's reconstruction error became NaN or infinite (the learning rate is too large).</exception>
    public static PretrainingResult Pretrain<T>(INetwork<T> network, Dataset<T> data, PretrainingOptions? options = null, IProgress<PretrainingProgress>? progress = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(data);
        options ??= new PretrainingOptions();
        int[] hiddenLayers = HiddenDenseLayers(network);
        double[] inputs = CheckedInputs(network, data);

        var random = new SeededRandom(options.Seed);
        var results = new List<LayerPretraining>();
        for (int h = 0; h < hiddenLayers.Length; h++)
        {
            LayerInfo layer = network.Layers[hiddenLayers[h]];
            ReconstructionLoss loss = ResolveLoss(options.Reconstruction, inputs, layer);
            var autoencoder = new DenseAutoencoder(
                layer.Inputs, layer.Outputs, layer.Activation, layer.BiasCount != 0, options.TiedWeights, loss, Math.Min(options.BatchSize, data.Count));
            ReadLayer(network, layer, autoencoder);

            var errors = new List<double> { autoencoder.ComputeLoss(inputs, inputs, data.Count) };
            for (int epoch = 1; epoch <= options.EpochsPerLayer; epoch++)
            {
                TrainEpoch(autoencoder, inputs, data.Count, options, random);
                double error = autoencoder.ComputeLoss(inputs, inputs, data.Count);
                if (!double.IsFinite(error))
                {
                    throw new InvalidOperationException(
                        $"Pretraining {layer.Name} (hidden layer {h + 1} of {hiddenLayers.Length}): the reconstruction error became {error} in epoch {epoch}; " +
                        $"it was {errors[^1]} before. Lower the learning rate ({options.LearningRate}). The layers below keep their pretrained weights, {layer.Name} its old ones.");
                }
                errors.Add(error);
                progress?.Report(new PretrainingProgress(h + 1, hiddenLayers.Length, hiddenLayers[h], layer.Name, epoch, options.EpochsPerLayer, error));
            }
            WriteLayer(network, layer, autoencoder);
            results.Add(new LayerPretraining(hiddenLayers[h], layer.Name, loss, errors));

            if (h + 1 < hiddenLayers.Length)
            {
                inputs = DenseForward.Outputs(network, layer, inputs, data.Count); // the weights as stored, rounded to T
            }
        }
        return new PretrainingResult(results);
    }

    /// <summary>The indices of the layers before the last dense layer; each must be dense with a supported activation.</summary>
    private static int[] HiddenDenseLayers<T>(INetwork<T> network) where T : unmanaged, IFloatingPointIeee754<T>
    {
        IReadOnlyList<LayerInfo> layers = network.Layers;
        int output = layers.Count - 1;
        while (output >= 0 && layers[output].Kind != LayerKind.Dense)
        {
            output--;
        }
        var hidden = new int[Math.Max(output, 0)];
        for (int i = 0; i < hidden.Length; i++)
        {
            LayerInfo layer = layers[i];
            if (layer.Kind != LayerKind.Dense)
            {
                throw new NotSupportedException(
                    $"Layer-wise pretraining trains a stack of dense layers; {layer.Name} (layer {i} of {layers.Count}) is a {layer.Kind} layer. " +
                    "Pretrain a network whose layers before the output are all dense.");
            }
            if (!HiddenActivation.IsSupported(layer.Activation))
            {
                throw new NotSupportedException(
                    $"Layer-wise pretraining supports sigmoid, tanh, ReLU and identity hidden layers; {layer.Name} (layer {i} of {layers.Count}) is {layer.Activation}.");
            }
            hidden[i] = i;
        }
        return hidden;
    }

    private static double[] CheckedInputs<T>(INetwork<T> network, Dataset<T> data) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (data.InputSize != network.InputSize)
        {
            throw new ArgumentException($"The network takes {network.InputSize} inputs per sample; the data has {data.InputSize}.", nameof(data));
        }
        if (data.Count == 0)
        {
            throw new ArgumentException("The data holds no sample; pretraining needs at least 1.", nameof(data));
        }
        ReadOnlySpan<T> values = data.Inputs;
        var inputs = new double[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            inputs[i] = double.CreateTruncating(values[i]);
            if (!double.IsFinite(inputs[i]))
            {
                throw new ArgumentException(
                    $"Input {i % data.InputSize} of sample {i / data.InputSize} is {inputs[i]}; every input must be finite.", nameof(data));
            }
        }
        return inputs;
    }

    private static ReconstructionLoss ResolveLoss(ReconstructionLoss requested, ReadOnlySpan<double> inputs, LayerInfo layer)
    {
        int outside = -1;
        for (int i = 0; i < inputs.Length && outside < 0; i++)
        {
            if (inputs[i] is < 0 or > 1)
            {
                outside = i;
            }
        }
        return requested switch
        {
            ReconstructionLoss.Automatic => outside < 0 ? ReconstructionLoss.SigmoidCrossEntropy : ReconstructionLoss.LinearSquaredError,
            ReconstructionLoss.SigmoidCrossEntropy when outside >= 0 => throw new ArgumentException(
                $"{layer.Name}'s input {outside % layer.Inputs} of sample {outside / layer.Inputs} is {inputs[outside]}; a sigmoid decoder with cross-entropy " +
                $"needs inputs in [0, 1]. Use {nameof(ReconstructionLoss)}.{nameof(ReconstructionLoss.LinearSquaredError)} or {nameof(ReconstructionLoss.Automatic)}.",
                nameof(requested)),
            _ => requested,
        };
    }

    /// <summary>One pass over the samples in a new random order, each mini-batch masked afresh when denoising.</summary>
    private static void TrainEpoch(DenseAutoencoder autoencoder, double[] inputs, int count, PretrainingOptions options, SeededRandom random)
    {
        int width = autoencoder.Inputs;
        int[] order = new int[count];
        for (int i = 0; i < count; i++)
        {
            order[i] = i;
        }
        for (int i = count - 1; i > 0; i--)
        {
            int j = random.NextInt32(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }

        int batch = autoencoder.MaxBatchSize;
        var targets = new double[batch * width];
        var corrupted = options.Corruption > 0 ? new double[batch * width] : targets;
        for (int start = 0; start < count; start += batch)
        {
            int size = Math.Min(batch, count - start);
            for (int s = 0; s < size; s++)
            {
                inputs.AsSpan(order[start + s] * width, width).CopyTo(targets.AsSpan(s * width, width));
            }
            if (options.Corruption > 0)
            {
                for (int i = 0; i < size * width; i++)
                {
                    corrupted[i] = random.NextDouble() < options.Corruption ? 0 : targets[i];
                }
            }
            autoencoder.ComputeGradients(targets, corrupted, size);
            autoencoder.Step(options.LearningRate);
        }
    }

    /// <summary>Copies the layer's weights and biases into the encoder; an untied decoder starts as the encoder transposed, <c>c</c> at 0.</summary>
    private static void ReadLayer<T>(INetwork<T> network, LayerInfo layer, DenseAutoencoder autoencoder) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ReadOnlySpan<T> parameters = network.Parameters;
        Span<double> weights = autoencoder.Weights;
        for (int i = 0; i < weights.Length; i++)
        {
            weights[i] = double.CreateTruncating(parameters[layer.WeightOffset + i]);
        }
        Span<double> biases = autoencoder.Biases;
        for (int i = 0; i < biases.Length; i++)
        {
            biases[i] = double.CreateTruncating(parameters[layer.BiasOffset + i]);
        }
        if (!autoencoder.TiedWeights)
        {
            weights.CopyTo(autoencoder.Parameters.AsSpan(autoencoder.DecoderWeightOffset, weights.Length));
        }
        autoencoder.Parameters.AsSpan(autoencoder.DecoderBiasOffset).Clear();
    }

    private static void WriteLayer<T>(INetwork<T> network, LayerInfo layer, DenseAutoencoder autoencoder) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Span<T> parameters = network.Parameters;
        ReadOnlySpan<double> weights = autoencoder.Weights;
        for (int i = 0; i < weights.Length; i++)
        {
            parameters[layer.WeightOffset + i] = T.CreateTruncating(weights[i]);
        }
        ReadOnlySpan<double> biases = autoencoder.Biases;
        for (int i = 0; i < biases.Length; i++)
        {
            parameters[layer.BiasOffset + i] = T.CreateTruncating(biases[i]);
        }
    }
}

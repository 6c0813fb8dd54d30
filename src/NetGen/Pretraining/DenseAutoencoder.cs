using System;
using System.Numerics.Tensors;

namespace NetGen;

/// <summary>
/// The autoencoder of one dense layer, <c>h = f(W·x + b)</c>, <c>x̂ = g(W′·h + c)</c>, in <see cref="double"/>. Its
/// parameters are one vector: <c>W</c> ([hidden, inputs], row-major as the network's), <c>b</c> (absent when the layer has
/// no biases), <c>W′</c> stored transposed as a second [hidden, inputs] matrix (absent when tied: <c>W′ = Wᵀ</c>), then <c>c</c>.
/// </summary>
internal sealed class DenseAutoencoder
{
    private readonly double[] _preActivations, _hidden, _hiddenDeltas, _outputs;

    public DenseAutoencoder(int inputs, int hidden, Activation activation, bool hasBiases, bool tiedWeights, ReconstructionLoss loss, int maxBatchSize)
    {
        if (!HiddenActivation.IsSupported(activation))
        {
            throw new NotSupportedException($"Pretraining supports sigmoid, tanh, ReLU and identity hidden layers, not {activation}.");
        }
        if (loss is not (ReconstructionLoss.SigmoidCrossEntropy or ReconstructionLoss.LinearSquaredError))
        {
            throw new ArgumentException($"The loss must be resolved to {ReconstructionLoss.SigmoidCrossEntropy} or {ReconstructionLoss.LinearSquaredError}, not {loss}.", nameof(loss));
        }
        Inputs = inputs;
        Hidden = hidden;
        Activation = activation;
        BiasCount = hasBiases ? hidden : 0;
        TiedWeights = tiedWeights;
        Loss = loss;
        int weights = hidden * inputs;
        DecoderWeightOffset = tiedWeights ? 0 : weights + BiasCount;
        DecoderBiasOffset = weights + BiasCount + (tiedWeights ? 0 : weights);
        Parameters = new double[DecoderBiasOffset + inputs];
        Gradients = new double[Parameters.Length];
        _preActivations = new double[maxBatchSize * hidden];
        _hidden = new double[maxBatchSize * hidden];
        _hiddenDeltas = new double[maxBatchSize * hidden];
        _outputs = new double[maxBatchSize * inputs];
        MaxBatchSize = maxBatchSize;
    }

    public int Inputs { get; }

    public int Hidden { get; }

    public Activation Activation { get; }

    public int BiasCount { get; }

    public bool TiedWeights { get; }

    public ReconstructionLoss Loss { get; }

    public int MaxBatchSize { get; }

    public int DecoderWeightOffset { get; }

    public int DecoderBiasOffset { get; }

    /// <summary>Every parameter, in the layout of the class summary.</summary>
    public double[] Parameters { get; }

    /// <summary>The gradient of the last <see cref="ComputeGradients"/>, laid out as <see cref="Parameters"/>.</summary>
    public double[] Gradients { get; }

    public Span<double> Weights => Parameters.AsSpan(0, Hidden * Inputs);

    public Span<double> Biases => Parameters.AsSpan(Hidden * Inputs, BiasCount);

    /// <summary>
    /// The mean over <paramref name="count"/> samples of the reconstruction loss of <paramref name="targets"/> from the code of
    /// <paramref name="inputs"/> (the same values for a plain autoencoder, the corrupted ones for a denoising one).
    /// </summary>
    public double ComputeLoss(ReadOnlySpan<double> targets, ReadOnlySpan<double> inputs, int count)
    {
        double total = 0;
        for (int start = 0; start < count; start += MaxBatchSize)
        {
            int size = Math.Min(MaxBatchSize, count - start);
            total += Forward(targets.Slice(start * Inputs, size * Inputs), inputs.Slice(start * Inputs, size * Inputs), size) * size;
        }
        return total / count;
    }

    /// <summary>Overwrites <see cref="Gradients"/> with the gradient of the mean loss of a batch, and returns that loss.</summary>
    public double ComputeGradients(ReadOnlySpan<double> targets, ReadOnlySpan<double> inputs, int batchSize)
    {
        double loss = Forward(targets, inputs, batchSize);
        ReadOnlySpan<double> decoder = DecoderWeights;
        Span<double> gradients = Gradients;
        gradients.Clear();
        Span<double> decoderGradients = gradients.Slice(DecoderWeightOffset, Hidden * Inputs);
        Span<double> decoderBiasGradients = gradients.Slice(DecoderBiasOffset, Inputs);
        Span<double> outputDeltas = _outputs.AsSpan(0, batchSize * Inputs);

        // Both losses give ∂loss/∂(W′h + c) = x̂ − x: the sigmoid's derivative cancels the cross-entropy's denominator.
        if (Loss == ReconstructionLoss.SigmoidCrossEntropy)
        {
            TensorPrimitives.Sigmoid(outputDeltas, outputDeltas);
        }
        TensorPrimitives.Subtract(outputDeltas, targets[..(batchSize * Inputs)], outputDeltas);
        TensorPrimitives.Multiply(outputDeltas, 1.0 / batchSize, outputDeltas);

        for (int s = 0; s < batchSize; s++)
        {
            ReadOnlySpan<double> delta = outputDeltas.Slice(s * Inputs, Inputs);
            TensorPrimitives.Add(decoderBiasGradients, delta, decoderBiasGradients);
            for (int j = 0; j < Hidden; j++)
            {
                double h = _hidden[s * Hidden + j];
                ReadOnlySpan<double> row = decoder.Slice(j * Inputs, Inputs);
                _hiddenDeltas[s * Hidden + j] = TensorPrimitives.Dot(row, delta);
                if (h != 0)
                {
                    Span<double> rowGradient = decoderGradients.Slice(j * Inputs, Inputs);
                    TensorPrimitives.MultiplyAdd(delta, h, rowGradient, rowGradient);
                }
            }
        }
        HiddenActivation.DerivativeTimes(
            Activation, _preActivations.AsSpan(0, batchSize * Hidden), _hidden.AsSpan(0, batchSize * Hidden), _hiddenDeltas.AsSpan(0, batchSize * Hidden));

        // The encoder's gradient adds to the decoder's when the weights are tied: W is used twice.
        Span<double> weightGradients = gradients[..(Hidden * Inputs)];
        Span<double> biasGradients = gradients.Slice(Hidden * Inputs, BiasCount);
        for (int s = 0; s < batchSize; s++)
        {
            ReadOnlySpan<double> input = inputs.Slice(s * Inputs, Inputs);
            ReadOnlySpan<double> hiddenDelta = _hiddenDeltas.AsSpan(s * Hidden, Hidden);
            if (BiasCount != 0)
            {
                TensorPrimitives.Add(biasGradients, hiddenDelta, biasGradients);
            }
            for (int j = 0; j < Hidden; j++)
            {
                if (hiddenDelta[j] != 0)
                {
                    Span<double> rowGradient = weightGradients.Slice(j * Inputs, Inputs);
                    TensorPrimitives.MultiplyAdd(input, hiddenDelta[j], rowGradient, rowGradient);
                }
            }
        }
        return loss;
    }

    /// <summary>One step of plain gradient descent along <see cref="Gradients"/>.</summary>
    public void Step(double learningRate) => TensorPrimitives.MultiplyAdd(Gradients, -learningRate, Parameters, Parameters);

    private ReadOnlySpan<double> DecoderWeights => Parameters.AsSpan(DecoderWeightOffset, Hidden * Inputs);

    private void Encode(ReadOnlySpan<double> input, Span<double> code)
    {
        ReadOnlySpan<double> weights = Weights;
        ReadOnlySpan<double> biases = Biases;
        for (int j = 0; j < Hidden; j++)
        {
            code[j] = TensorPrimitives.Dot(weights.Slice(j * Inputs, Inputs), input) + (BiasCount == 0 ? 0 : biases[j]);
        }
    }

    /// <summary>Encodes and decodes a batch, keeping the pre-activations, the codes and the decoder's pre-activations; returns the mean loss.</summary>
    private double Forward(ReadOnlySpan<double> targets, ReadOnlySpan<double> inputs, int batchSize)
    {
        if (batchSize < 1 || batchSize > MaxBatchSize || targets.Length < batchSize * Inputs || inputs.Length < batchSize * Inputs)
        {
            throw new ArgumentException(
                $"A batch of 1 to {MaxBatchSize} samples of {Inputs} values was expected; got {batchSize} samples, {targets.Length} target and {inputs.Length} input values.");
        }
        ReadOnlySpan<double> decoder = DecoderWeights;
        ReadOnlySpan<double> decoderBiases = Parameters.AsSpan(DecoderBiasOffset, Inputs);
        double loss = 0;
        for (int s = 0; s < batchSize; s++)
        {
            Span<double> pre = _preActivations.AsSpan(s * Hidden, Hidden);
            Span<double> code = _hidden.AsSpan(s * Hidden, Hidden);
            Encode(inputs.Slice(s * Inputs, Inputs), pre);
            HiddenActivation.Apply(Activation, pre, code);

            Span<double> output = _outputs.AsSpan(s * Inputs, Inputs);
            decoderBiases.CopyTo(output);
            for (int j = 0; j < Hidden; j++)
            {
                if (code[j] != 0)
                {
                    TensorPrimitives.MultiplyAdd(decoder.Slice(j * Inputs, Inputs), code[j], output, output);
                }
            }
            loss += SampleLoss(targets.Slice(s * Inputs, Inputs), output);
        }
        return loss / batchSize;
    }

    /// <summary>The loss of one sample from the decoder's pre-activations <paramref name="output"/>.</summary>
    private double SampleLoss(ReadOnlySpan<double> target, ReadOnlySpan<double> output)
    {
        double loss = 0;
        if (Loss == ReconstructionLoss.SigmoidCrossEntropy)
        {
            // −x log σ(a) − (1 − x) log(1 − σ(a)) = softplus(a) − x·a, written so that no exponential overflows.
            for (int i = 0; i < output.Length; i++)
            {
                double a = output[i];
                loss += Math.Max(a, 0) + double.LogP1(Math.Exp(-Math.Abs(a))) - target[i] * a;
            }
        }
        else
        {
            for (int i = 0; i < output.Length; i++)
            {
                double error = output[i] - target[i];
                loss += 0.5 * error * error;
            }
        }
        return loss;
    }
}

using System.Numerics.Tensors;

namespace NetGen.Compare;

/// <summary>
/// The straightforward baseline: an MLP (ReLU hidden layers, identity output, softmax cross-entropy) written by hand
/// with <see cref="TensorPrimitives"/>, one sample at a time: a <see cref="TensorPrimitives.Dot(ReadOnlySpan{float}, ReadOnlySpan{float})"/>
/// per unit forward, a <see cref="TensorPrimitives.MultiplyAdd(ReadOnlySpan{float}, float, ReadOnlySpan{float}, Span{float})"/>
/// per unit backward, plain SGD. Parameters and gradients are laid out as NetGen's (per layer, weights [out, in]
/// row-major, then biases), so NetGen's initialized parameters are copied as they are.
/// </summary>
public sealed class TensorPrimitivesMlp
{
    private readonly int[] _sizes;
    private readonly int[] _weightOffsets;
    private readonly int[] _biasOffsets;
    private readonly float[][] _z;   // per layer: batch × units pre-activations
    private readonly float[][] _a;   // per hidden layer: batch × units activations
    private readonly float[][] _dz;  // per layer: batch × units ∂loss/∂z
    private readonly float[] _probabilities;

    public TensorPrimitivesMlp(int[] sizes, int maxBatchSize, ReadOnlySpan<float> parameters)
    {
        _sizes = sizes;
        int layers = sizes.Length - 1;
        _weightOffsets = new int[layers];
        _biasOffsets = new int[layers];
        int offset = 0;
        _z = new float[layers][];
        _a = new float[layers][];
        _dz = new float[layers][];
        for (int l = 0; l < layers; l++)
        {
            _weightOffsets[l] = offset;
            offset += sizes[l] * sizes[l + 1];
            _biasOffsets[l] = offset;
            offset += sizes[l + 1];
            _z[l] = new float[maxBatchSize * sizes[l + 1]];
            _a[l] = new float[maxBatchSize * sizes[l + 1]];
            _dz[l] = new float[maxBatchSize * sizes[l + 1]];
        }
        if (offset != parameters.Length)
        {
            throw new ArgumentException($"{offset} parameters expected, {parameters.Length} given.");
        }
        Parameters = parameters.ToArray();
        Gradients = new float[offset];
        _probabilities = new float[sizes[^1]];
    }

    public float[] Parameters { get; }

    public float[] Gradients { get; }

    private int Layers => _sizes.Length - 1;

    private ReadOnlySpan<float> Input(int layer, ReadOnlySpan<float> inputs) => layer == 0 ? inputs : _a[layer - 1];

    /// <summary>Runs a batch forward, writing the output layer's pre-activations (logits) to <paramref name="outputs"/>.</summary>
    public void Forward(ReadOnlySpan<float> inputs, Span<float> outputs, int batchSize)
    {
        ForwardCore(inputs, batchSize);
        _z[Layers - 1].AsSpan(0, batchSize * _sizes[^1]).CopyTo(outputs);
    }

    private void ForwardCore(ReadOnlySpan<float> inputs, int batchSize)
    {
        ReadOnlySpan<float> parameters = Parameters;
        for (int l = 0; l < Layers; l++)
        {
            int fanIn = _sizes[l];
            int units = _sizes[l + 1];
            ReadOnlySpan<float> input = Input(l, inputs);
            ReadOnlySpan<float> weights = parameters.Slice(_weightOffsets[l], units * fanIn);
            ReadOnlySpan<float> biases = parameters.Slice(_biasOffsets[l], units);
            bool hidden = l < Layers - 1;
            for (int s = 0; s < batchSize; s++)
            {
                ReadOnlySpan<float> x = input.Slice(s * fanIn, fanIn);
                Span<float> z = _z[l].AsSpan(s * units, units);
                for (int j = 0; j < units; j++)
                {
                    z[j] = TensorPrimitives.Dot(weights.Slice(j * fanIn, fanIn), x) + biases[j];
                }
                if (hidden)
                {
                    TensorPrimitives.Max(z, 0f, _a[l].AsSpan(s * units, units));
                }
            }
        }
    }

    /// <summary>Forward, softmax cross-entropy (mean over the batch), backward: overwrites <see cref="Gradients"/>, returns the loss.</summary>
    public float ComputeGradients(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets, int batchSize)
    {
        ForwardCore(inputs, batchSize);
        int outputs = _sizes[^1];
        float scale = 1f / batchSize;
        double loss = 0;
        int last = Layers - 1;
        for (int s = 0; s < batchSize; s++)
        {
            ReadOnlySpan<float> z = _z[last].AsSpan(s * outputs, outputs);
            ReadOnlySpan<float> y = targets.Slice(s * outputs, outputs);
            Span<float> dz = _dz[last].AsSpan(s * outputs, outputs);
            // loss = logsumexp(z) − Σ y·z (Σ y = 1)
            float max = TensorPrimitives.Max(z);
            double sum = 0;
            for (int i = 0; i < outputs; i++)
            {
                sum += Math.Exp(z[i] - max);
            }
            loss += max + Math.Log(sum) - TensorPrimitives.Dot(y, z);
            TensorPrimitives.SoftMax(z, _probabilities);
            TensorPrimitives.Subtract(_probabilities, y, dz);
            TensorPrimitives.Multiply(dz, scale, dz);
        }

        Span<float> parameters = Parameters;
        Span<float> gradients = Gradients;
        for (int l = last; l >= 0; l--)
        {
            int fanIn = _sizes[l];
            int units = _sizes[l + 1];
            ReadOnlySpan<float> input = Input(l, inputs);
            ReadOnlySpan<float> weights = parameters.Slice(_weightOffsets[l], units * fanIn);
            Span<float> weightGradients = gradients.Slice(_weightOffsets[l], units * fanIn);
            Span<float> biasGradients = gradients.Slice(_biasOffsets[l], units);
            weightGradients.Clear();
            biasGradients.Clear();
            for (int s = 0; s < batchSize; s++)
            {
                ReadOnlySpan<float> x = input.Slice(s * fanIn, fanIn);
                ReadOnlySpan<float> dz = _dz[l].AsSpan(s * units, units);
                TensorPrimitives.Add(biasGradients, dz, biasGradients);
                for (int j = 0; j < units; j++)
                {
                    Span<float> row = weightGradients.Slice(j * fanIn, fanIn);
                    TensorPrimitives.MultiplyAdd(x, dz[j], row, row);
                }
                if (l > 0)
                {
                    // ∂loss/∂a of the layer below, then ReLU's derivative (1 if z > 0, else 0).
                    Span<float> da = _dz[l - 1].AsSpan(s * fanIn, fanIn);
                    da.Clear();
                    for (int j = 0; j < units; j++)
                    {
                        TensorPrimitives.MultiplyAdd(weights.Slice(j * fanIn, fanIn), dz[j], da, da);
                    }
                    ReadOnlySpan<float> zBelow = _z[l - 1].AsSpan(s * fanIn, fanIn);
                    for (int i = 0; i < fanIn; i++)
                    {
                        if (zBelow[i] <= 0)
                        {
                            da[i] = 0;
                        }
                    }
                }
            }
        }
        return (float)(loss / batchSize);
    }

    /// <summary>One training step with plain SGD: <c>p −= lr·g</c>.</summary>
    public float TrainStep(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets, int batchSize, float learningRate)
    {
        float loss = ComputeGradients(inputs, targets, batchSize);
        TensorPrimitives.MultiplyAdd(Gradients, -learningRate, Parameters, Parameters);
        return loss;
    }
}

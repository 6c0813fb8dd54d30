namespace NetGen.Tests.GradientPrediction;

/// <summary>
/// Measures, at initialization, E[(∂loss/∂z)²] per unit (channel and pixel) and sample of every layer of a generated
/// convolutional network, on standard-normal inputs (E[x²] = 1, as the analysis assumes) and one-hot targets of random
/// classes. A convolution's bias gradient sums dz over the pixels, so it does not give dz per pixel: the pre-activation
/// gradients are computed here by a backward pass written apart from the generated one, from the network's own forward
/// values (<see cref="INetwork{T}.PreActivations"/>) and parameters; that pass is checked against every weight and bias
/// gradient the network computed (<see cref="Result.WorstGradientMismatch"/>), so what is measured is the network's dz.
/// </summary>
/// <remarks>
/// It covers what the convolutional test networks use: convolutions of odd kernels k padded by (k − 1)/2 on every side, of
/// stride 1 or more, on square images, max and average pooling with windows side by side, global average pooling, flatten,
/// dense, batch normalization per channel or per unit (batch statistics, ε = 1e-5), residual blocks whose branch is the
/// <c>branchLayers</c> layers before the block's end with an identity skip or a 1×1-convolution projection of stride s
/// (weights [C_out, C_in], reading the skip's pixel (s·i, s·j) for output pixel (i, j)), ReLU, tanh and identity
/// activations, and softmax cross-entropy.
/// </remarks>
internal static class ConvolutionGradientMeasurement
{
    private const double Epsilon = 1e-5;

    /// <summary>
    /// Per layer the mean square of dz per unit and sample; the largest relative difference between the network's parameter
    /// gradients and this pass's; and between the dz the network exposes (<see cref="INetwork{T}.PreActivationGradients"/>,
    /// what the gradient monitor measures) and this pass's.
    /// </summary>
    public sealed record Result(double[] MeanSquares, double WorstGradientMismatch, double WorstPreActivationGradientMismatch);

    public static Result Measure(Type type, int seeds, int batches, int batchSize, int branchLayers)
    {
        double[]? sums = null;
        double worstMismatch = 0, worstExposedMismatch = 0;
        for (int seed = 0; seed < seeds; seed++)
        {
            var network = (INetwork<double>)Activator.CreateInstance(type, batchSize, seed)!;
            sums ??= new double[network.Layers.Count];
            var random = new SeededRandom(100 + seed);
            var inputs = new double[batchSize * network.InputSize];
            var targets = new double[batchSize * network.OutputSize];
            for (int batch = 0; batch < batches; batch++)
            {
                RandomBatches.Fill(random, inputs, targets, batchSize);
                network.ComputeGradients(inputs, targets, batchSize);
                var pass = new ReferenceBackward(network, inputs, targets, batchSize, branchLayers);
                double[][] dz = pass.Run();
                worstMismatch = Math.Max(worstMismatch, pass.WorstMismatch);
                worstExposedMismatch = Math.Max(worstExposedMismatch, ExposedMismatch(network, dz));
                for (int k = 0; k < dz.Length; k++)
                {
                    // The network's dz is of the mean batch loss: B·dz is the sample's own.
                    double squares = 0;
                    foreach (double value in dz[k])
                    {
                        squares += value * value;
                    }
                    sums[k] += squares * batchSize * batchSize / dz[k].Length;
                }
            }
        }
        return new Result(sums!.Select(sum => sum / (seeds * batches)).ToArray(), worstMismatch, worstExposedMismatch);
    }

    /// <summary>The largest difference between the network's own dz and <paramref name="dz"/>, relative to the layer's largest |dz|.</summary>
    private static double ExposedMismatch(INetwork<double> network, double[][] dz)
    {
        double worst = 0;
        for (int k = 0; k < dz.Length; k++)
        {
            ReadOnlySpan<double> exposed = network.PreActivationGradients(k);
            if (exposed.Length != dz[k].Length)
            {
                return double.PositiveInfinity;
            }
            worst = Math.Max(worst, LargestDifference(exposed, dz[k]) / Math.Max(1e-300, LargestMagnitude(dz[k])));
        }
        return worst;
    }

    private static double LargestMagnitude(ReadOnlySpan<double> values)
    {
        double largest = 0;
        foreach (double value in values)
        {
            largest = Math.Max(largest, Math.Abs(value));
        }
        return largest;
    }

    private static double LargestDifference(ReadOnlySpan<double> network, double[] reference)
    {
        double largest = 0;
        for (int i = 0; i < reference.Length; i++)
        {
            largest = Math.Max(largest, Math.Abs(network[i] - reference[i]));
        }
        return largest;
    }

    /// <summary>One backward pass over the last forward pass of a network, layer by layer from the loss.</summary>
    private sealed class ReferenceBackward(INetwork<double> network, double[] inputs, double[] targets, int batchSize, int branchLayers)
    {
        private readonly IReadOnlyList<LayerInfo> _layers = network.Layers;
        private readonly double[] _parameters = network.Parameters.ToArray();
        private readonly double[] _gradients = network.Gradients.ToArray();

        public double WorstMismatch { get; private set; }

        public double[][] Run()
        {
            int count = _layers.Count;
            var z = new double[count][];
            var a = new double[count][];
            var da = new double[count][];
            for (int k = 0; k < count; k++)
            {
                z[k] = network.PreActivations(k).ToArray();
                a[k] = k == count - 1 ? [] : z[k].Select(value => Activate(_layers[k].Activation, value)).ToArray(); // the output layer's is the loss's
                da[k] = new double[z[k].Length];
            }
            var dz = new double[count][];
            for (int k = count - 1; k >= 0; k--)
            {
                LayerInfo layer = _layers[k];
                dz[k] = k == count - 1 ? SoftmaxCrossEntropy(z[k]) : da[k].Select((g, i) => g * Derivative(layer.Activation, z[k][i])).ToArray();
                double[] x = k == 0 ? inputs : a[k - 1];
                double[] dx = k == 0 ? new double[inputs.Length] : da[k - 1];
                switch (layer.Kind)
                {
                    case LayerKind.Dense:
                        Dense(layer, x, dz[k], dx);
                        break;
                    case LayerKind.Conv2D:
                        Convolution(layer, x, dz[k], dx);
                        break;
                    case LayerKind.MaxPool2D:
                    case LayerKind.AvgPool2D:
                        Pool(layer, x, dz[k], dx);
                        break;
                    case LayerKind.GlobalAveragePool:
                        GlobalAveragePool(layer, dz[k], dx);
                        break;
                    case LayerKind.Flatten:
                        Add(dz[k], dx);
                        break;
                    case LayerKind.BatchNorm:
                        BatchNorm(layer, x, dz[k], dx);
                        break;
                    case LayerKind.Residual:
                        // dx is the branch's (the layer before); the layer's Inputs are its skip's.
                        Add(dz[k], dx);
                        int skip = k - branchLayers - 1;
                        double[] skipValues = skip >= 0 ? a[skip] : inputs;
                        double[] skipGradient = skip >= 0 ? da[skip] : new double[inputs.Length];
                        if (layer.WeightCount > 0)
                        {
                            Projection(layer, skipValues, dz[k], skipGradient);
                        }
                        else
                        {
                            Add(dz[k], skipGradient);
                        }
                        break;
                    default:
                        throw new NotSupportedException(layer.Kind.ToString());
                }
            }
            return dz;
        }

        private double[] SoftmaxCrossEntropy(double[] z)
        {
            int outputs = z.Length / batchSize;
            var dz = new double[z.Length];
            for (int b = 0; b < batchSize; b++)
            {
                double max = z.Skip(b * outputs).Take(outputs).Max(), sum = 0;
                for (int j = 0; j < outputs; j++)
                {
                    sum += Math.Exp(z[b * outputs + j] - max);
                }
                for (int j = 0; j < outputs; j++)
                {
                    int i = b * outputs + j;
                    dz[i] = (Math.Exp(z[i] - max) / sum - targets[i]) / batchSize;
                }
            }
            return dz;
        }

        private void Dense(LayerInfo layer, double[] x, double[] dz, double[] dx)
        {
            int inputs = layer.Inputs, units = layer.Outputs;
            var weightGradient = new double[layer.WeightCount];
            var biasGradient = new double[units];
            for (int b = 0; b < batchSize; b++)
            {
                for (int j = 0; j < units; j++)
                {
                    double g = dz[b * units + j];
                    biasGradient[j] += g;
                    for (int i = 0; i < inputs; i++)
                    {
                        dx[b * inputs + i] += _parameters[layer.WeightOffset + j * inputs + i] * g;
                        weightGradient[j * inputs + i] += g * x[b * inputs + i];
                    }
                }
            }
            Compare(layer, weightGradient, layer.BiasCount > 0 ? biasGradient : null);
        }

        /// <summary>
        /// A k×k convolution of an odd k padded by (k − 1)/2 on every side (the tests' networks' 'same' or PaddingSize), of
        /// the stride that takes the input's side to the output's, weights [filters, channels, k, k]. A network padded
        /// otherwise would show in <see cref="WorstMismatch"/>.
        /// </summary>
        private void Convolution(LayerInfo layer, double[] x, double[] dz, double[] dx)
        {
            int channels = layer.InputChannels, filters = layer.OutputChannels;
            int pixels = layer.Inputs / channels, side = Side(pixels);
            int outPixels = layer.Outputs / filters, outSide = Side(outPixels);
            int kernel = Side(layer.WeightCount / (channels * filters)), pad = (kernel - 1) / 2;
            if (kernel % 2 == 0)
            {
                throw new NotSupportedException($"{layer.Name}: only odd kernels padded by (k - 1)/2");
            }
            int stride = Stride(side, outSide);
            var weightGradient = new double[layer.WeightCount];
            var biasGradient = new double[filters];
            for (int b = 0; b < batchSize; b++)
            {
                for (int f = 0; f < filters; f++)
                {
                    for (int y = 0; y < outSide; y++)
                    {
                        for (int xo = 0; xo < outSide; xo++)
                        {
                            double g = dz[(b * filters + f) * outPixels + y * outSide + xo];
                            biasGradient[f] += g;
                            for (int c = 0; c < channels; c++)
                            {
                                for (int ky = 0; ky < kernel; ky++)
                                {
                                    int iy = stride * y + ky - pad;
                                    if (iy < 0 || iy >= side)
                                    {
                                        continue;
                                    }
                                    for (int kx = 0; kx < kernel; kx++)
                                    {
                                        int ix = stride * xo + kx - pad;
                                        if (ix < 0 || ix >= side)
                                        {
                                            continue;
                                        }
                                        int w = ((f * channels + c) * kernel + ky) * kernel + kx;
                                        int input = (b * channels + c) * pixels + iy * side + ix;
                                        dx[input] += _parameters[layer.WeightOffset + w] * g;
                                        weightGradient[w] += g * x[input];
                                    }
                                }
                            }
                        }
                    }
                }
            }
            Compare(layer, weightGradient, layer.BiasCount > 0 ? biasGradient : null);
        }

        /// <summary>
        /// A residual block's projection skip over images, a 1×1 convolution of stride s without bias, weights [C_out, C_in]:
        /// output pixel (i, j) of channel o is Σ_c P[o, c]·skip[c, s·i, s·j]; the pixels the stride passes over get no gradient.
        /// </summary>
        private void Projection(LayerInfo layer, double[] skip, double[] dz, double[] dSkip)
        {
            int channels = layer.InputChannels, filters = layer.OutputChannels;
            if (channels == 0 || filters == 0)
            {
                throw new NotSupportedException($"{layer.Name}: only projections over images");
            }
            int pixels = layer.Inputs / channels, side = Side(pixels);
            int outPixels = layer.Outputs / filters, outSide = Side(outPixels);
            int stride = Stride(side, outSide);
            var weightGradient = new double[layer.WeightCount];
            for (int b = 0; b < batchSize; b++)
            {
                for (int o = 0; o < filters; o++)
                {
                    for (int y = 0; y < outSide; y++)
                    {
                        for (int xo = 0; xo < outSide; xo++)
                        {
                            double g = dz[(b * filters + o) * outPixels + y * outSide + xo];
                            for (int c = 0; c < channels; c++)
                            {
                                int input = (b * channels + c) * pixels + stride * y * side + stride * xo;
                                dSkip[input] += _parameters[layer.WeightOffset + o * channels + c] * g;
                                weightGradient[o * channels + c] += g * skip[input];
                            }
                        }
                    }
                }
            }
            Compare(layer, weightGradient, null);
        }

        /// <summary>Max or average pooling with windows side by side (stride = size), no padding.</summary>
        private void Pool(LayerInfo layer, double[] x, double[] dz, double[] dx)
        {
            int channels = layer.OutputChannels;
            int inSide = Side(layer.Inputs / channels), outSide = Side(layer.Outputs / channels), size = inSide / outSide;
            if (outSide * size != inSide)
            {
                throw new NotSupportedException($"{layer.Name}: only windows side by side");
            }
            for (int b = 0; b < batchSize; b++)
            {
                for (int c = 0; c < channels; c++)
                {
                    int inBase = (b * channels + c) * inSide * inSide, outBase = (b * channels + c) * outSide * outSide;
                    for (int y = 0; y < outSide; y++)
                    {
                        for (int xo = 0; xo < outSide; xo++)
                        {
                            double g = dz[outBase + y * outSide + xo];
                            int best = -1;
                            for (int ky = 0; ky < size; ky++)
                            {
                                for (int kx = 0; kx < size; kx++)
                                {
                                    int input = inBase + (y * size + ky) * inSide + xo * size + kx;
                                    if (layer.Kind == LayerKind.AvgPool2D)
                                    {
                                        dx[input] += g / (size * size);
                                    }
                                    else if (best < 0 || x[input] > x[best])
                                    {
                                        best = input;
                                    }
                                }
                            }
                            if (best >= 0)
                            {
                                dx[best] += g;
                            }
                        }
                    }
                }
            }
        }

        private static void GlobalAveragePool(LayerInfo layer, double[] dz, double[] dx)
        {
            int channels = layer.Outputs, pixels = layer.Inputs / channels;
            for (int i = 0; i < dx.Length; i++)
            {
                int b = i / layer.Inputs, c = i % layer.Inputs / pixels;
                dx[i] += dz[b * channels + c] / pixels;
            }
        }

        /// <summary>Batch normalization per channel over the batch and the pixels: dx = γ/σ·(dy − mean(dy) − x̂·mean(dy·x̂)).</summary>
        private void BatchNorm(LayerInfo layer, double[] x, double[] dz, double[] dx)
        {
            int channels = layer.OutputChannels > 0 ? layer.OutputChannels : layer.Outputs;
            int pixels = layer.Outputs / channels, count = batchSize * pixels;
            var gammaGradient = new double[channels];
            var betaGradient = new double[channels];
            for (int c = 0; c < channels; c++)
            {
                IEnumerable<int> Indices() => Enumerable.Range(0, batchSize).SelectMany(b => Enumerable.Range((b * channels + c) * pixels, pixels));
                double mean = Indices().Sum(i => x[i]) / count;
                double variance = Indices().Sum(i => (x[i] - mean) * (x[i] - mean)) / count;
                double inverse = 1 / Math.Sqrt(variance + Epsilon), gamma = _parameters[layer.WeightOffset + c];
                double sum = 0, projected = 0;
                foreach (int i in Indices())
                {
                    double normalized = (x[i] - mean) * inverse;
                    sum += dz[i];
                    projected += dz[i] * normalized;
                }
                gammaGradient[c] = projected;
                betaGradient[c] = sum;
                foreach (int i in Indices())
                {
                    double normalized = (x[i] - mean) * inverse;
                    dx[i] += gamma * inverse * (dz[i] - sum / count - normalized * projected / count);
                }
            }
            Compare(layer, gammaGradient, betaGradient);
        }

        /// <summary>
        /// The largest difference over the layer's weight and bias gradients relative to the largest of them: one scale for
        /// the layer, since a gradient that is zero but for rounding (the biases of a layer before a batch normalization:
        /// the normalization takes any shift away) is all noise relative to itself, in the network and here alike.
        /// </summary>
        private void Compare(LayerInfo layer, double[] weightGradient, double[]? biasGradient)
        {
            ReadOnlySpan<double> weights = _gradients.AsSpan(layer.WeightOffset, layer.WeightCount);
            ReadOnlySpan<double> biases = biasGradient is null ? [] : _gradients.AsSpan(layer.BiasOffset, layer.BiasCount);
            double scale = Math.Max(1e-300, Math.Max(LargestMagnitude(weights), LargestMagnitude(biases)));
            double difference = Math.Max(LargestDifference(weights, weightGradient), biasGradient is null ? 0 : LargestDifference(biases, biasGradient));
            WorstMismatch = Math.Max(WorstMismatch, difference / scale);
        }

        private static void Add(double[] source, double[] target)
        {
            for (int i = 0; i < source.Length; i++)
            {
                target[i] += source[i];
            }
        }

        /// <summary>The smallest stride s that takes a side of <paramref name="side"/> to ⌊(side − 1)/s⌋ + 1 = <paramref name="outSide"/>.</summary>
        private static int Stride(int side, int outSide)
        {
            for (int stride = 1; stride <= side; stride++)
            {
                if ((side - 1) / stride + 1 == outSide)
                {
                    return stride;
                }
            }
            throw new NotSupportedException($"no stride takes {side} to {outSide}");
        }

        private static int Side(int pixels)
        {
            int side = (int)Math.Round(Math.Sqrt(pixels));
            return side * side == pixels ? side : throw new NotSupportedException($"{pixels} pixels: only square images");
        }

        private static double Activate(Activation activation, double z) => activation switch
        {
            Activation.Identity => z,
            Activation.ReLU => Math.Max(0, z),
            Activation.Tanh => Math.Tanh(z),
            _ => throw new NotSupportedException(activation.ToString()),
        };

        private static double Derivative(Activation activation, double z) => activation switch
        {
            Activation.Identity => 1,
            Activation.ReLU => z > 0 ? 1 : 0,
            Activation.Tanh => 1 - Math.Tanh(z) * Math.Tanh(z),
            _ => throw new NotSupportedException(activation.ToString()),
        };
    }
}

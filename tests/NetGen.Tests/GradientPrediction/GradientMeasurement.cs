namespace NetGen.Tests.GradientPrediction;

/// <summary>
/// Measures, at initialization, E[(∂loss/∂z)²] per unit and sample of every dense layer of a generated network, on
/// standard-normal inputs (E[x²] = 1, as the analysis assumes) and one-hot targets of random classes.
/// </summary>
internal static class GradientMeasurement
{
    /// <summary>
    /// Exactly: one sample per <c>ComputeGradients</c>, where a dense layer's bias gradient is that sample's dz. Batch
    /// means would not do: the samples' gradients share a part (every sample's softmax leans the same way at
    /// initialization), which a batch mean keeps and averages the rest away.
    /// </summary>
    public static double[] PerSample(Type type, int seeds, int samples)
    {
        double[]? sums = null;
        for (int seed = 0; seed < seeds; seed++)
        {
            var network = (INetwork<double>)Activator.CreateInstance(type, 1, seed)!;
            sums ??= new double[network.Layers.Count];
            var random = new SeededRandom(100 + seed);
            var input = new double[network.InputSize];
            var target = new double[network.OutputSize];
            for (int sample = 0; sample < samples; sample++)
            {
                RandomBatches.Fill(random, input, target, 1);
                network.ComputeGradients(input, target, 1);
                for (int k = 0; k < network.Layers.Count; k++)
                {
                    LayerInfo layer = network.Layers[k];
                    if (layer.Kind == LayerKind.Dense)
                    {
                        sums[k] += SumOfSquares(network.Gradients.Slice(layer.BiasOffset, layer.BiasCount)) / layer.Outputs;
                    }
                }
            }
        }
        return sums!.Select(sum => sum / (seeds * samples)).ToArray();
    }

    /// <summary>
    /// From batches, for networks with batch normalization (which needs a batch). With dz_bj = g_j + e_bj (g the bias
    /// gradient, the batch mean; e sums to zero over the batch) and the layer's input a_bi = ā_i + c_bi, the weight
    /// gradient gives Σ_b e_bj·c_bi = B·(dW_ji − g_j·ā_i); e being uncorrelated with c, averaging its square over the
    /// inputs i gives Σ_b e_bj² = (B − 1)·Σ_i (Σ_b e_bj·c_bi)² / Σ_ib c_bi². So the mean square of dz_j over the batch is
    /// g_j² + B·(B − 1)·Σ_i (dW_ji − g_j·ā_i)² / Σ_ib c_bi². A dense layer followed by batch normalization has g = 0.
    /// </summary>
    public static double[] FromBatches(Type type, int seeds, int batches, int batchSize)
    {
        double[]? sums = null;
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
                for (int k = 0; k < network.Layers.Count; k++)
                {
                    if (network.Layers[k].Kind == LayerKind.Dense)
                    {
                        double[] layerInput = k == 0 ? inputs : Outputs(network, k - 1);
                        sums[k] += MeanSquareFromWeightGradient(network, network.Layers[k], layerInput, batchSize);
                    }
                }
            }
        }
        return sums!.Select(sum => sum / (seeds * batches)).ToArray();
    }

    private static double MeanSquareFromWeightGradient(INetwork<double> network, LayerInfo layer, double[] input, int batchSize)
    {
        int inputs = layer.Inputs;
        var mean = new double[inputs];
        for (int b = 0; b < batchSize; b++)
        {
            for (int i = 0; i < inputs; i++)
            {
                mean[i] += input[b * inputs + i] / batchSize;
            }
        }
        double centeredSquares = 0;
        for (int b = 0; b < batchSize; b++)
        {
            for (int i = 0; i < inputs; i++)
            {
                double c = input[b * inputs + i] - mean[i];
                centeredSquares += c * c;
            }
        }
        ReadOnlySpan<double> gradients = network.Gradients;
        double total = 0;
        for (int j = 0; j < layer.Outputs; j++)
        {
            double g = layer.BiasCount > 0 ? gradients[layer.BiasOffset + j] : 0;
            double rest = 0;
            for (int i = 0; i < inputs; i++)
            {
                double d = gradients[layer.WeightOffset + j * inputs + i] - g * mean[i];
                rest += d * d;
            }
            total += g * g + (double)batchSize * (batchSize - 1) * rest / centeredSquares;
        }
        return total / layer.Outputs;
    }

    /// <summary>Layer <paramref name="k"/>'s outputs from the last forward pass: its activation applied to its pre-activations.</summary>
    private static double[] Outputs(INetwork<double> network, int k)
    {
        Func<double, double> f = network.Layers[k].Activation switch
        {
            Activation.Identity => z => z,
            Activation.ReLU => z => Math.Max(0, z),
            Activation.Tanh => Math.Tanh,
            Activation.Sigmoid => z => 1 / (1 + Math.Exp(-z)),
            var other => throw new NotSupportedException(other.ToString()),
        };
        ReadOnlySpan<double> z = network.PreActivations(k);
        var a = new double[z.Length];
        for (int i = 0; i < z.Length; i++)
        {
            a[i] = f(z[i]);
        }
        return a;
    }

    private static double SumOfSquares(ReadOnlySpan<double> values)
    {
        double sum = 0;
        foreach (double value in values)
        {
            sum += value * value;
        }
        return sum;
    }
}

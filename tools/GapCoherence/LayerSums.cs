using System.Globalization;

namespace GapCoherence;

/// <summary>The measurement's sums over draws and samples, per layer, and the report made of them.</summary>
internal sealed class LayerSums(Options options)
{
    private readonly int _offsets = 2 * options.Kernel - 1; // tap differences per axis, -(k-1) to k-1
    private readonly double[] _preActivationGradient = new double[options.Layers]; // E[dz²] per unit
    private readonly double[] _outputGradient = new double[options.Layers]; // E[(∂S/∂a)²] per unit of the layer's output
    // Per layer, E[dx²] of its transposed convolution split into the taps' own squares, pairs of taps of one filter, pairs of filters.
    private readonly (double Taps, double SameFilter, double FilterPairs)[] _steps = new (double, double, double)[options.Layers];
    private readonly double[,] _coherence = new double[options.Layers, (2 * options.Kernel - 1) * (2 * options.Kernel - 1)];
    private readonly double[] _activationSquare = new double[options.Layers + 1];
    private readonly double[,] _activationProducts = new double[options.Layers + 1, 2 * (2 * options.Kernel - 1) * (2 * options.Kernel - 1)];

    private int Offset(int dy, int dx) => (dy + options.Kernel - 1) * _offsets + dx + options.Kernel - 1;

    /// <summary>Uncentred products of each layer's activations at the tap differences d and 2·d (--decompose: circular padding).</summary>
    public void AddActivations(ConvolutionStack stack, double[][] activations)
    {
        if (!options.Decompose)
        {
            return;
        }
        int pixels = options.Size * options.Size, k = options.Kernel;
        for (int layer = 1; layer <= options.Layers; layer++)
        {
            for (int i = 0; i < activations[layer].Length; i++)
            {
                int channelStart = i / pixels * pixels, p = i % pixels;
                double v = activations[layer][i];
                _activationSquare[layer] += v * v;
                for (int dy = 1 - k; dy < k; dy++)
                {
                    for (int dx = 1 - k; dx < k; dx++)
                    {
                        _activationProducts[layer, Offset(dy, dx)] += v * activations[layer][channelStart + stack.Pixel(p / options.Size + dy, p % options.Size + dx)];
                        _activationProducts[layer, _offsets * _offsets + Offset(dy, dx)] += v * activations[layer][channelStart + stack.Pixel(p / options.Size + 2 * dy, p % options.Size + 2 * dx)];
                    }
                }
            }
        }
    }

    public void AddGradients(ConvolutionStack stack, int layer, double[] outputGradient, double[] preActivationGradient)
    {
        int units = outputGradient.Length, pixels = options.Size * options.Size, k = options.Kernel;
        for (int i = 0; i < units; i++)
        {
            _outputGradient[layer] += outputGradient[i] * outputGradient[i] / units;
            _preActivationGradient[layer] += preActivationGradient[i] * preActivationGradient[i] / units;
            if (options.Decompose)
            {
                int channelStart = i / pixels * pixels, p = i % pixels;
                for (int dy = 1 - k; dy < k; dy++)
                {
                    for (int dx = 1 - k; dx < k; dx++)
                    {
                        _coherence[layer, Offset(dy, dx)] += outputGradient[i] * outputGradient[channelStart + stack.Pixel(p / options.Size + dy, p % options.Size + dx)] / units;
                    }
                }
            }
        }
    }

    /// <summary>
    /// ∂S/∂a of the layer's input from its dz, summed per input pixel and channel over the filters and taps; with
    /// --decompose, E[dx²] split into the products of one tap with itself, pairs of taps of one filter, and pairs of filters.
    /// </summary>
    public double[] TransposedConvolution(ConvolutionStack stack, int layer, double[] dz)
    {
        int pixels = stack.Pixels, k = options.Kernel, channels = stack.InputChannels(layer);
        var input = new double[channels * pixels];
        var products = new double[k * k];
        double diagonal = 0, sameFilter = 0, filterPairs = 0;
        for (int channel = 0; channel < channels; channel++)
        {
            for (int q = 0; q < pixels; q++)
            {
                double total = 0, filterSquares = 0;
                for (int filter = 0; filter < options.Channels; filter++)
                {
                    double sum = 0;
                    for (int t = 0; t < k * k; t++)
                    {
                        int reader = stack.Reader(q / options.Size, q % options.Size, t / k, t % k);
                        products[t] = reader < 0 ? 0 : stack.Weight(layer, filter, channel, t / k, t % k) * dz[filter * pixels + reader];
                        sum += products[t];
                        diagonal += products[t] * products[t];
                    }
                    total += sum;
                    filterSquares += sum * sum;
                }
                input[channel * pixels + q] = total;
                filterPairs += total * total - filterSquares;
                sameFilter += filterSquares;
            }
        }
        double units = channels * pixels;
        (double d, double s, double f) = _steps[layer];
        _steps[layer] = (d + diagonal / units, s + (sameFilter - diagonal) / units, f + filterPairs / units);
        return input;
    }

    /// <summary>
    /// The direct Stein term of the pairs of taps of one filter in layer <paramref name="layer"/>'s transposed convolution,
    /// relative to the mean field's E[dx²] = 2·E[dz²]: Σ over tap differences d ≠ 0 of n(d)·h(d)·κ(d)·E[(∂S/∂a)²] /
    /// (C_in·k⁴·E[dz²]), n(d) the pairs of taps d apart, κ(d) the output gradient's coherence at d, and
    /// h(d) = (1 + r(2d) − 2·r(d)²)/(2π·√(1 − r(d)²)) with r the input activations' uncentred correlation (z's correlation
    /// is r's in the mean field). See docs/gradient-analysis.md, "What the excess is made of".
    /// </summary>
    private double DirectSteinTerm(int layer)
    {
        int k = options.Kernel, inputs = options.Channels; // layers after the first read C channels
        double sum = 0;
        for (int dy = 1 - k; dy < k; dy++)
        {
            for (int dx = 1 - k; dx < k; dx++)
            {
                if (dy == 0 && dx == 0)
                {
                    continue;
                }
                double pairs = (k - Math.Abs(dy)) * (k - Math.Abs(dx));
                double r = _activationProducts[layer, Offset(dy, dx)] / _activationSquare[layer];
                double r2 = _activationProducts[layer, _offsets * _offsets + Offset(dy, dx)] / _activationSquare[layer];
                double coherence = _coherence[layer, Offset(dy, dx)] / _outputGradient[layer];
                double h = (1 + r2 - 2 * r * r) / (2 * Math.PI * Math.Sqrt(1 - r * r));
                sum += pairs * h * coherence;
            }
        }
        return sum * _outputGradient[layer] / (inputs * Math.Pow(k, 4) * _preActivationGradient[layer]);
    }

    public void Report(TextWriter output)
    {
        int layers = options.Layers, top = layers - 1;
        CultureInfo invariant = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(invariant,
            $"{options.Layers} convolutions of {options.Channels} channels, {options.Kernel}x{options.Kernel}, on {options.InputChannels}x{options.Size}x{options.Size}, " +
            $"{(options.Circular ? "circular" : "zero")} padding, {(options.Pooling ? "global average pooling" : "flatten")} head; " +
            $"{options.Draws} draws x {options.SamplesPerDraw} samples, seed {options.Seed}"));
        for (int layer = top; layer >= 0; layer--)
        {
            string line = string.Create(invariant,
                $"layer {layer,2}: E[dz²]/top {_preActivationGradient[layer] / _preActivationGradient[top],7:F3}  " +
                $"factor {(layer < top ? _preActivationGradient[layer] / _preActivationGradient[layer + 1] : 1),6:F4}");
            if (options.Decompose)
            {
                line += string.Create(invariant, $"  mask {_preActivationGradient[layer] / (0.5 * _outputGradient[layer]),6:F4}");
                if (layer < top)
                {
                    // The step into this layer's output: layer + 1's transposed convolution, over its mean field 2·E[dz²].
                    (double taps, double same, double pairs) = _steps[layer + 1];
                    double meanField = 2 * _preActivationGradient[layer + 1];
                    line += string.Create(invariant,
                        $"  step {_outputGradient[layer] / meanField:F4} = taps {taps / meanField:F4} + same filter {same / meanField:F4} " +
                        $"+ filter pairs {pairs / meanField:F4}  (direct Stein term {DirectSteinTerm(layer + 1):F4})");
                }
            }
            output.WriteLine(line);
        }
        double perLayer = Math.Pow(_preActivationGradient[0] / _preActivationGradient[top - 1], 1.0 / (top - 1));
        output.WriteLine(string.Create(invariant,
            $"first/top {_preActivationGradient[0] / _preActivationGradient[top]:F3}; per layer below the one under the head {perLayer:F4}"));
    }
}

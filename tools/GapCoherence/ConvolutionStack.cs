namespace GapCoherence;

/// <summary>
/// One draw of a plain stack of square 'same' convolutions without biases, each followed by a ReLU, He-normal weights
/// (variance 2/(C_in·k²)): its forward pass on one image (channels x size x size, row-major) and the transposed
/// convolution that takes ∂S/∂z of a layer to ∂S/∂a of its input.
/// </summary>
internal sealed class ConvolutionStack
{
    private readonly Options _options;
    private readonly double[][] _weights; // per layer [filter, input channel, ky, kx]

    public ConvolutionStack(Options options, Random random)
    {
        _options = options;
        _weights = new double[options.Layers][];
        for (int layer = 0; layer < options.Layers; layer++)
        {
            int inputs = InputChannels(layer);
            double deviation = Math.Sqrt(2.0 / (inputs * options.Kernel * options.Kernel));
            _weights[layer] = new double[options.Channels * inputs * options.Kernel * options.Kernel];
            for (int i = 0; i < _weights[layer].Length; i++)
            {
                _weights[layer][i] = deviation * Gaussian.Next(random);
            }
        }
    }

    public int Pixels => _options.Size * _options.Size;

    public int InputChannels(int layer) => layer == 0 ? _options.InputChannels : _options.Channels;

    public double Weight(int layer, int filter, int channel, int ky, int kx) =>
        _weights[layer][((filter * InputChannels(layer) + channel) * _options.Kernel + ky) * _options.Kernel + kx];

    /// <summary>The pixel that tap (ky, kx) of the output pixel (y, x) reads, or -1 on zero padding.</summary>
    public int Tap(int y, int x, int ky, int kx) => Pixel(y + ky - _options.Kernel / 2, x + kx - _options.Kernel / 2);

    /// <summary>The output pixel whose tap (ky, kx) reads the input pixel (y, x), or -1 when there is none (zero padding).</summary>
    public int Reader(int y, int x, int ky, int kx) => Pixel(y - ky + _options.Kernel / 2, x - kx + _options.Kernel / 2);

    /// <summary>The row-major index of (row, column), wrapped around with circular padding, -1 outside with zero padding.</summary>
    public int Pixel(int row, int column)
    {
        int size = _options.Size;
        if (_options.Circular)
        {
            return ((row % size + size) % size * size) + ((column % size + size) % size);
        }
        return row < 0 || row >= size || column < 0 || column >= size ? -1 : row * size + column;
    }

    /// <summary>The pre-activations z of every layer, and the activations a (index 0 the image, index m + 1 layer m's output).</summary>
    public (double[][] PreActivations, double[][] Activations) Forward(double[] image)
    {
        int layers = _options.Layers, pixels = Pixels, kernel = _options.Kernel;
        var z = new double[layers][];
        var a = new double[layers + 1][];
        a[0] = image;
        for (int layer = 0; layer < layers; layer++)
        {
            z[layer] = new double[_options.Channels * pixels];
            for (int filter = 0; filter < _options.Channels; filter++)
            {
                for (int p = 0; p < pixels; p++)
                {
                    double sum = 0;
                    for (int channel = 0; channel < InputChannels(layer); channel++)
                    {
                        for (int ky = 0; ky < kernel; ky++)
                        {
                            for (int kx = 0; kx < kernel; kx++)
                            {
                                int read = Tap(p / _options.Size, p % _options.Size, ky, kx);
                                sum += read < 0 ? 0 : Weight(layer, filter, channel, ky, kx) * a[layer][channel * pixels + read];
                            }
                        }
                    }
                    z[layer][filter * pixels + p] = sum;
                }
            }
            a[layer + 1] = Array.ConvertAll(z[layer], v => Math.Max(0, v));
        }
        return (z, a);
    }
}

internal static class Gaussian
{
    /// <summary>A standard normal draw (Box–Muller).</summary>
    public static double Next(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}

using NetGen.CompilerServices;

namespace NetGen.Tests.Convolution;

/// <summary>
/// One convolution over a batch, in double, with the deterministic values the libtorch reference program fills the same way
/// (see <see cref="Conv2DTorchReferenceTests"/>): the weights, then the biases, <c>0.3·sin(k + 1)</c> with k counting on
/// across them; the input <c>sin(0.37·j + 0.1)</c>, j the flat NCHW index. The loss is <c>Σ output[j]·cos(1.3·j)</c>, so the
/// output's gradient is <c>cos(1.3·j)</c>.
/// </summary>
internal sealed class Conv2DCase
{
    public Conv2DGeometry Geometry { get; }
    public int Batch { get; }
    public double[] Weights { get; }
    /// <summary>Empty: a convolution without biases.</summary>
    public double[] Biases { get; }
    public double[] Input { get; }

    public Conv2DCase(Conv2DGeometry geometry, int batch, bool biases)
    {
        Geometry = geometry;
        Batch = batch;
        Weights = Fill(geometry.WeightCount, k => 0.3 * Math.Sin(k + 1));
        Biases = biases ? Fill(geometry.OutputChannels, k => 0.3 * Math.Sin(geometry.WeightCount + k + 1)) : [];
        Input = Fill(batch * geometry.InputSize, j => Math.Sin(0.37 * j + 0.1));
    }

    public static double[] Fill(int length, Func<int, double> value)
    {
        var values = new double[length];
        for (int j = 0; j < length; j++)
        {
            values[j] = value(j);
        }
        return values;
    }

    public double[] LossGradient() => Fill(Batch * Geometry.OutputSize, j => Math.Cos(1.3 * j));

    public double[] Forward()
    {
        var output = new double[Batch * Geometry.OutputSize];
        Conv2DKernels.Forward<double>(Input, Weights, Biases, output, new double[Conv2DKernels.WorkspaceLength(Geometry, Batch)], Geometry, Batch);
        return output;
    }

    public double Loss()
    {
        double[] output = Forward();
        double loss = 0;
        for (int j = 0; j < output.Length; j++)
        {
            loss += output[j] * Math.Cos(1.3 * j);
        }
        return loss;
    }

    /// <summary>The gradients of the weights, the biases and the input, each added by the kernel to <paramref name="start"/> (0 when null).</summary>
    public (double[] Weights, double[] Biases, double[] Input) Gradients(double start = 0)
    {
        double[] weights = Fill(Weights.Length, _ => start), biases = Fill(Biases.Length, _ => start), input = Fill(Input.Length, _ => start);
        Conv2DKernels.Backward<double>(Input, Weights, LossGradient(), weights, biases, input,
            new double[Conv2DKernels.WorkspaceLength(Geometry, Batch)], Geometry, Batch);
        return (weights, biases, input);
    }

    /// <summary>The output by the definition, one multiply-add at a time: an implementation that shares nothing with the kernel's.</summary>
    public double[] DirectForward()
    {
        Conv2DGeometry g = Geometry;
        var output = new double[Batch * g.OutputSize];
        for (int s = 0; s < Batch; s++)
        for (int o = 0; o < g.OutputChannels; o++)
        for (int y = 0; y < g.OutputHeight; y++)
        for (int x = 0; x < g.OutputWidth; x++)
        {
            double sum = Biases.Length == 0 ? 0 : Biases[o];
            for (int c = 0; c < g.InputChannels; c++)
            for (int i = 0; i < g.KernelHeight; i++)
            for (int j = 0; j < g.KernelWidth; j++)
            {
                int iy = y * g.StrideHeight - g.PaddingTop + i * g.DilationHeight;
                int ix = x * g.StrideWidth - g.PaddingLeft + j * g.DilationWidth;
                if (iy >= 0 && iy < g.InputHeight && ix >= 0 && ix < g.InputWidth)
                {
                    sum += Weights[((o * g.InputChannels + c) * g.KernelHeight + i) * g.KernelWidth + j]
                        * Input[((s * g.InputChannels + c) * g.InputHeight + iy) * g.InputWidth + ix];
                }
            }
            output[((s * g.OutputChannels + o) * g.OutputHeight + y) * g.OutputWidth + x] = sum;
        }
        return output;
    }

    /// <summary>The gradients of the weights, the biases and the input by their definitions, one multiply-add at a time.</summary>
    public (double[] Weights, double[] Biases, double[] Input) DirectGradients()
    {
        Conv2DGeometry g = Geometry;
        double[] dy = LossGradient();
        double[] weights = new double[Weights.Length], biases = new double[Biases.Length], input = new double[Input.Length];
        for (int s = 0; s < Batch; s++)
        for (int o = 0; o < g.OutputChannels; o++)
        for (int y = 0; y < g.OutputHeight; y++)
        for (int x = 0; x < g.OutputWidth; x++)
        {
            double gradient = dy[((s * g.OutputChannels + o) * g.OutputHeight + y) * g.OutputWidth + x];
            if (biases.Length != 0)
            {
                biases[o] += gradient;
            }
            for (int c = 0; c < g.InputChannels; c++)
            for (int i = 0; i < g.KernelHeight; i++)
            for (int j = 0; j < g.KernelWidth; j++)
            {
                int iy = y * g.StrideHeight - g.PaddingTop + i * g.DilationHeight;
                int ix = x * g.StrideWidth - g.PaddingLeft + j * g.DilationWidth;
                if (iy >= 0 && iy < g.InputHeight && ix >= 0 && ix < g.InputWidth)
                {
                    int w = ((o * g.InputChannels + c) * g.KernelHeight + i) * g.KernelWidth + j, n = ((s * g.InputChannels + c) * g.InputHeight + iy) * g.InputWidth + ix;
                    weights[w] += gradient * Input[n];
                    input[n] += gradient * Weights[w];
                }
            }
        }
        return (weights, biases, input);
    }
}

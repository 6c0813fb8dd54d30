namespace NetGen.Tests.Convolution;

/// <summary>
/// Delta-orthogonal initialization: the kernel's centre tap holds an orthogonal <c>[outputChannels, inputChannels]</c> matrix
/// times the gain (orthonormal rows when there are no more of them than columns, else orthonormal columns); every other tap is 0.
/// </summary>
public class DeltaOrthogonalTests
{
    [Theory]
    [InlineData(4, 6, 3, 3, 1.0)]  // wide: orthonormal rows
    [InlineData(6, 4, 3, 5, 1.5)]  // tall: orthonormal columns, a non-square kernel
    [InlineData(5, 5, 2, 2, 2.0)]  // square; an even kernel's centre is tap (1, 1)
    [InlineData(3, 2, 1, 1, 0.5)]  // 1×1: the whole kernel is the centre
    public void The_centre_is_orthogonal_times_the_gain_and_the_rest_zero(int outputChannels, int inputChannels, int kernelHeight, int kernelWidth, double gain)
    {
        int taps = kernelHeight * kernelWidth, centre = kernelHeight / 2 * kernelWidth + kernelWidth / 2;
        var values = new double[outputChannels * inputChannels * taps];
        Initializers.DeltaOrthogonal<double>(values, outputChannels, inputChannels, kernelHeight, kernelWidth, gain, new SeededRandom(7));
        for (int i = 0; i < values.Length; i++)
        {
            if (i % taps != centre)
            {
                Assert.True(values[i] == 0, $"Tap {i % taps} of filter {i / taps} is {values[i]}; only the centre {centre} may be non-zero.");
            }
        }
        // M·Mᵀ (wide) or Mᵀ·M (tall) must be gain²·I, M[o, c] = values[(o·inputChannels + c)·taps + centre].
        double M(int o, int c) => values[(o * inputChannels + c) * taps + centre];
        bool wide = outputChannels <= inputChannels;
        int n = wide ? outputChannels : inputChannels, m = wide ? inputChannels : outputChannels;
        for (int a = 0; a < n; a++)
        {
            for (int b = 0; b < n; b++)
            {
                double dot = 0;
                for (int k = 0; k < m; k++)
                {
                    dot += wide ? M(a, k) * M(b, k) : M(k, a) * M(k, b);
                }
                Assert.True(Math.Abs(dot - (a == b ? gain * gain : 0)) < 1e-12, $"Entry ({a}, {b}) of the Gram matrix is {dot}.");
            }
        }
    }

    [Fact]
    public void A_span_of_the_wrong_length_is_refused()
    {
        var exception = Assert.Throws<ArgumentException>(() => Initializers.DeltaOrthogonal<double>(new double[53], 3, 2, 3, 3, 1.0, new SeededRandom(1)));
        Assert.Equal("values", exception.ParamName);
        Assert.Contains("54", exception.Message);
        Assert.Contains("53", exception.Message);
    }
}

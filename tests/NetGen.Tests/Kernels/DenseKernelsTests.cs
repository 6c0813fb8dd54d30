using NetGen.CompilerServices;

namespace NetGen.Tests.Kernels;

/// <summary>
/// The dense products against textbook loops in double, over shapes that reach every path of the kernels: batches below,
/// at and past a tile of four and of eight, inputs below one vector, between one and eight vectors and past them with a
/// remainder, units not a multiple of four, layers large enough to be split over threads, and inputs that do and do not
/// start on a cache line. The tolerance is the worst-case rounding bound of a float sum of n terms, n·u·Σ|terms|
/// (u = 2⁻²⁴): no correct kernel exceeds it, and a wrong index or a lost term does by orders of magnitude.
/// </summary>
public class DenseKernelsTests
{
    private static readonly int[] Batches = [1, 2, 3, 4, 5, 8, 9, 13];
    private static readonly int[] InputSizes = [1, 7, 16, 17, 127, 128, 129, 250, 300, 784];
    private static readonly int[] UnitCounts = [1, 3, 4, 5, 9, 130];
    private static readonly int[] Misalignments = [0, 1]; // values from a cache line boundary

    public static TheoryData<int> MisalignmentData => new(Misalignments);

    [Theory]
    [MemberData(nameof(MisalignmentData))]
    public void Forward_matches_the_textbook_product(int misalignment)
    {
        foreach ((int batch, int inputs, int units) in Shapes())
        {
            var data = new Operands(batch, inputs, units, misalignment);
            float[] z = new float[batch * units];
            DenseKernels.Forward<float>(data.X, data.Weights, data.Biases, z, batch, inputs, units);
            for (int s = 0; s < batch; s++)
            {
                for (int o = 0; o < units; o++)
                {
                    (double expected, double magnitude) = Sum(inputs, k => data.W(o, k) * data.Input(s, k), data.Biases[o]);
                    AssertClose(expected, z[s * units + o], magnitude, inputs + 1, $"z[{s}, {o}] of batch {batch} x inputs {inputs} x units {units}");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(MisalignmentData))]
    public void Parameter_gradients_match_the_textbook_sums_overwritten_and_accumulated(int misalignment)
    {
        foreach ((int batch, int inputs, int units) in Shapes())
        {
            var data = new Operands(batch, inputs, units, misalignment);
            foreach (bool accumulate in new[] { false, true })
            {
                float[] weightGradients = Enumerable.Repeat(0.5f, units * inputs).ToArray();
                float[] biasGradients = Enumerable.Repeat(-0.25f, units).ToArray();
                DenseKernels.ParameterGradients<float>(data.Dz, data.X, weightGradients, biasGradients, batch, inputs, units, accumulate);
                string shape = $"batch {batch} x inputs {inputs} x units {units}, accumulate {accumulate}";
                for (int o = 0; o < units; o++)
                {
                    (double bias, double biasMagnitude) = Sum(batch, s => data.Dz[s * units + o], accumulate ? -0.25 : 0);
                    AssertClose(bias, biasGradients[o], biasMagnitude, batch + 1, $"∂b[{o}] of {shape}");
                    for (int k = 0; k < inputs; k++)
                    {
                        (double expected, double magnitude) = Sum(batch, s => data.Dz[s * units + o] * data.Input(s, k), accumulate ? 0.5 : 0);
                        AssertClose(expected, weightGradients[o * inputs + k], magnitude, batch + 1, $"∂W[{o}, {k}] of {shape}");
                    }
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(MisalignmentData))]
    public void Input_gradients_add_the_textbook_sums_to_what_is_there(int misalignment)
    {
        foreach ((int batch, int inputs, int units) in Shapes())
        {
            var data = new Operands(batch, inputs, units, misalignment);
            float[] dx = Enumerable.Range(0, batch * inputs).Select(i => (float)(i % 5) - 2).ToArray();
            DenseKernels.AccumulateInputGradients<float>(data.Dz, data.Weights, dx, batch, inputs, units);
            for (int s = 0; s < batch; s++)
            {
                for (int k = 0; k < inputs; k++)
                {
                    double before = (s * inputs + k) % 5 - 2;
                    (double expected, double magnitude) = Sum(units, o => data.Dz[s * units + o] * data.W(o, k), before);
                    AssertClose(expected, dx[s * inputs + k], magnitude, units + 1, $"dx[{s}, {k}] of batch {batch} x inputs {inputs} x units {units}");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(MisalignmentData))]
    public void A_fused_sgd_update_subtracts_the_textbook_gradients(int misalignment)
    {
        const double learningRate = 0.125; // a power of two: the product with the gradient adds no rounding of its own
        foreach ((int batch, int inputs, int units) in Shapes())
        {
            var data = new Operands(batch, inputs, units, misalignment);
            float[] weights = data.Weights.ToArray(), biases = data.Biases.ToArray();
            var sgd = new Sgd<float>(learningRate);
            sgd.BeginStep(units * inputs + units);
            DenseKernels.UpdateParameters<float>(data.Dz, data.X, weights, biases, batch, inputs, units, sgd, weightOffset: 0, biasOffset: units * inputs);
            string shape = $"batch {batch} x inputs {inputs} x units {units}";
            for (int o = 0; o < units; o++)
            {
                (double bias, double biasMagnitude) = Sum(batch, s => -learningRate * data.Dz[s * units + o], data.Biases[o]);
                AssertClose(bias, biases[o], biasMagnitude, batch + 2, $"b[{o}] of {shape}");
                for (int k = 0; k < inputs; k++)
                {
                    (double expected, double magnitude) = Sum(batch, s => -learningRate * data.Dz[s * units + o] * data.Input(s, k), data.W(o, k));
                    AssertClose(expected, weights[o * inputs + k], magnitude, batch + 2, $"W[{o}, {k}] of {shape}");
                }
            }
        }
    }

    [Fact]
    public void Biases_neither_empty_nor_one_per_unit_are_refused_before_anything_is_read()
    {
        // Before the check, the forward product read the bias of unit 5 from beyond the span: a silently wrong output.
        float[] x = new float[8], weights = new float[6 * 8], shortBiases = new float[5], z = new float[6];
        var forward = Assert.Throws<ArgumentException>(() => DenseKernels.Forward<float>(x, weights, shortBiases, z, 1, 8, 6));
        Assert.Equal("biases", forward.ParamName);
        Assert.Contains("hold 5 values; the layer has 6 units", forward.Message);
        float[] longBiases = new float[7];
        var tooLong = Assert.Throws<ArgumentException>(() => DenseKernels.Forward<float>(x, weights, longBiases, z, 1, 8, 6));
        Assert.Contains("hold 7 values; the layer has 6 units", tooLong.Message);
        var gradients = Assert.Throws<ArgumentException>(
            () => DenseKernels.ParameterGradients<float>(z, x, new float[6 * 8], shortBiases, 1, 8, 6, accumulate: false));
        Assert.Equal("biasGradients", gradients.ParamName);
        var update = Assert.Throws<ArgumentException>(
            () => DenseKernels.UpdateParameters<float>(z, x, weights, shortBiases, 1, 8, 6, new Sgd<float>(0.1), 0, 48));
        Assert.Equal("biases", update.ParamName);
    }

    [Fact]
    public void Products_write_nothing_outside_their_outputs()
    {
        // The kernels write through raw pointers: a write past an output's end would land in whatever the heap holds next.
        foreach ((int batch, int inputs, int units) in Shapes())
        {
            var data = new Operands(batch, inputs, units, misalignment: 1);
            var z = new Guarded(batch * units);
            var weightGradients = new Guarded(units * inputs);
            var biasGradients = new Guarded(units);
            var dx = new Guarded(batch * inputs);
            var weights = new Guarded(data.Weights);
            var biases = new Guarded(data.Biases);
            DenseKernels.Forward<float>(data.X, data.Weights, data.Biases, z.Inner.Span, batch, inputs, units);
            DenseKernels.ParameterGradients<float>(data.Dz, data.X, weightGradients.Inner.Span, biasGradients.Inner.Span, batch, inputs, units, accumulate: true);
            DenseKernels.AccumulateInputGradients<float>(data.Dz, data.Weights, dx.Inner.Span, batch, inputs, units);
            foreach (IElementwiseOptimizer<float> optimizer in new IElementwiseOptimizer<float>[] { new Sgd<float>(0.1), new Sgd<float>(0.1, momentum: 0.9), new Adam<float>(0.01) })
            {
                optimizer.BeginStep(units * inputs + units);
                DenseKernels.UpdateParameters(data.Dz, data.X, weights.Inner.Span, biases.Inner.Span, batch, inputs, units, optimizer, 0, units * inputs);
            }
            string shape = $"batch {batch} x inputs {inputs} x units {units}";
            Assert.True(z.GuardsIntact, $"forward, {shape}");
            Assert.True(weightGradients.GuardsIntact && biasGradients.GuardsIntact, $"parameter gradients, {shape}");
            Assert.True(dx.GuardsIntact, $"input gradients, {shape}");
            Assert.True(weights.GuardsIntact && biases.GuardsIntact, $"fused update, {shape}");
        }
    }

    /// <summary>Values with a stretch of sentinels on either side, to catch writes outside them.</summary>
    private sealed class Guarded
    {
        private const int Guard = 64;
        private const float Sentinel = 12345.678f;
        private readonly float[] _values;

        public Guarded(int length) : this(new float[length])
        {
        }

        public Guarded(float[] initial)
        {
            _values = new float[initial.Length + 2 * Guard];
            _values.AsSpan().Fill(Sentinel);
            initial.CopyTo(_values, Guard);
            Inner = new Memory<float>(_values, Guard, initial.Length);
        }

        public Memory<float> Inner { get; }

        public bool GuardsIntact =>
            _values.AsSpan(0, Guard).IndexOfAnyExcept(Sentinel) < 0 && _values.AsSpan(Guard + Inner.Length).IndexOfAnyExcept(Sentinel) < 0;
    }

    private static IEnumerable<(int Batch, int Inputs, int Units)> Shapes() =>
        from batch in Batches from inputs in InputSizes from units in UnitCounts select (batch, inputs, units);

    /// <summary><paramref name="start"/> + Σ term(i) in double, and the sum of the magnitudes, for the rounding bound.</summary>
    internal static (double Sum, double Magnitude) Sum(int count, Func<int, double> term, double start)
    {
        double sum = start, magnitude = Math.Abs(start);
        for (int i = 0; i < count; i++)
        {
            double value = term(i);
            sum += value;
            magnitude += Math.Abs(value);
        }
        return (sum, magnitude);
    }

    private static void AssertClose(double expected, float actual, double magnitude, int terms, string what)
    {
        double bound = terms * Math.Pow(2, -24) * magnitude + 1e-30;
        Assert.True(Math.Abs(actual - expected) <= bound, $"{what}: expected {expected:R} within {bound:E2}, got {actual:R}");
    }

    /// <summary>
    /// Random operands of one product, the inputs placed <c>misalignment</c> values after a 64-byte boundary, as a slice of a
    /// caller's array would be.
    /// </summary>
    private sealed class Operands
    {
        private readonly AlignedBuffer<float> _inputs;
        private readonly int _misalignment, _inputCount;

        public Operands(int batch, int inputs, int units, int misalignment)
        {
            var random = new Random(batch * 1_000_003 + inputs * 1009 + units);
            _misalignment = misalignment;
            _inputCount = inputs;
            _inputs = new AlignedBuffer<float>(batch * inputs + misalignment);
            Fill(_inputs.Span, random);
            Weights = Fill(new float[units * inputs], random);
            Biases = Fill(new float[units], random);
            Dz = Fill(new float[batch * units], random);
        }

        public ReadOnlySpan<float> X => _inputs.Slice(_misalignment, _inputs.Length - _misalignment);
        public float[] Weights { get; }
        public float[] Biases { get; }
        public float[] Dz { get; }

        public double Input(int sample, int k) => _inputs[_misalignment + sample * _inputCount + k];
        public double W(int unit, int k) => Weights[unit * _inputCount + k];

        private static float[] Fill(Span<float> values, Random random)
        {
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = (float)(random.NextDouble() * 2 - 1);
            }
            return values.ToArray();
        }
    }
}

using NetGen.CompilerServices;

namespace NetGen.Tests.Recurrent;

/// <summary>
/// One sample's forward pass runs its own kernel (<see cref="OneSampleRecurrence{T}"/>: transposed panels, the units split
/// over the threads); a batch's runs the dense products. The sample alone must give what it gives as a row of a batch, to
/// rounding, for every cell: narrow and full panels (40 units), and in two parts (192 units; the threads' split itself is
/// RecurrentThreadingTests').
/// </summary>
[Collection(nameof(IsolatedTests))]
public class OneSampleRecurrenceTests
{
    private const int Steps = 7, Inputs = 5, Batch = 3, Sample = 1;

    public static TheoryData<RecurrentCellKind, int, int> Cases()
    {
        var data = new TheoryData<RecurrentCellKind, int, int>();
        foreach (RecurrentCellKind kind in new[] { RecurrentCellKind.SimpleRnnTanh, RecurrentCellKind.SimpleRnnRelu, RecurrentCellKind.Lstm, RecurrentCellKind.Gru })
        {
            data.Add(kind, 40, 1);
            data.Add(kind, 192, 2);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_sample_alone_gives_what_it_gives_in_a_batch(RecurrentCellKind kind, int units, int threads)
    {
        int gates = kind switch { RecurrentCellKind.Lstm => 4, RecurrentCellKind.Gru => 3, _ => 1 };
        double[] Fill(int length, Func<int, double> value) => Enumerable.Range(0, length).Select(value).ToArray();
        double scale = 1.5 / Math.Sqrt(units);
        double[] weightIh = Fill(gates * units * Inputs, j => 0.4 * Math.Sin(j + 1)), weightHh = Fill(gates * units * units, j => scale * Math.Cos(0.7 * j + 1));
        double[] biasIh = Fill(gates * units, j => 0.1 * Math.Sin(3 * j)), biasHh = Fill(gates * units, j => 0.1 * Math.Cos(2 * j));
        // Time-major [steps, batch, inputs]: the sample's own sequence is the batch's row Sample at every step.
        double[] batchInput = Fill(Steps * Batch * Inputs, j => Math.Sin(0.37 * j + 0.1));
        double[] sampleInput = Fill(Steps * Inputs, j => batchInput[((j / Inputs) * Batch + Sample) * Inputs + j % Inputs]);
        double[] batchH0 = Fill(Batch * units, j => 0.3 * Math.Sin(0.5 * j + 1)), batchC0 = Fill(Batch * units, j => 0.3 * Math.Cos(0.3 * j + 2));

        int original = KernelThreading.ThreadCount;
        try
        {
            KernelThreading.ThreadCount = threads;
            Assert.Equal(threads, OneSampleRecurrence.Parts(units, gates));
            double[] inBatch = Outputs(kind, batchInput, weightIh, weightHh, biasIh, biasHh, batchH0, batchC0, Batch, units);
            double[] alone = Outputs(kind, sampleInput, weightIh, weightHh, biasIh, biasHh,
                batchH0.AsSpan(Sample * units, units).ToArray(), batchC0.AsSpan(Sample * units, units).ToArray(), 1, units);
            double worst = 0;
            for (int t = 0; t < Steps; t++)
            {
                for (int u = 0; u < units; u++)
                {
                    worst = Math.Max(worst, Math.Abs(alone[t * units + u] - inBatch[(t * Batch + Sample) * units + u]));
                }
            }
            Assert.True(worst < 1e-13, $"{kind}, {units} units: largest difference {worst:E2}");
            Assert.Contains(alone, v => Math.Abs(v) > 0.05);
        }
        finally
        {
            KernelThreading.ThreadCount = original;
        }
    }

    [Theory]
    [InlineData(RecurrentCellKind.Gru, false)]
    [InlineData(RecurrentCellKind.Gru, true)]
    [InlineData(RecurrentCellKind.Lstm, false)]
    [InlineData(RecurrentCellKind.SimpleRnnTanh, true)]
    public void Weights_changed_in_place_between_calls_are_used(RecurrentCellKind kind, bool inputWeights)
    {
        // The kernels keep the weights in their own layout between calls (WeightLayoutCache), checked against the weights
        // at every call: a training step changes them in place, at the same address.
        const int units = 40;
        int gates = kind switch { RecurrentCellKind.Lstm => 4, RecurrentCellKind.Gru => 3, _ => 1 };
        double[] Fill(int length, Func<int, double> value) => Enumerable.Range(0, length).Select(value).ToArray();
        double[] weightIh = Fill(gates * units * Inputs, j => 0.4 * Math.Sin(j + 1)), weightHh = Fill(gates * units * units, j => 0.2 * Math.Cos(0.7 * j + 1));
        double[] biasIh = Fill(gates * units, j => 0.1 * Math.Sin(3 * j)), biasHh = Fill(gates * units, j => 0.1 * Math.Cos(2 * j));
        double[] input = Fill(Steps * Inputs, j => Math.Sin(0.37 * j + 0.1)), h0 = Fill(units, j => 0.3 * Math.Sin(j)), c0 = Fill(units, j => 0.3 * Math.Cos(j));

        Outputs(kind, input, weightIh, weightHh, biasIh, biasHh, h0, c0, 1, units); // fills the kernels' layouts
        double[] changed = inputWeights ? weightIh : weightHh;
        changed[changed.Length / 2 + 3] += 0.5; // one weight of the last gate, in place
        double[] afterChange = Outputs(kind, input, weightIh, weightHh, biasIh, biasHh, h0, c0, 1, units);
        double[] fresh = Outputs(kind, input, (double[])weightIh.Clone(), (double[])weightHh.Clone(), biasIh, biasHh, h0, c0, 1, units);

        Assert.Equal(fresh, afterChange);
        Assert.NotEqual(fresh, Outputs(kind, input, Fill(weightIh.Length, j => 0.4 * Math.Sin(j + 1)),
            Fill(weightHh.Length, j => 0.2 * Math.Cos(0.7 * j + 1)), biasIh, biasHh, h0, c0, 1, units)); // the change mattered
    }

    private static double[] Outputs(RecurrentCellKind kind, double[] input, double[] weightIh, double[] weightHh, double[] biasIh, double[] biasHh,
        double[] h0, double[] c0, int batch, int units)
    {
        var outputs = new double[Steps * batch * units];
        switch (kind)
        {
            case RecurrentCellKind.Lstm:
                LstmKernels.Forward<double>(input, weightIh, weightHh, biasIh, biasHh, h0, c0, outputs, new double[Steps * batch * units],
                    new double[LstmKernels.GatesLength(Steps, batch, units)], new double[LstmKernels.ForwardScratchLength(batch, units)], Steps, batch, Inputs, units);
                break;
            case RecurrentCellKind.Gru:
                GruKernels.Forward<double>(input, weightIh, weightHh, biasIh, biasHh, h0, outputs,
                    new double[GruKernels.GatesLength(Steps, batch, units)], new double[GruKernels.ForwardScratchLength(batch, units)], Steps, batch, Inputs, units);
                break;
            default:
                SimpleRnnKernels.Forward<double>(input, weightIh, weightHh, biasIh, biasHh, h0, outputs, new double[SimpleRnnKernels.ForwardScratchLength(batch, units)],
                    kind == RecurrentCellKind.SimpleRnnTanh ? SimpleRnnActivation.Tanh : SimpleRnnActivation.Relu, Steps, batch, Inputs, units);
                break;
        }
        return outputs;
    }
}

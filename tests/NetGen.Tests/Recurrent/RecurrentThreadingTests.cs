using NetGen.CompilerServices;
using NetGen.Tests.Kernels;

namespace NetGen.Tests.Recurrent;

/// <summary>
/// On several threads the recurrent kernels split a batch's samples, each thread running the whole sequence for its own:
/// every value a sample's recurrence computes must be the one a single thread computes, bit for bit; only the input's
/// gradient, summed over the gates in parts per thread as every dense input gradient is, may differ, within rounding.
/// The single-thread kernels are the ones checked against finite differences and libtorch (RecurrentGradientCheckTests,
/// TorchReferenceTests). Alone, not beside other tests: they change the process-wide thread count.
/// </summary>
[Collection(nameof(IsolatedTests))]
public class RecurrentThreadingTests
{
    // 20 steps x 32 samples x 64 units x 4·64 gates = 10.5 M multiply-adds: above the size at which the samples are split,
    // even when the workers have to be woken.
    private static readonly Sizes Samples = new(Steps: 20, Batch: 32, Inputs: 9, Units: 64);

    // One sample: its units split over the threads when a step has OneSampleRecurrence.MinimumStepWork multiply-adds (192²
    // = 36.9 K, one gate), and the sequence enough (240 steps: 8.8 M) for the workers to be woken for it.
    private static readonly Sizes OneSample = new(Steps: 240, Batch: 1, Inputs: 9, Units: 192);

    private sealed record Sizes(int Steps, int Batch, int Inputs, int Units);

    public static TheoryData<RecurrentCellKind> Cells => new() { RecurrentCellKind.SimpleRnnTanh, RecurrentCellKind.SimpleRnnRelu, RecurrentCellKind.Lstm, RecurrentCellKind.Gru };

    [Theory]
    [MemberData(nameof(Cells))]
    public void Splitting_the_samples_over_threads_changes_no_sample_s_values(RecurrentCellKind kind) => SameOnOneAndTwoThreads(kind, Samples);

    [Theory]
    [MemberData(nameof(Cells))]
    public void Splitting_one_sample_s_units_over_threads_changes_no_value(RecurrentCellKind kind)
    {
        Assert.Equal(1, ThreadCounts.With(1, () => OneSampleRecurrence.Parts(OneSample.Units, 1)));
        Assert.Equal(2, ThreadCounts.With(2, () => OneSampleRecurrence.Parts(OneSample.Units, 1)));
        SameOnOneAndTwoThreads(kind, OneSample);
    }

    private static void SameOnOneAndTwoThreads(RecurrentCellKind kind, Sizes sizes)
    {
        Dictionary<string, float[]> single = ThreadCounts.With(1, () => Run(kind, sizes));
        Dictionary<string, float[]> threaded = ThreadCounts.With(2, () => Run(kind, sizes));
        foreach ((string name, float[] values) in single)
        {
            // At one sample the backward pass's products split over the units, as a dense layer's do: ∂L/∂h through W_hhᵀ
            // sums its parts per thread, and every gradient after it follows within rounding.
            bool withinRounding = sizes.Batch == 1 ? name.EndsWith("Gradients", StringComparison.Ordinal) : name == "inputGradients";
            if (withinRounding)
            {
                double largest = values.Max(Math.Abs);
                double worst = values.Zip(threaded[name], (a, b) => Math.Abs(a - b)).Max();
                Assert.True(worst <= 1e-5 * largest, $"{kind}, batch {sizes.Batch}: {name}: largest difference {worst:E2}, largest value {largest:E2}");
            }
            else
            {
                Assert.True(values.AsSpan().SequenceEqual(threaded[name]), $"{kind}, batch {sizes.Batch}: {name} differs between one and two threads.");
            }
        }
        Assert.Contains(single["outputs"], v => v != 0); // the comparison compared something
        Assert.Contains(single["weightHhGradients"], v => v != 0);
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public void Two_callers_at_once_get_the_results_of_a_caller_alone(RecurrentCellKind kind)
    {
        CallersAtOnce(kind, Samples);
        CallersAtOnce(kind, OneSample);
    }

    private static void CallersAtOnce(RecurrentCellKind kind, Sizes sizes)
    {
        // One of them finds the workers taken and runs every range itself.
        Dictionary<string, float[]> alone = ThreadCounts.With(2, () => Run(kind, sizes));
        Dictionary<string, float[]>[] together = ThreadCounts.With(2, () =>
        {
            using var start = new Barrier(2);
            var results = new Dictionary<string, float[]>[2];
            Parallel.For(0, 2, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
            {
                start.SignalAndWait();
                for (int repeat = 0; repeat < 5; repeat++)
                {
                    results[i] = Run(kind, sizes);
                }
            });
            return results;
        });
        foreach (Dictionary<string, float[]> result in together)
        {
            foreach ((string name, float[] values) in alone)
            {
                Assert.True(values.AsSpan().SequenceEqual(result[name]), $"{kind}, batch {sizes.Batch}: {name} differs for a caller that found the workers busy.");
            }
        }
    }

    /// <summary>A forward and a backward pass with every optional input and output present; every result by name.</summary>
    private static Dictionary<string, float[]> Run(RecurrentCellKind kind, Sizes sizes)
    {
        (int Steps, int Batch, int Inputs, int Units) = sizes;
        int gates = kind switch { RecurrentCellKind.Lstm => 4, RecurrentCellKind.Gru => 3, _ => 1 };
        float[] Fill(int length, Func<int, double> value) => Enumerable.Range(0, length).Select(j => (float)value(j)).ToArray();
        float[] input = Fill(Steps * Batch * Inputs, j => Math.Sin(0.37 * j + 0.1));
        float[] weightIh = Fill(gates * Units * Inputs, j => 0.3 * Math.Sin(j + 1)), weightHh = Fill(gates * Units * Units, j => 0.15 * Math.Cos(0.7 * j + 1));
        float[] biasIh = Fill(gates * Units, j => 0.1 * Math.Sin(3 * j)), biasHh = Fill(gates * Units, j => 0.1 * Math.Cos(2 * j));
        float[] h0 = Fill(Batch * Units, j => 0.2 * Math.Sin(0.5 * j + 1)), c0 = Fill(Batch * Units, j => 0.2 * Math.Cos(0.3 * j + 2));
        float[] outputGradients = Fill(Steps * Batch * Units, j => Math.Cos(1.3 * j)), finalGradient = Fill(Batch * Units, j => Math.Cos(0.9 * j));
        float[] finalCellGradient = Fill(Batch * Units, j => Math.Sin(0.4 * j + 0.5));
        var r = new Dictionary<string, float[]>
        {
            ["outputs"] = new float[Steps * Batch * Units],
            ["weightIhGradients"] = new float[weightIh.Length], ["weightHhGradients"] = new float[weightHh.Length],
            ["biasIhGradients"] = new float[biasIh.Length], ["biasHhGradients"] = new float[biasHh.Length],
            ["inputGradients"] = new float[input.Length], ["initialHiddenGradients"] = new float[Batch * Units],
            ["hiddenGradients"] = new float[Steps * Batch * Units],
        };
        switch (kind)
        {
            case RecurrentCellKind.Lstm:
                r["cells"] = new float[Steps * Batch * Units];
                r["gates"] = new float[LstmKernels.GatesLength(Steps, Batch, Units)];
                r["initialCellGradients"] = new float[Batch * Units];
                LstmKernels.Forward<float>(input, weightIh, weightHh, biasIh, biasHh, h0, c0, r["outputs"], r["cells"], r["gates"],
                    new float[LstmKernels.ForwardScratchLength(Batch, Units)], Steps, Batch, Inputs, Units);
                LstmKernels.Backward<float>(input, weightIh, weightHh, h0, c0, r["outputs"], r["cells"], r["gates"], outputGradients, finalGradient,
                    finalCellGradient, r["weightIhGradients"], r["weightHhGradients"], r["biasIhGradients"], r["biasHhGradients"], r["inputGradients"],
                    r["initialHiddenGradients"], r["hiddenGradients"], r["initialCellGradients"],
                    new float[LstmKernels.BackwardWorkspaceLength(Steps, Batch, Units)], Steps, Batch, Inputs, Units);
                break;
            case RecurrentCellKind.Gru:
                r["gates"] = new float[GruKernels.GatesLength(Steps, Batch, Units)];
                GruKernels.Forward<float>(input, weightIh, weightHh, biasIh, biasHh, h0, r["outputs"], r["gates"],
                    new float[GruKernels.ForwardScratchLength(Batch, Units)], Steps, Batch, Inputs, Units);
                GruKernels.Backward<float>(input, weightIh, weightHh, h0, r["outputs"], r["gates"], outputGradients, finalGradient,
                    r["weightIhGradients"], r["weightHhGradients"], r["biasIhGradients"], r["biasHhGradients"], r["inputGradients"],
                    r["initialHiddenGradients"], r["hiddenGradients"], new float[GruKernels.BackwardWorkspaceLength(Steps, Batch, Units)],
                    Steps, Batch, Inputs, Units);
                break;
            default:
                var activation = kind == RecurrentCellKind.SimpleRnnTanh ? SimpleRnnActivation.Tanh : SimpleRnnActivation.Relu;
                SimpleRnnKernels.Forward<float>(input, weightIh, weightHh, biasIh, biasHh, h0, r["outputs"],
                    new float[SimpleRnnKernels.ForwardScratchLength(Batch, Units)], activation, Steps, Batch, Inputs, Units);
                SimpleRnnKernels.Backward<float>(input, weightIh, weightHh, h0, r["outputs"], outputGradients, finalGradient,
                    r["weightIhGradients"], r["weightHhGradients"], r["biasIhGradients"], r["biasHhGradients"], r["inputGradients"],
                    r["initialHiddenGradients"], r["hiddenGradients"], new float[SimpleRnnKernels.BackwardWorkspaceLength(Steps, Batch, Units)],
                    activation, Steps, Batch, Inputs, Units);
                break;
        }
        return r;
    }
}

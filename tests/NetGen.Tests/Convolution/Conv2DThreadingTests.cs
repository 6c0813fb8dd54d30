using NetGen.CompilerServices;
using NetGen.Tests.Kernels;

namespace NetGen.Tests.Convolution;

/// <summary>
/// On several threads the convolution splits the batch's samples: a sample's output and input gradient are computed whole on
/// one thread, bit-identical to one thread's; the weight and bias gradients, summed per thread and then added in a fixed
/// order, are bit-identical from run to run and within rounding of one thread's. The single-thread kernels are the ones
/// checked against finite differences and libtorch. Alone, not beside other tests: they change the process-wide thread count.
/// </summary>
[Collection(nameof(IsolatedTests))]
public class Conv2DThreadingTests
{
    // 8 samples × 16 filters × 72 weights × 1024 positions = 9.4 M multiply-adds per product: split even when the workers have to be woken.
    private static readonly Conv2DGeometry Geometry = new(8, 32, 32, 16, 3, 3, paddingTop: 1, paddingLeft: 1, paddingBottom: 1, paddingRight: 1);
    private const int Batch = 8;

    [Fact]
    public void Splitting_the_samples_changes_no_sample_s_values_and_the_parameter_gradients_only_within_rounding()
    {
        Assert.True((long)Batch * Geometry.WeightCount * Geometry.OutputHeight * Geometry.OutputWidth >= KernelThreading.MinimumWork);
        Result single = ThreadCounts.With(1, () => Run(Conv2DKernels.WorkspaceLength(Geometry, Batch)));
        Result threaded = ThreadCounts.With(2, () => Run(Conv2DKernels.WorkspaceLength(Geometry, Batch)));
        Result again = ThreadCounts.With(2, () => Run(Conv2DKernels.WorkspaceLength(Geometry, Batch)));
        Assert.True(single.Output.AsSpan().SequenceEqual(threaded.Output), "The output differs between one and two threads.");
        Assert.True(single.InputGradients.AsSpan().SequenceEqual(threaded.InputGradients), "The input gradients differ between one and two threads.");
        AssertWithinRounding("weight gradients", single.WeightGradients, threaded.WeightGradients);
        AssertWithinRounding("bias gradients", single.BiasGradients, threaded.BiasGradients);
        Assert.True(threaded.WeightGradients.AsSpan().SequenceEqual(again.WeightGradients), "Two runs on two threads gave different weight gradients.");
        Assert.True(threaded.BiasGradients.AsSpan().SequenceEqual(again.BiasGradients), "Two runs on two threads gave different bias gradients.");
        Assert.Contains(single.Output, v => v != 0); // the comparisons compared something
        Assert.Contains(single.WeightGradients, v => v != 0);
    }

    [Fact]
    public void With_one_slot_the_products_split_over_their_units_as_a_dense_layer_s()
    {
        // One slot (a workspace for one thread, or a batch of one): the samples are not split, the products inside are, over
        // their units. The forward product sums over the columns' rows in parts per thread, as a dense input gradient does;
        // the weights' and the columns' gradients compute each value on one thread, bit-identical.
        int oneSlot = Conv2DKernels.WorkspaceLength(Geometry, 1);
        Result single = ThreadCounts.With(1, () => Run(oneSlot));
        Result threaded = ThreadCounts.With(2, () => Run(oneSlot));
        AssertWithinRounding("output", single.Output, threaded.Output);
        Assert.True(single.WeightGradients.AsSpan().SequenceEqual(threaded.WeightGradients));
        Assert.True(single.BiasGradients.AsSpan().SequenceEqual(threaded.BiasGradients));
        Assert.True(single.InputGradients.AsSpan().SequenceEqual(threaded.InputGradients));
    }

    private sealed record Result(float[] Output, float[] WeightGradients, float[] BiasGradients, float[] InputGradients);

    private static Result Run(int workspaceLength)
    {
        Conv2DGeometry g = Geometry;
        float[] input = Fill(Batch * g.InputSize, j => MathF.Sin(0.37f * j + 0.1f)), weights = Fill(g.WeightCount, k => 0.1f * MathF.Sin(k + 1));
        float[] biases = Fill(g.OutputChannels, k => 0.1f * MathF.Cos(k)), outputGradients = Fill(Batch * g.OutputSize, j => MathF.Cos(1.3f * j));
        var result = new Result(new float[Batch * g.OutputSize], new float[g.WeightCount], new float[g.OutputChannels], new float[Batch * g.InputSize]);
        float[] workspace = new float[workspaceLength];
        Conv2DKernels.Forward<float>(input, weights, biases, result.Output, workspace, g, Batch);
        Conv2DKernels.Backward<float>(input, weights, outputGradients, result.WeightGradients, result.BiasGradients, result.InputGradients, workspace, g, Batch);
        return result;
    }

    private static float[] Fill(int length, Func<int, float> value) => Enumerable.Range(0, length).Select(value).ToArray();

    private static void AssertWithinRounding(string name, float[] expected, float[] actual)
    {
        double largest = expected.Max(Math.Abs);
        double worst = expected.Zip(actual, (a, b) => Math.Abs(a - b)).Max();
        Assert.True(worst <= 1e-5 * largest, $"{name}: largest difference {worst:E2}, largest value {largest:E2}");
    }
}

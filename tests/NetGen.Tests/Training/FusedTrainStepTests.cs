using System.Runtime.InteropServices;
using NetGen.CompilerServices;
using NetGen.Tests.GradientChecks.Remedies;
using NetGen.Tests.Kernels;

namespace NetGen.Tests.Training;

/// <summary>Inputs wider than one piece of the fused update (512), units not a multiple of four, and a normalization.</summary>
[Network(Inputs = 600, Loss = Loss.MeanSquaredError, Precision = Precision.Double)]
[Dense(7, Activation.Tanh)]
[BatchNorm]
[Dense(3)]
public partial class WidePieces;

/// <summary>Inputs past one piece of the fused update by less than a vector, and units not a multiple of four (double).</summary>
[Network(Inputs = 516, Loss = Loss.MeanSquaredError, Precision = Precision.Double)]
[Dense(5)]
public partial class NarrowTailPiece;

/// <summary>The float counterpart: a tail piece of eight, half a 512-bit vector of floats.</summary>
[Network(Inputs = 520, Loss = Loss.MeanSquaredError)]
[Dense(5)]
public partial class NarrowTailPieceFloat;

/// <summary>
/// A fused training step (TrainStep with an <see cref="IElementwiseOptimizer{T}"/>: each dense layer updated as its gradients
/// are computed) must take exactly the step of the plain one, ComputeGradients then the optimizer's Step over all
/// gradients, which the gradient checks and the optimizer reference tests vouch for.
/// </summary>
/// <remarks>Alone, not beside other tests: one of them changes the process-wide thread count.</remarks>
[Collection(nameof(IsolatedTests))]
public class FusedTrainStepTests
{
    private const int BatchSize = 8;
    private const int Steps = 3;

    public static TheoryData<string, string, int> Cases()
    {
        var data = new TheoryData<string, string, int>();
        foreach (string network in new[] { "ThreadedMlp", "NarrowTailPieceFloat", "WidePieces", "NarrowTailPiece", "ResidualProjection", "BatchNormResidual", "LayerNormResidual" })
        {
            foreach (string optimizer in new[] { "Sgd", "SgdNesterovDecay", "Adam", "AdamW" })
            {
                data.Add(network, optimizer, BatchSize);
                if (network is not ("WidePieces" or "BatchNormResidual")) // batch normalization needs two samples or more
                {
                    data.Add(network, optimizer, 1); // one sample: the outer-product update
                }
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fused_steps_give_the_parameters_of_ComputeGradients_then_Step_to_the_bit(string network, string optimizer, int batchSize)
    {
        if (network == "ThreadedMlp")
        {
            AssertSameSteps(() => new ThreadedMlp(BatchSize, seed: 4), () => Optimizer<float>(optimizer), batchSize);
        }
        else if (network == "NarrowTailPieceFloat")
        {
            AssertSameSteps(() => new NarrowTailPieceFloat(BatchSize, seed: 4), () => Optimizer<float>(optimizer), batchSize);
        }
        else
        {
            AssertSameSteps(() => CreateDouble(network), () => Optimizer<double>(optimizer), batchSize);
        }
    }

    public static TheoryData<string, bool> OptimizersAndPrecisions()
    {
        var data = new TheoryData<string, bool>();
        foreach (string optimizer in new[] { "Sgd", "SgdNesterovDecay", "Adam", "AdamW" })
        {
            data.Add(optimizer, false);
            data.Add(optimizer, true);
        }
        return data;
    }

    /// <summary>
    /// The dense kernels alone, over the shapes where the fused update's pieces of 512 columns end in a tail narrower than
    /// a vector, or in a tail that one vector width covers and another does not: units 1 to 9 (tiles of eight, four and
    /// single rows), inputs 505 to 531, batches 1 to 9. Two steps, so that the optimizers' state takes part.
    /// </summary>
    [Theory]
    [MemberData(nameof(OptimizersAndPrecisions))]
    public void The_fused_dense_update_equals_ParameterGradients_then_Step_to_the_bit(string optimizer, bool isDouble)
    {
        foreach (int units in Enumerable.Range(1, 9))
        {
            foreach (int inputs in new[] { 505, 511, 512, 513, 516, 519, 520, 524, 527, 528, 531 })
            {
                foreach (int batch in new[] { 1, 2, 3, 5, 8, 9 })
                {
                    if (isDouble)
                    {
                        AssertSameDenseUpdate(() => Optimizer<double>(optimizer), batch, inputs, units);
                    }
                    else
                    {
                        AssertSameDenseUpdate(() => Optimizer<float>(optimizer), batch, inputs, units);
                    }
                }
            }
        }
    }

    private static void AssertSameDenseUpdate<T>(Func<IElementwiseOptimizer<T>> createOptimizer, int batch, int inputs, int units)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        var random = new SeededRandom(batch * 1000 + inputs * 10 + units);
        T[] Gaussian(int count) => Enumerable.Range(0, count).Select(_ => T.CreateTruncating(random.NextGaussian())).ToArray();
        int weightCount = units * inputs;
        T[] plain = Gaussian(weightCount + units), fused = (T[])plain.Clone();
        IElementwiseOptimizer<T> plainOptimizer = createOptimizer(), fusedOptimizer = createOptimizer();
        var gradients = new T[plain.Length];
        for (int step = 0; step < 2; step++)
        {
            T[] x = Gaussian(batch * inputs), dz = Gaussian(batch * units);
            DenseKernels.ParameterGradients<T>(dz, x, gradients.AsSpan(0, weightCount), gradients.AsSpan(weightCount), batch, inputs, units, accumulate: false);
            plainOptimizer.Step(plain, gradients);
            fusedOptimizer.BeginStep(fused.Length);
            DenseKernels.UpdateParameters<T>(dz, x, fused.AsSpan(0, weightCount), fused.AsSpan(weightCount), batch, inputs, units, fusedOptimizer, 0, weightCount);
        }
        int[] differing = Enumerable.Range(0, plain.Length).Where(i => !BitIdentical(plain[i], fused[i])).ToArray();
        Assert.True(differing.Length == 0,
            $"batch {batch} x inputs {inputs} x units {units}, {typeof(T).Name}: {differing.Length} parameters differ, the first at " +
            (differing.Length == 0 ? "" : $"unit {differing[0] / inputs}, input {differing[0] % inputs}: {plain[differing[0]]} plain, {fused[differing[0]]} fused"));
    }

    private static bool BitIdentical<T>(T a, T b) where T : unmanaged =>
        MemoryMarshal.AsBytes(new ReadOnlySpan<T>(in a)).SequenceEqual(MemoryMarshal.AsBytes(new ReadOnlySpan<T>(in b)));

    [Fact]
    public void Fused_steps_split_over_threads_match_the_plain_steps_on_as_many_threads()
    {
        int original = KernelThreading.ThreadCount;
        try
        {
            KernelThreading.ThreadCount = 3;
            float[] plain = Train(new ThreadedMlp(64, seed: 5), new Sgd<float>(0.05, momentum: 0.9), 64, fused: false);
            float[] fused = Train(new ThreadedMlp(64, seed: 5), new Sgd<float>(0.05, momentum: 0.9), 64, fused: true);
            Assert.Equal(plain, fused);
        }
        finally
        {
            KernelThreading.ThreadCount = original;
        }
    }

    [Fact]
    public void An_optimizer_that_is_not_elementwise_gets_every_gradient_through_Step()
    {
        var network = new ThreadedMlp(BatchSize, seed: 6);
        var recorder = new RecordingOptimizer();
        (float[] inputs, float[] targets) = Batch<float>(network, BatchSize, seed: 7);
        network.TrainStep(inputs, targets, BatchSize, recorder);

        var reference = new ThreadedMlp(BatchSize, seed: 6);
        reference.ComputeGradients(inputs, targets, BatchSize);
        Assert.Equal(reference.Gradients.ToArray(), recorder.LastGradients);
        Assert.Contains(recorder.LastGradients, g => g != 0);
    }

    private static void AssertSameSteps<T>(Func<INetwork<T>> createNetwork, Func<IElementwiseOptimizer<T>> createOptimizer, int batchSize)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        INetwork<T> fusedNetwork = createNetwork(), plainNetwork = createNetwork();
        T[] initial = fusedNetwork.Parameters.ToArray();
        T[] fused = Train(fusedNetwork, createOptimizer(), batchSize, fused: true);
        T[] plain = Train(plainNetwork, createOptimizer(), batchSize, fused: false);

        Assert.Equal(plain, fused);
        Assert.Equal(plainNetwork.State.ToArray(), fusedNetwork.State.ToArray());
        // The steps moved the parameters (a bias just before a batch normalization has a zero gradient and may stay put;
        // with one sample, so do the weights of the ReLU units it leaves at zero).
        int unchanged = Enumerable.Range(0, initial.Length).Count(i => fused[i] == initial[i]);
        Assert.True(unchanged <= initial.Length / (batchSize == 1 ? 2 : 20), $"{unchanged} of {initial.Length} parameters did not change in {Steps} fused steps");
    }

    private static T[] Train<T>(INetwork<T> network, IElementwiseOptimizer<T> optimizer, int batchSize, bool fused)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        for (int step = 0; step < Steps; step++)
        {
            (T[] inputs, T[] targets) = Batch<T>(network, batchSize, seed: 10 + step);
            if (fused)
            {
                network.TrainStep(inputs, targets, batchSize, optimizer);
            }
            else
            {
                network.ComputeGradients(inputs, targets, batchSize);
                optimizer.Step(network.Parameters, network.Gradients);
            }
        }
        return network.Parameters.ToArray();
    }

    private static (T[] Inputs, T[] Targets) Batch<T>(INetwork<T> network, int batchSize, int seed)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        var random = new SeededRandom(seed);
        T[] inputs = Enumerable.Range(0, batchSize * network.InputSize).Select(_ => T.CreateTruncating(random.NextGaussian())).ToArray();
        var targets = new T[batchSize * network.OutputSize];
        for (int sample = 0; sample < batchSize; sample++)
        {
            Span<T> row = targets.AsSpan(sample * network.OutputSize, network.OutputSize);
            if (network.Loss == Loss.SoftmaxCrossEntropy)
            {
                row[random.NextInt32(row.Length)] = T.One;
                continue;
            }
            for (int k = 0; k < row.Length; k++)
            {
                row[k] = T.CreateTruncating(random.NextInt32(2));
            }
        }
        return (inputs, targets);
    }

    private static INetwork<double> CreateDouble(string name) => name switch
    {
        "WidePieces" => new WidePieces(BatchSize, seed: 1),
        "NarrowTailPiece" => new NarrowTailPiece(BatchSize, seed: 1),
        "ResidualProjection" => new ResidualProjection(BatchSize, seed: 1),
        "BatchNormResidual" => new BatchNormResidual(BatchSize, seed: 1),
        _ => new LayerNormResidual(BatchSize, seed: 1),
    };

    private static IElementwiseOptimizer<T> Optimizer<T>(string name) where T : unmanaged, System.Numerics.IFloatingPointIeee754<T> => name switch
    {
        "Sgd" => new Sgd<T>(0.05),
        "SgdNesterovDecay" => new Sgd<T>(0.05, momentum: 0.9, nesterov: true, weightDecay: 1e-3),
        "Adam" => new Adam<T>(1e-3, weightDecay: 1e-3),
        _ => new AdamW<T>(1e-3, weightDecay: 0.01),
    };

    /// <summary>A plain <see cref="IOptimizer{T}"/>: keeps a copy of the gradients it is given and applies SGD.</summary>
    private sealed class RecordingOptimizer : IOptimizer<float>
    {
        private readonly Sgd<float> _sgd = new(0.1);

        public float[] LastGradients { get; private set; } = [];

        public void Step(Span<float> parameters, ReadOnlySpan<float> gradients)
        {
            LastGradients = gradients.ToArray();
            _sgd.Step(parameters, gradients);
        }
    }
}

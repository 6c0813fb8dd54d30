using NetGen;

namespace NetGen.Tests.Training;

/// <summary>
/// A test double whose single input is a sample id. Forward returns a fixed output row per id; the loss of a batch is the mean
/// of its ids (so that the weighting of partial batches shows in the reported means). It records every training batch.
/// </summary>
internal sealed class ScriptedNetwork : INetwork<double>
{
    private readonly double[] _outputs;
    private readonly double[] _parameters = [0];
    private readonly double[] _gradients = [0];

    public ScriptedNetwork(int outputSize, Loss loss, double[]? outputsById = null, int maxBatchSize = 64)
    {
        OutputSize = outputSize;
        Loss = loss;
        MaxBatchSize = maxBatchSize;
        _outputs = outputsById ?? [];
        Layers = [new LayerInfo("Layer1", LayerKind.Dense, 1, outputSize, Activation.Identity, 0, 0, 0, 0)];
    }

    /// <summary>The ids of every training batch, in the order they were trained on.</summary>
    public List<int[]> TrainedBatches { get; } = [];

    public int InputSize => 1;
    public int OutputSize { get; }
    public int ParameterCount => 1;
    public int MaxBatchSize { get; }

    public bool IsTraining { get; set; } = true;

    public Span<double> State => Span<double>.Empty;

    public INetwork<double> CreateReplica(int maxBatchSize) => throw new NotSupportedException("This test double has no replicas.");

    public ReadOnlySpan<double> PreActivations(int layerIndex) => throw new NotSupportedException("This test double keeps no pre-activations.");

    public ReadOnlySpan<double> PreActivationGradients(int layerIndex) => throw new NotSupportedException("This test double keeps no pre-activation gradients.");
    public Loss Loss { get; }
    public IReadOnlyList<LayerInfo> Layers { get; }
    public Span<double> Parameters => _parameters;
    public Span<double> Gradients => _gradients;

    public void Initialize(int seed)
    {
    }

    public void Forward(ReadOnlySpan<double> input, Span<double> output) => Forward(input, output, 1);

    public void Forward(ReadOnlySpan<double> inputs, Span<double> outputs, int batchSize)
    {
        Assert.InRange(batchSize, 1, MaxBatchSize);
        Assert.Equal(batchSize, inputs.Length);
        Assert.Equal(batchSize * OutputSize, outputs.Length);
        for (int s = 0; s < batchSize; s++)
        {
            _outputs.AsSpan((int)inputs[s] * OutputSize, OutputSize).CopyTo(outputs.Slice(s * OutputSize, OutputSize));
        }
    }

    public double ComputeLoss(ReadOnlySpan<double> inputs, ReadOnlySpan<double> targets, int batchSize)
    {
        Assert.Equal(batchSize, inputs.Length);
        Assert.Equal(batchSize * OutputSize, targets.Length);
        double sum = 0;
        foreach (double id in inputs)
        {
            sum += id;
        }
        return sum / batchSize;
    }

    public double ComputeGradients(ReadOnlySpan<double> inputs, ReadOnlySpan<double> targets, int batchSize) =>
        ComputeLoss(inputs, targets, batchSize);

    public double TrainStep(ReadOnlySpan<double> inputs, ReadOnlySpan<double> targets, int batchSize, IOptimizer<double> optimizer)
    {
        Assert.InRange(batchSize, 1, MaxBatchSize);
        var ids = new int[batchSize];
        for (int s = 0; s < batchSize; s++)
        {
            ids[s] = (int)inputs[s];
            // Each sample's targets are its id repeated, so a row mix-up between inputs and targets shows.
            for (int k = 0; k < OutputSize; k++)
            {
                Assert.Equal(inputs[s], targets[s * OutputSize + k]);
            }
        }
        TrainedBatches.Add(ids);
        return ComputeGradients(inputs, targets, batchSize);
    }

    /// <summary>A dataset of samples 0..count−1 whose targets repeat the id, as <see cref="TrainStep"/> expects.</summary>
    public Dataset<double> IdDataset(int count) =>
        new(
            Enumerable.Range(0, count).Select(i => (double)i).ToArray(),
            Enumerable.Range(0, count).SelectMany(i => Enumerable.Repeat((double)i, OutputSize)).ToArray(),
            1,
            OutputSize);
}

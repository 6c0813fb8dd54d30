using NetGen;

namespace NetGen.Tests.Training;

/// <summary>
/// Wraps a network and records its <see cref="IsTraining"/> at every call that runs it; throws at the call given by
/// <see cref="ThrowAtCall"/> (from 1), to see what a failure leaves behind.
/// </summary>
internal sealed class ModeRecordingNetwork(INetwork<double> inner) : INetwork<double>
{
    public List<bool> ModesSeen { get; } = [];

    public int ThrowAtCall { get; set; }

    public int InputSize => inner.InputSize;
    public int OutputSize => inner.OutputSize;
    public int ParameterCount => inner.ParameterCount;
    public int MaxBatchSize => inner.MaxBatchSize;
    public Loss Loss => inner.Loss;
    public IReadOnlyList<LayerInfo> Layers => inner.Layers;
    public Span<double> Parameters => inner.Parameters;
    public Span<double> State => inner.State;
    public Span<double> Gradients => inner.Gradients;

    public bool IsTraining
    {
        get => inner.IsTraining;
        set => inner.IsTraining = value;
    }

    public ReadOnlySpan<double> PreActivations(int layerIndex) => inner.PreActivations(layerIndex);

    public ReadOnlySpan<double> PreActivationGradients(int layerIndex) => inner.PreActivationGradients(layerIndex);
    public INetwork<double> CreateReplica(int maxBatchSize) => inner.CreateReplica(maxBatchSize);
    public void Initialize(int seed) => inner.Initialize(seed);

    public void Forward(ReadOnlySpan<double> input, Span<double> output)
    {
        Record();
        inner.Forward(input, output);
    }

    public void Forward(ReadOnlySpan<double> inputs, Span<double> outputs, int batchSize)
    {
        Record();
        inner.Forward(inputs, outputs, batchSize);
    }

    public double ComputeLoss(ReadOnlySpan<double> inputs, ReadOnlySpan<double> targets, int batchSize)
    {
        Record();
        return inner.ComputeLoss(inputs, targets, batchSize);
    }

    public double ComputeGradients(ReadOnlySpan<double> inputs, ReadOnlySpan<double> targets, int batchSize)
    {
        Record();
        return inner.ComputeGradients(inputs, targets, batchSize);
    }

    public double TrainStep(ReadOnlySpan<double> inputs, ReadOnlySpan<double> targets, int batchSize, IOptimizer<double> optimizer)
    {
        Record();
        return inner.TrainStep(inputs, targets, batchSize, optimizer);
    }

    private void Record()
    {
        ModesSeen.Add(IsTraining);
        if (ModesSeen.Count == ThrowAtCall)
        {
            throw new InvalidOperationException($"Thrown by the test at call {ThrowAtCall}.");
        }
    }
}

namespace NetGen.Tests.Monitoring;

/// <summary>
/// A network whose gradients and pre-activations the test writes directly, to construct each detection rule's case:
/// Layer1 dense ReLU 3 → 4, Layer2 dense sigmoid 4 → 4, Layer3 batch normalization of 4 (γ, β), Layer4 dense linear 4 → 2.
/// Batch of 2. <see cref="Healthy"/> fills it with values no rule flags.
/// </summary>
internal sealed class GradientStub : INetwork<double>
{
    public const int Batch = 2;
    private readonly double[] _parameters;
    private readonly double[] _gradients;
    private readonly double[][] _preActivations;

    public GradientStub()
    {
        Layers =
        [
            new LayerInfo("Layer1", LayerKind.Dense, 3, 4, Activation.ReLU, 0, 12, 12, 4),
            new LayerInfo("Layer2", LayerKind.Dense, 4, 4, Activation.Sigmoid, 16, 16, 32, 4),
            new LayerInfo("Layer3", LayerKind.BatchNorm, 4, 4, Activation.Identity, 36, 4, 40, 4),
            new LayerInfo("Layer4", LayerKind.Dense, 4, 2, Activation.Identity, 44, 8, 52, 2),
        ];
        _parameters = new double[54];
        _gradients = new double[54];
        _preActivations = [.. Layers.Select(layer => new double[Batch * layer.Outputs])];
        Healthy();
    }

    /// <summary>Gradients of 0.05 to 0.15 with alternating signs; pre-activations of ±1 with every unit positive in one sample.</summary>
    public void Healthy()
    {
        for (int i = 0; i < _gradients.Length; i++)
        {
            _gradients[i] = (i % 2 == 0 ? 1 : -1) * (0.05 + 0.1 * (i % 7) / 6.0);
        }
        foreach (double[] z in _preActivations)
        {
            for (int i = 0; i < z.Length; i++)
            {
                z[i] = (i / (z.Length / Batch) + i) % 2 == 0 ? 1 : -1;
            }
        }
    }

    public Span<double> WeightGradients(int layer) => _gradients.AsSpan(Layers[layer].WeightOffset, Layers[layer].WeightCount);

    public Span<double> Z(int layer) => _preActivations[layer];

    public int InputSize => 3;
    public int OutputSize => 2;
    public int ParameterCount => _parameters.Length;
    public int MaxBatchSize => Batch;
    public Loss Loss => Loss.MeanSquaredError;
    public IReadOnlyList<LayerInfo> Layers { get; }
    public Span<double> Parameters => _parameters;
    public Span<double> Gradients => _gradients;
    public bool IsTraining { get; set; } = true;

    public Span<double> State => Span<double>.Empty;

    public INetwork<double> CreateReplica(int maxBatchSize) => throw new NotSupportedException("This test double has no replicas.");

    public ReadOnlySpan<double> PreActivations(int layerIndex) => _preActivations[layerIndex];

    public ReadOnlySpan<double> PreActivationGradients(int layerIndex) => [];

    public void Initialize(int seed)
    {
    }

    public void Forward(ReadOnlySpan<double> input, Span<double> output) => throw new NotSupportedException();

    public void Forward(ReadOnlySpan<double> inputs, Span<double> outputs, int batchSize) => throw new NotSupportedException();

    public double ComputeLoss(ReadOnlySpan<double> inputs, ReadOnlySpan<double> targets, int batchSize) => throw new NotSupportedException();

    public double ComputeGradients(ReadOnlySpan<double> inputs, ReadOnlySpan<double> targets, int batchSize) => throw new NotSupportedException();

    public double TrainStep(ReadOnlySpan<double> inputs, ReadOnlySpan<double> targets, int batchSize, IOptimizer<double> optimizer) =>
        throw new NotSupportedException();
}

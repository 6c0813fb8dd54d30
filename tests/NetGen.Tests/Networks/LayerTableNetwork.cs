using System.Numerics;

namespace NetGen.Tests.Networks;

/// <summary>
/// A network that is only its layer table: parameters, gradients and pre-activations sized from <see cref="INetwork{T}.Layers"/>
/// and written by the test, for the runtime's consumers of the table (weights files, the gradient monitor, the speed of
/// learning). <see cref="ComputeGradients"/> leaves the gradients as the test wrote them.
/// </summary>
internal sealed class LayerTableNetwork<T> : INetwork<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public const int Batch = 2;
    private readonly T[] _parameters;
    private readonly T[] _gradients;
    private readonly T[][] _preActivations;
    private T[] _state = [];

    public LayerTableNetwork(params LayerInfo[] layers)
    {
        Layers = layers;
        _parameters = new T[layers.Sum(layer => layer.ParameterCount)];
        _gradients = new T[_parameters.Length];
        _preActivations = [.. layers.Select(layer => new T[Batch * layer.Outputs])];
        for (int i = 0; i < _parameters.Length; i++)
        {
            _parameters[i] = T.CreateTruncating(0.25 * i - 1);
        }
    }

    /// <summary>The layers of the persistence and monitor tests, parameters laid out one after the other.</summary>
    public static LayerInfo[] MixedLayers(bool sharedSlope) =>
    [
        new("Layer1", LayerKind.Dense, 3, 4, Activation.Identity, 0, 12, 12, 0), // UseBias = false
        new("Layer2", LayerKind.PReLU, 4, 4, Activation.Identity, 12, sharedSlope ? 1 : 4, 12 + (sharedSlope ? 1 : 4), 0),
        new("Layer3", LayerKind.Dropout, 4, 4, Activation.Identity, 12 + (sharedSlope ? 1 : 4), 0, 12 + (sharedSlope ? 1 : 4), 0),
        new("Layer4", LayerKind.Dense, 4, 2, Activation.Identity, 12 + (sharedSlope ? 1 : 4), 8, 20 + (sharedSlope ? 1 : 4), 2),
    ];

    public Span<T> Z(int layer) => _preActivations[layer];

    public Span<T> LayerGradients(int layer) =>
        _gradients.AsSpan(Layers[layer].WeightOffset, Layers[layer].WeightCount);

    public int InputSize => Layers[0].Inputs;
    public int OutputSize => Layers[^1].Outputs;
    public int ParameterCount => _parameters.Length;
    public int MaxBatchSize => Batch;
    public Loss Loss => Loss.MeanSquaredError;
    public IReadOnlyList<LayerInfo> Layers { get; }
    public Span<T> Parameters => _parameters;
    public Span<T> Gradients => _gradients;
    public Span<T> State => _state;

    /// <summary>The number of state values (batch normalizations' running statistics); none unless set.</summary>
    public int StateLength { init => _state = new T[value]; }
    public bool IsTraining { get; set; } = true;

    public ReadOnlySpan<T> PreActivations(int layerIndex) => _preActivations[layerIndex];

    public ReadOnlySpan<T> PreActivationGradients(int layerIndex) => [];

    public INetwork<T> CreateReplica(int maxBatchSize) => throw new NotSupportedException("This test double has no replicas.");

    public void Initialize(int seed)
    {
    }

    public void Forward(ReadOnlySpan<T> input, Span<T> output) => throw new NotSupportedException();

    public void Forward(ReadOnlySpan<T> inputs, Span<T> outputs, int batchSize) => throw new NotSupportedException();

    public T ComputeLoss(ReadOnlySpan<T> inputs, ReadOnlySpan<T> targets, int batchSize) => throw new NotSupportedException();

    public T ComputeGradients(ReadOnlySpan<T> inputs, ReadOnlySpan<T> targets, int batchSize) => T.Zero;

    public T TrainStep(ReadOnlySpan<T> inputs, ReadOnlySpan<T> targets, int batchSize, IOptimizer<T> optimizer) => throw new NotSupportedException();
}

using System.Numerics;
using NetGen;

namespace NetGen.Tests.Training;

/// <summary>
/// A hand-written test double: y = w·x + b with mean squared error, gradients derived by hand:
/// L = Σ (a − y)² / B, ∂L/∂w_j = 2/B · Σ (a − y)·x_j, ∂L/∂b = 2/B · Σ (a − y).
/// </summary>
internal sealed class LinearRegressionNetwork : INetwork<double>
{
    private readonly double[] _parameters;
    private readonly double[] _gradients;

    public LinearRegressionNetwork(int inputSize, int maxBatchSize = 64)
    {
        InputSize = inputSize;
        MaxBatchSize = maxBatchSize;
        _parameters = new double[inputSize + 1];
        _gradients = new double[inputSize + 1];
        Layers = [new LayerInfo("Layer1", LayerKind.Dense, inputSize, 1, Activation.Identity, 0, inputSize, inputSize, 1)];
    }

    public int InputSize { get; }
    public int OutputSize => 1;
    public int ParameterCount => _parameters.Length;
    public int MaxBatchSize { get; }

    public bool IsTraining { get; set; } = true;

    public Span<double> State => Span<double>.Empty;

    public INetwork<double> CreateReplica(int maxBatchSize) => throw new NotSupportedException("This test double has no replicas.");

    public ReadOnlySpan<double> PreActivations(int layerIndex) => throw new NotSupportedException("This test double keeps no pre-activations.");

    public ReadOnlySpan<double> PreActivationGradients(int layerIndex) => throw new NotSupportedException("This test double keeps no pre-activation gradients.");
    public Loss Loss => Loss.MeanSquaredError;
    public IReadOnlyList<LayerInfo> Layers { get; }
    public Span<double> Parameters => _parameters;
    public Span<double> Gradients => _gradients;

    public void Initialize(int seed)
    {
        var random = new SeededRandom(seed);
        for (int i = 0; i < _parameters.Length; i++)
        {
            _parameters[i] = random.NextGaussian() * 0.1;
        }
    }

    public void Forward(ReadOnlySpan<double> input, Span<double> output) => Forward(input, output, 1);

    public void Forward(ReadOnlySpan<double> inputs, Span<double> outputs, int batchSize)
    {
        CheckBatch(inputs, batchSize);
        for (int s = 0; s < batchSize; s++)
        {
            outputs[s] = Predict(inputs.Slice(s * InputSize, InputSize));
        }
    }

    public double ComputeLoss(ReadOnlySpan<double> inputs, ReadOnlySpan<double> targets, int batchSize)
    {
        CheckBatch(inputs, batchSize);
        double sum = 0;
        for (int s = 0; s < batchSize; s++)
        {
            double error = Predict(inputs.Slice(s * InputSize, InputSize)) - targets[s];
            sum += error * error;
        }
        return sum / batchSize;
    }

    public double ComputeGradients(ReadOnlySpan<double> inputs, ReadOnlySpan<double> targets, int batchSize)
    {
        CheckBatch(inputs, batchSize);
        Array.Clear(_gradients);
        double sum = 0;
        for (int s = 0; s < batchSize; s++)
        {
            ReadOnlySpan<double> x = inputs.Slice(s * InputSize, InputSize);
            double error = Predict(x) - targets[s];
            sum += error * error;
            for (int j = 0; j < InputSize; j++)
            {
                _gradients[j] += 2 * error * x[j] / batchSize;
            }
            _gradients[InputSize] += 2 * error / batchSize;
        }
        return sum / batchSize;
    }

    public double TrainStep(ReadOnlySpan<double> inputs, ReadOnlySpan<double> targets, int batchSize, IOptimizer<double> optimizer)
    {
        double loss = ComputeGradients(inputs, targets, batchSize);
        optimizer.Step(Parameters, Gradients);
        return loss;
    }

    private double Predict(ReadOnlySpan<double> x)
    {
        double y = _parameters[InputSize];
        for (int j = 0; j < InputSize; j++)
        {
            y += _parameters[j] * x[j];
        }
        return y;
    }

    private void CheckBatch(ReadOnlySpan<double> inputs, int batchSize)
    {
        if (batchSize < 1 || batchSize > MaxBatchSize || inputs.Length != batchSize * InputSize)
        {
            throw new ArgumentException($"Bad batch: size {batchSize}, {inputs.Length} inputs.");
        }
    }
}

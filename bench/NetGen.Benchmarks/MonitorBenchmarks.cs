using BenchmarkDotNet.Attributes;
using NetGen;

namespace NetGen.Benchmarks;

/// <summary>An MNIST-sized MLP.</summary>
[Network(Inputs = 784, Loss = Loss.SoftmaxCrossEntropy)]
[Dense(256, Activation.ReLU, Init = Init.HeNormal)]
[Dense(128, Activation.ReLU, Init = Init.HeNormal)]
[Dense(10)]
public partial class BenchmarkMlp;

/// <summary>One training step of a 784-256-128-10 ReLU MLP on a batch of 64, without and with the gradient monitor.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class MonitorBenchmarks
{
    private const int Batch = 64;
    private BenchmarkMlp _network = null!;
    private Sgd<float> _optimizer = null!;
    private GradientMonitor<float> _monitor = null!;
    private float[] _inputs = null!;
    private float[] _targets = null!;

    [GlobalSetup]
    public void Setup()
    {
        _network = new BenchmarkMlp(maxBatchSize: Batch, seed: 1);
        _optimizer = new Sgd<float>(0.01);
        _monitor = new GradientMonitor<float>(_network);
        var random = new Random(1);
        _inputs = [.. Enumerable.Range(0, Batch * 784).Select(_ => random.NextDouble() < 0.8 ? 0f : (float)random.NextDouble())];
        _targets = new float[Batch * 10];
        for (int s = 0; s < Batch; s++)
        {
            _targets[s * 10 + random.Next(10)] = 1;
        }
        // MeasureOnly measures real gradients, not the zeros of a network that has not computed any.
        _network.ComputeGradients(_inputs, _targets, Batch);
    }

    [Benchmark(Baseline = true)]
    public float TrainStep() => _network.TrainStep(_inputs, _targets, Batch, _optimizer);

    // What Trainer does on a monitored step: the gradients are kept for the monitor, so the step is not fused.
    [Benchmark]
    public float TrainStepAndMeasure()
    {
        float loss = _network.ComputeGradients(_inputs, _targets, Batch);
        _monitor.Measure();
        _optimizer.Step(_network.Parameters, _network.Gradients);
        return loss;
    }

    [Benchmark]
    public GradientReport MeasureOnly() => _monitor.Measure();
}

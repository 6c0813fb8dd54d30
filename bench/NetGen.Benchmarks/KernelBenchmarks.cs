using BenchmarkDotNet.Attributes;
using NetGen;
using NetGen.Compare;

namespace NetGen.Benchmarks;

/// <summary>
/// The generated code in the four cases of the side-by-side comparison (docs/performance.md), on 1 and 2 kernel threads.
/// The training steps repeat one batch with plain SGD (learning rate 0.01, as the runner); each iteration of 512 steps
/// starts from the initial parameters.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[InvocationCount(512)]
public class KernelBenchmarks
{
    private TrainingMlp _training = null!;
    private InferenceMlp _inference = null!;
    private DenseLayer _dense = null!;
    private Sgd<float> _sgd = null!;
    private float[] _inputs = null!, _targets = null!, _denseInputs = null!, _denseOutputs = null!, _output = null!;
    private float[] _initial = null!;

    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        KernelThreading.ThreadCount = Threads;
        _training = new TrainingMlp(maxBatchSize: 64, seed: 1);
        _inference = new InferenceMlp(maxBatchSize: 1, seed: 1);
        _dense = new DenseLayer(maxBatchSize: 256, seed: 1);
        _sgd = new Sgd<float>(0.01);
        var random = new Random(1);
        _inputs = [.. Enumerable.Range(0, 64 * 784).Select(_ => (float)random.NextDouble())];
        _targets = new float[64 * 10];
        for (int s = 0; s < 64; s++)
        {
            _targets[s * 10 + random.Next(10)] = 1;
        }
        _denseInputs = [.. Enumerable.Range(0, 256 * 1024).Select(_ => (float)random.NextDouble() - 0.5f)];
        _denseOutputs = new float[256 * 1024];
        _output = new float[10];
        _initial = _training.Parameters.ToArray();
        WarmUp();
    }

    /// <summary>
    /// Runs every case for a while before BenchmarkDotNet starts. Its iterations here are 512 calls, a few milliseconds:
    /// the tiered JIT recompiles hot methods only after 100 ms without new methods to compile, which such short runs never
    /// gave it, so every call was timed in unoptimized (tier-0) code (one-sample inference, one thread: 2.5 µs against
    /// 2.2 µs optimized). The comparison runner warms up for at least 300 ms for the same reason.
    /// </summary>
    private void WarmUp()
    {
        foreach (Func<float> run in new Func<float>[] { TrainStepBatch64, TrainStepBatch1, InferOneSample, DenseForward1024Batch256 })
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (clock.ElapsedMilliseconds < 400)
            {
                run();
            }
        }
        RestoreParameters();
    }

    // Training one batch over and over drives its loss toward zero (and its gradients into denormal numbers, which are
    // slow): every iteration starts from the initial parameters again, as the comparison runner's samples do.
    [IterationSetup(Targets = [nameof(TrainStepBatch64), nameof(TrainStepBatch1)])]
    public void RestoreParameters() => _initial.CopyTo(_training.Parameters);

    [Benchmark]
    public float TrainStepBatch64() => _training.TrainStep(_inputs, _targets, 64, _sgd);

    [Benchmark]
    public float TrainStepBatch1() => _training.TrainStep(_inputs.AsSpan(0, 784), _targets.AsSpan(0, 10), 1, _sgd);

    [Benchmark]
    public float InferOneSample()
    {
        _inference.Forward(_inputs.AsSpan(0, 784), _output);
        return _output[0];
    }

    [Benchmark]
    public float DenseForward1024Batch256()
    {
        _dense.Forward(_denseInputs, _denseOutputs, 256);
        return _denseOutputs[0];
    }
}

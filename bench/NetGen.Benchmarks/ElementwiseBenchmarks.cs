using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using BenchmarkDotNet.Attributes;
using NetGen;

/// <summary>
/// NetGen's element-wise loops against the <c>TensorPrimitives</c> call that could replace each, on a layer's worth of
/// floats (a 784-wide input, a batch of 64 × 256 units): a loop is replaced where the library is at least as fast.
/// </summary>
[MedianColumn]
public class ElementwiseBenchmarks
{
    private float[] _x = null!, _y = null!, _destination = null!, _parameters = null!;
    private Sgd<float> _sgd = null!;

    [Params(784, 16384)]
    public int Length { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        _x = [.. Enumerable.Range(0, Length).Select(_ => (float)random.NextDouble() * 8 - 4)];
        _y = [.. Enumerable.Range(0, Length).Select(_ => (float)random.NextDouble() * 2 - 1)];
        _destination = new float[Length];
        _parameters = [.. _y];
        _sgd = new Sgd<float>(1e-6);
        _sgd.BeginStep(Length);
    }

    /// <summary>Kernels.Add's earlier hand loop: full-width vectors, then scalars.</summary>
    [Benchmark]
    public void AddOwnLoop()
    {
        ref float x = ref MemoryMarshal.GetArrayDataReference(_x), y = ref MemoryMarshal.GetArrayDataReference(_y), d = ref MemoryMarshal.GetArrayDataReference(_destination);
        int i = 0;
        for (; i <= Length - Vector512<float>.Count; i += Vector512<float>.Count)
        {
            (Vector512.LoadUnsafe(ref x, (nuint)i) + Vector512.LoadUnsafe(ref y, (nuint)i)).StoreUnsafe(ref d, (nuint)i);
        }
        for (; i < Length; i++)
        {
            _destination[i] = _x[i] + _y[i];
        }
    }

    [Benchmark]
    public void AddTensorPrimitives() => TensorPrimitives.Add(_x, _y, _destination);

    /// <summary>Plain SGD, p −= lr·g: Sgd.Update's own vector loop.</summary>
    [Benchmark]
    public void SgdOwnLoop() => _sgd.Update(0, _parameters, _x);

    /// <summary>The same update as g·(−lr) + p, unfused (bit-identical to p − lr·g).</summary>
    [Benchmark]
    public void SgdTensorPrimitives() => TensorPrimitives.MultiplyAdd(_x, -1e-6f, _parameters, _parameters);

    [Benchmark]
    public void ReLUOwnLoop() => ActivationKernels.Apply(Activation.ReLU, 0f, _x, _destination);

    [Benchmark]
    public void ReLUTensorPrimitives() => TensorPrimitives.Max(_x, 0f, _destination);

    [Benchmark]
    public void SigmoidOwnLoop() => ActivationKernels.Apply(Activation.Sigmoid, 0f, _x, _destination);

    [Benchmark]
    public void SigmoidTensorPrimitives() => TensorPrimitives.Sigmoid(_x, _destination);

    [Benchmark]
    public void TanhOwnLoop() => ActivationKernels.Apply(Activation.Tanh, 0f, _x, _destination);

    [Benchmark]
    public void TanhTensorPrimitives() => TensorPrimitives.Tanh(_x, _destination);
}

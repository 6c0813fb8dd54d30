using System;
using System.Collections.Generic;
using System.Numerics;
using System.Runtime.InteropServices;

namespace NetGen;

/// <summary>
/// The state and the fused update loop shared by <see cref="Adam{T}"/> and <see cref="AdamW{T}"/>, written as PyTorch's
/// single-tensor Adam computes it:
/// <code>
/// p = p · (1 − lr · decoupledDecay)             (AdamW only)
/// g = g + coupledDecay · p                       (Adam with weight decay only)
/// m = β1 · m + (1 − β1) · g
/// v = β2 · v + (1 − β2) · g²
/// p = p − (lr / (1 − β1ᵗ)) · m / (√v / √(1 − β2ᵗ) + ε)
/// </code>
/// </summary>
internal sealed class AdamUpdate<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private ParameterCountGuard _guard;
    private T[] _firstMoment = [];
    private T[] _secondMoment = [];
    private long _step;

    /// <summary>The names of the two moments, as in PyTorch's Adam state: the first moment m, the second moment v.</summary>
    public static IReadOnlyList<string> StateNames { get; } = ["exp_avg", "exp_avg_sq"];

    /// <summary>The number of steps taken, t.</summary>
    public long StepCount => _step;

    /// <summary>Copies of m and v, or none before the first step.</summary>
    public IReadOnlyDictionary<string, T[]> ExportState() => _step == 0
        ? new Dictionary<string, T[]>()
        : new Dictionary<string, T[]> { ["exp_avg"] = (T[])_firstMoment.Clone(), ["exp_avg_sq"] = (T[])_secondMoment.Clone() };

    /// <summary>Replaces m, v and t; see <see cref="ICheckpointableOptimizer{T}.ImportState"/>.</summary>
    public void ImportState(IReadOnlyDictionary<string, T[]> tensors, long stepCount)
    {
        int? length = OptimizerStateCheck.Check(tensors, StateNames, stepCount);
        _guard.Restore(length);
        _firstMoment = length is null ? [] : (T[])tensors["exp_avg"].Clone();
        _secondMoment = length is null ? [] : (T[])tensors["exp_avg_sq"].Clone();
        _step = length is null ? 0 : stepCount;
    }

    public void Step(
        Span<T> parameters, ReadOnlySpan<T> gradients,
        double learningRate, double beta1, double beta2, double epsilon, double coupledDecay, double decoupledDecay)
    {
        if (_guard.Check(parameters.Length, gradients.Length))
        {
            _firstMoment = new T[parameters.Length];
            _secondMoment = new T[parameters.Length];
        }
        _step++;

        // The bias corrections are computed in double, so that float networks do not lose them to rounding of β^t.
        double biasCorrection1 = 1 - Math.Pow(beta1, _step);
        double biasCorrection2 = 1 - Math.Pow(beta2, _step);
        T stepSize = T.CreateTruncating(learningRate / biasCorrection1);
        T biasCorrection2Sqrt = T.CreateTruncating(Math.Sqrt(biasCorrection2));
        T b1 = T.CreateTruncating(beta1), oneMinusB1 = T.CreateTruncating(1 - beta1);
        T b2 = T.CreateTruncating(beta2), oneMinusB2 = T.CreateTruncating(1 - beta2);
        T eps = T.CreateTruncating(epsilon);
        T coupled = T.CreateTruncating(coupledDecay);
        T decayFactor = T.CreateTruncating(1 - learningRate * decoupledDecay);
        bool hasCoupled = coupledDecay != 0;
        bool hasDecoupled = decoupledDecay != 0;

        Span<T> m = _firstMoment;
        Span<T> v = _secondMoment;
        int i = 0;
        if (Vector.IsHardwareAccelerated && Vector<T>.IsSupported && parameters.Length >= Vector<T>.Count)
        {
            ref T pRef = ref MemoryMarshal.GetReference(parameters);
            ref T gRef = ref MemoryMarshal.GetReference(gradients);
            ref T mRef = ref MemoryMarshal.GetReference(m);
            ref T vRef = ref MemoryMarshal.GetReference(v);
            var stepSizeV = new Vector<T>(stepSize);
            var biasCorrection2SqrtV = new Vector<T>(biasCorrection2Sqrt);
            var b1V = new Vector<T>(b1);
            var oneMinusB1V = new Vector<T>(oneMinusB1);
            var b2V = new Vector<T>(b2);
            var oneMinusB2V = new Vector<T>(oneMinusB2);
            var epsV = new Vector<T>(eps);
            var coupledV = new Vector<T>(coupled);
            var decayFactorV = new Vector<T>(decayFactor);
            for (; i <= parameters.Length - Vector<T>.Count; i += Vector<T>.Count)
            {
                nuint offset = (nuint)i;
                Vector<T> p = Vector.LoadUnsafe(ref pRef, offset);
                Vector<T> g = Vector.LoadUnsafe(ref gRef, offset);
                if (hasDecoupled)
                {
                    p *= decayFactorV;
                }
                if (hasCoupled)
                {
                    g += coupledV * p;
                }
                Vector<T> newM = b1V * Vector.LoadUnsafe(ref mRef, offset) + oneMinusB1V * g;
                Vector<T> newV = b2V * Vector.LoadUnsafe(ref vRef, offset) + oneMinusB2V * (g * g);
                newM.StoreUnsafe(ref mRef, offset);
                newV.StoreUnsafe(ref vRef, offset);
                Vector<T> denominator = Vector.SquareRoot(newV) / biasCorrection2SqrtV + epsV;
                (p - stepSizeV * newM / denominator).StoreUnsafe(ref pRef, offset);
            }
        }
        for (; i < parameters.Length; i++)
        {
            T p = parameters[i];
            T g = gradients[i];
            if (hasDecoupled)
            {
                p *= decayFactor;
            }
            if (hasCoupled)
            {
                g += coupled * p;
            }
            T newM = b1 * m[i] + oneMinusB1 * g;
            T newV = b2 * v[i] + oneMinusB2 * (g * g);
            m[i] = newM;
            v[i] = newV;
            T denominator = T.Sqrt(newV) / biasCorrection2Sqrt + eps;
            parameters[i] = p - stepSize * newM / denominator;
        }
    }
}

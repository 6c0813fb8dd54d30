using System;
using System.Collections.Generic;
using System.Numerics;
using System.Runtime.CompilerServices;
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
    private StepConstants _constants;

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

    /// <summary>Starts step t + 1: checks the count, creates m and v at the first step, and computes the step's constants.</summary>
    public void BeginStep(
        int parameterCount, double learningRate, double beta1, double beta2, double epsilon, double coupledDecay, double decoupledDecay)
    {
        if (_guard.Check(parameterCount))
        {
            _firstMoment = new T[parameterCount];
            _secondMoment = new T[parameterCount];
        }
        _step++;
        _constants = new StepConstants(_step, learningRate, beta1, beta2, epsilon, coupledDecay, decoupledDecay);
    }

    /// <summary>Updates the slice of the parameters at <paramref name="offset"/>, with the constants of the step begun last.</summary>
    // Compiled fully optimized at once, as the kernels are (see Sgd.Update).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Update(int offset, Span<T> parameters, ReadOnlySpan<T> gradients)
    {
        _guard.CheckSlice(offset, parameters.Length, gradients.Length);
        StepConstants c = _constants;
        Span<T> m = _firstMoment.AsSpan(offset, parameters.Length);
        Span<T> v = _secondMoment.AsSpan(offset, parameters.Length);
        int i = 0;
        if (Vector.IsHardwareAccelerated && Vector<T>.IsSupported && parameters.Length >= Vector<T>.Count)
        {
            ref T pRef = ref MemoryMarshal.GetReference(parameters);
            ref T gRef = ref MemoryMarshal.GetReference(gradients);
            ref T mRef = ref MemoryMarshal.GetReference(m);
            ref T vRef = ref MemoryMarshal.GetReference(v);
            var stepSizeV = new Vector<T>(c.StepSize);
            var biasCorrection2SqrtV = new Vector<T>(c.BiasCorrection2Sqrt);
            var b1V = new Vector<T>(c.Beta1);
            var oneMinusB1V = new Vector<T>(c.OneMinusBeta1);
            var b2V = new Vector<T>(c.Beta2);
            var oneMinusB2V = new Vector<T>(c.OneMinusBeta2);
            var epsV = new Vector<T>(c.Epsilon);
            var coupledV = new Vector<T>(c.CoupledDecay);
            var decayFactorV = new Vector<T>(c.DecayFactor);
            for (; i <= parameters.Length - Vector<T>.Count; i += Vector<T>.Count)
            {
                nuint offsetI = (nuint)i;
                Vector<T> p = Vector.LoadUnsafe(ref pRef, offsetI);
                Vector<T> g = Vector.LoadUnsafe(ref gRef, offsetI);
                if (c.HasDecoupledDecay)
                {
                    p *= decayFactorV;
                }
                if (c.HasCoupledDecay)
                {
                    g += coupledV * p;
                }
                Vector<T> newM = b1V * Vector.LoadUnsafe(ref mRef, offsetI) + oneMinusB1V * g;
                Vector<T> newV = b2V * Vector.LoadUnsafe(ref vRef, offsetI) + oneMinusB2V * (g * g);
                newM.StoreUnsafe(ref mRef, offsetI);
                newV.StoreUnsafe(ref vRef, offsetI);
                Vector<T> denominator = Vector.SquareRoot(newV) / biasCorrection2SqrtV + epsV;
                (p - stepSizeV * newM / denominator).StoreUnsafe(ref pRef, offsetI);
            }
        }
        for (; i < parameters.Length; i++)
        {
            T p = parameters[i];
            T g = gradients[i];
            if (c.HasDecoupledDecay)
            {
                p *= c.DecayFactor;
            }
            if (c.HasCoupledDecay)
            {
                g += c.CoupledDecay * p;
            }
            T newM = c.Beta1 * m[i] + c.OneMinusBeta1 * g;
            T newV = c.Beta2 * v[i] + c.OneMinusBeta2 * (g * g);
            m[i] = newM;
            v[i] = newV;
            T denominator = T.Sqrt(newV) / c.BiasCorrection2Sqrt + c.Epsilon;
            parameters[i] = p - c.StepSize * newM / denominator;
        }
    }

    /// <summary>The hyper-parameters of one step, in <typeparamref name="T"/>, bias corrections included.</summary>
    private readonly struct StepConstants
    {
        public StepConstants(long step, double learningRate, double beta1, double beta2, double epsilon, double coupledDecay, double decoupledDecay)
        {
            // The bias corrections are computed in double, so that float networks do not lose them to rounding of β^t.
            double biasCorrection1 = 1 - Math.Pow(beta1, step);
            double biasCorrection2 = 1 - Math.Pow(beta2, step);
            StepSize = T.CreateTruncating(learningRate / biasCorrection1);
            BiasCorrection2Sqrt = T.CreateTruncating(Math.Sqrt(biasCorrection2));
            Beta1 = T.CreateTruncating(beta1);
            OneMinusBeta1 = T.CreateTruncating(1 - beta1);
            Beta2 = T.CreateTruncating(beta2);
            OneMinusBeta2 = T.CreateTruncating(1 - beta2);
            Epsilon = T.CreateTruncating(epsilon);
            CoupledDecay = T.CreateTruncating(coupledDecay);
            DecayFactor = T.CreateTruncating(1 - learningRate * decoupledDecay);
            HasCoupledDecay = coupledDecay != 0;
            HasDecoupledDecay = decoupledDecay != 0;
        }

        public T StepSize { get; }
        public T BiasCorrection2Sqrt { get; }
        public T Beta1 { get; }
        public T OneMinusBeta1 { get; }
        public T Beta2 { get; }
        public T OneMinusBeta2 { get; }
        public T Epsilon { get; }
        public T CoupledDecay { get; }
        public T DecayFactor { get; }
        public bool HasCoupledDecay { get; }
        public bool HasDecoupledDecay { get; }
    }
}

using System;
using System.Collections.Generic;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NetGen;

/// <summary>
/// Stochastic gradient descent with optional momentum, Nesterov momentum and L2 weight decay, following PyTorch's
/// <c>torch.optim.SGD</c> (dampening 0, not maximizing). With <c>g</c> the gradient, <c>p</c> a parameter, <c>v</c> its velocity:
/// <code>
/// g = g + WeightDecay · p                (only if WeightDecay ≠ 0)
/// v = Momentum · v + g                   (only if Momentum ≠ 0; the first step sets v = g)
/// g = Nesterov ? g + Momentum · v : v    (only if Momentum ≠ 0)
/// p = p − LearningRate · g
/// </code>
/// Weight decay applies to every parameter, biases included, as PyTorch does for parameters without parameter groups.
/// Keras' SGD writes the momentum update differently (<c>v = μv − lr·g</c>); with a constant learning rate the two agree.
/// </summary>
/// <typeparam name="T"><see cref="float"/> or <see cref="double"/>.</typeparam>
public sealed class Sgd<T> : ICheckpointableOptimizer<T>, IElementwiseOptimizer<T>, IAdjustableLearningRate where T : unmanaged, IFloatingPointIeee754<T>
{
    private ParameterCountGuard _guard;
    private T[] _velocity = [];
    private long _steps;
    private double _learningRate;
    private readonly T _momentum;
    private readonly T _weightDecay;

    /// <summary>Creates the optimizer. Its state (one velocity per parameter, when momentum is used) is allocated at the first step.</summary>
    /// <param name="learningRate">The step size, greater than 0. Required: PyTorch has no default; Keras defaults to 0.01.</param>
    /// <param name="momentum">The momentum factor μ in [0, 1). Default 0 (plain SGD), as in PyTorch and Keras.</param>
    /// <param name="nesterov">Whether to use Nesterov momentum; needs <paramref name="momentum"/> &gt; 0. Default false, as in PyTorch and Keras.</param>
    /// <param name="weightDecay">The L2 penalty factor, at least 0, added to the gradient as <c>weightDecay · p</c>. Default 0, as in PyTorch.</param>
    /// <exception cref="ArgumentOutOfRangeException">A hyper-parameter is outside its range.</exception>
    /// <exception cref="ArgumentException"><paramref name="nesterov"/> is true but <paramref name="momentum"/> is 0.</exception>
    public Sgd(double learningRate, double momentum = 0, bool nesterov = false, double weightDecay = 0)
    {
        _learningRate = HyperParameters.Positive(learningRate, nameof(learningRate));
        Momentum = HyperParameters.UnitInterval(momentum, nameof(momentum));
        WeightDecay = HyperParameters.NonNegative(weightDecay, nameof(weightDecay));
        if (nesterov && momentum == 0)
        {
            throw new ArgumentException("Nesterov momentum needs a momentum greater than 0; the momentum is 0.", nameof(nesterov));
        }
        Nesterov = nesterov;
        _momentum = T.CreateTruncating(momentum);
        _weightDecay = T.CreateTruncating(weightDecay);
    }

    /// <summary>The step size, greater than 0. It may be changed between steps (for a learning-rate schedule).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not greater than 0.</exception>
    public double LearningRate
    {
        get => _learningRate;
        set => _learningRate = HyperParameters.Positive(value, nameof(LearningRate));
    }

    /// <summary>The momentum factor μ, in [0, 1); 0 means no momentum.</summary>
    public double Momentum { get; }

    /// <summary>Whether Nesterov momentum is used.</summary>
    public bool Nesterov { get; }

    /// <summary>The L2 penalty factor added to the gradient (coupled weight decay).</summary>
    public double WeightDecay { get; }

    /// <inheritdoc/>
    public void Step(Span<T> parameters, ReadOnlySpan<T> gradients) => WholeStep.Run(this, parameters, gradients);

    /// <inheritdoc/>
    public void BeginStep(int parameterCount)
    {
        if (_guard.Check(parameterCount) && Momentum != 0)
        {
            // Zeros make the first step's v = μ·0 + g equal to g, which is PyTorch's first-step rule.
            _velocity = new T[parameterCount];
        }
        _steps++;
    }

    /// <inheritdoc/>
    // Compiled fully optimized at once, as the kernels are: a tiered, profile-guided version of these loops ran a fused
    // two-thread step at half speed.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Update(int offset, Span<T> parameters, ReadOnlySpan<T> gradients)
    {
        _guard.CheckSlice(offset, parameters.Length, gradients.Length);
        bool hasMomentum = Momentum != 0;
        bool hasDecay = WeightDecay != 0;
        bool nesterov = Nesterov;
        T learningRate = T.CreateTruncating(_learningRate);
        T momentum = _momentum;
        T weightDecay = _weightDecay;
        Span<T> velocity = hasMomentum ? _velocity.AsSpan(offset, parameters.Length) : [];
        int i = 0;
        if (!hasDecay && !hasMomentum)
        {
            // Plain SGD, the common case of a fused step's many small slices: the shortest loop, full-width vectors.
            // Kept over TensorPrimitives.MultiplyAdd(g, −lr, p, p) (ElementwiseBenchmarks, floats, median): 59.5 / 1,440 ns
            // against 59.4 / 1,542 ns for 784 / 16,384 values.
            var work = new PlainStepWork(parameters, gradients, learningRate);
            VectorWidth.Run<T, PlainStepWork>(ref work);
            i = work.Done;
        }
        else if (Vector.IsHardwareAccelerated && Vector<T>.IsSupported && parameters.Length >= Vector<T>.Count)
        {
            ref T p = ref MemoryMarshal.GetReference(parameters);
            ref T g = ref MemoryMarshal.GetReference(gradients);
            ref T v = ref MemoryMarshal.GetReference(velocity);
            var learningRateVector = new Vector<T>(learningRate);
            var momentumVector = new Vector<T>(momentum);
            var weightDecayVector = new Vector<T>(weightDecay);
            for (; i <= parameters.Length - Vector<T>.Count; i += Vector<T>.Count)
            {
                Vector<T> parameter = Vector.LoadUnsafe(ref p, (nuint)i);
                Vector<T> direction = Vector.LoadUnsafe(ref g, (nuint)i);
                if (hasDecay)
                {
                    direction += weightDecayVector * parameter;
                }
                if (hasMomentum)
                {
                    Vector<T> newVelocity = momentumVector * Vector.LoadUnsafe(ref v, (nuint)i) + direction;
                    newVelocity.StoreUnsafe(ref v, (nuint)i);
                    direction = nesterov ? direction + momentumVector * newVelocity : newVelocity;
                }
                (parameter - learningRateVector * direction).StoreUnsafe(ref p, (nuint)i);
            }
        }
        for (; i < parameters.Length; i++)
        {
            T direction = gradients[i];
            if (hasDecay)
            {
                direction += weightDecay * parameters[i];
            }
            if (hasMomentum)
            {
                T newVelocity = momentum * velocity[i] + direction;
                velocity[i] = newVelocity;
                direction = nesterov ? direction + momentum * newVelocity : newVelocity;
            }
            parameters[i] -= learningRate * direction;
        }
    }

    /// <inheritdoc/>
    /// <remarks>Plain SGD (no momentum, no weight decay) applies each gradient as it computes it, in one pass over the parameters.</remarks>
    public void UpdateOuterProduct(int offset, Span<T> parameters, ReadOnlySpan<T> rowScales, ReadOnlySpan<T> columns)
    {
        if (Momentum != 0 || WeightDecay != 0)
        {
            OuterProducts.UpdateByPieces(this, offset, parameters, rowScales, columns);
            return;
        }
        OuterProducts.CheckShape(parameters.Length, rowScales.Length, columns.Length);
        _guard.CheckSlice(offset, parameters.Length, parameters.Length);
        var work = new PlainOuterProductStepWork(this, parameters, rowScales, columns);
        VectorWidth.Run<T, PlainOuterProductStepWork>(ref work);
    }

    /// <summary>
    /// <c>p[r, c] −= lr·(rowScales[r]·columns[c])</c>, each gradient as <c>OuterProducts.ScaledRow</c> computes it and
    /// applied as <c>PlainStep</c> applies it, so that the results are those of the unfused step.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void PlainOuterProductStep<TVector, V>(Span<T> parameters, ReadOnlySpan<T> rowScales, ReadOnlySpan<T> columns)
        where TVector : struct where V : struct, ISimd<TVector, T>
    {
        T learningRate = T.CreateTruncating(_learningRate);
        TVector rate = V.Broadcast(learningRate);
        ref T x = ref MemoryMarshal.GetReference(columns);
        int whole = V.IsAccelerated ? columns.Length - columns.Length % V.Count : 0;
        // From the last value to the first: the forward pass read the rows first to last, so the last ones are the likeliest
        // still in the cache (a network's weights can outgrow a core's L2; 784-256-256-10 on one thread: batch-1 step 18.2
        // -> 16.3 µs with the rows last first, -> 15.4 µs with each row last first too, one stream backwards).
        for (int r = rowScales.Length - 1; r >= 0; r--)
        {
            ref T p = ref MemoryMarshal.GetReference(parameters.Slice(r * columns.Length, columns.Length));
            T rowScale = rowScales[r];
            TVector scale = V.Broadcast(rowScale);
            for (int c = columns.Length - 1; c >= whole; c--)
            {
                T gradient = Unsafe.Add(ref x, c) * rowScale + T.Zero;
                Unsafe.Add(ref p, c) -= learningRate * gradient;
            }
            for (int c = whole - V.Count; c >= 0; c -= V.Count)
            {
                TVector gradient = V.MultiplyAdd(V.Load(ref x, (nuint)c), scale, default);
                V.Store(V.Subtract(V.Load(ref p, (nuint)c), V.Multiply(rate, gradient)), ref p, (nuint)c);
            }
        }
    }

    /// <summary><c>p = p − lr·g</c> over whole vectors; returns where the scalar remainder starts.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int PlainStep<TVector, V>(Span<T> parameters, ReadOnlySpan<T> gradients, T learningRate) where TVector : struct where V : struct, ISimd<TVector, T>
    {
        if (!V.IsAccelerated)
        {
            return 0;
        }
        ref T p = ref MemoryMarshal.GetReference(parameters);
        ref T g = ref MemoryMarshal.GetReference(gradients);
        TVector rate = V.Broadcast(learningRate);
        int i = 0;
        for (; i <= parameters.Length - V.Count; i += V.Count)
        {
            V.Store(V.Subtract(V.Load(ref p, (nuint)i), V.Multiply(rate, V.Load(ref g, (nuint)i))), ref p, (nuint)i);
        }
        return i;
    }

    /// <summary><see cref="PlainStep"/>'s arguments and result (where the scalar remainder starts), for <see cref="VectorWidth.Run"/>.</summary>
    private ref struct PlainStepWork(Span<T> parameters, ReadOnlySpan<T> gradients, T learningRate) : IVectorWork<T>
    {
        private readonly Span<T> _parameters = parameters;
        private readonly ReadOnlySpan<T> _gradients = gradients;

        public int Done { get; private set; }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Run<TVector, V>() where TVector : struct where V : struct, ISimd<TVector, T> =>
            Done = PlainStep<TVector, V>(_parameters, _gradients, learningRate);
    }

    /// <summary><see cref="PlainOuterProductStep"/>'s arguments, for <see cref="VectorWidth.Run"/>.</summary>
    private readonly ref struct PlainOuterProductStepWork(Sgd<T> optimizer, Span<T> parameters, ReadOnlySpan<T> rowScales, ReadOnlySpan<T> columns) : IVectorWork<T>
    {
        private readonly Span<T> _parameters = parameters;
        private readonly ReadOnlySpan<T> _rowScales = rowScales;
        private readonly ReadOnlySpan<T> _columns = columns;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Run<TVector, V>() where TVector : struct where V : struct, ISimd<TVector, T> =>
            optimizer.PlainOuterProductStep<TVector, V>(_parameters, _rowScales, _columns);
    }

    /// <inheritdoc/>
    public long StepCount => _steps;

    /// <summary>The velocity <c>momentum_buffer</c> (PyTorch's name) when <see cref="Momentum"/> is not 0; otherwise none.</summary>
    public IReadOnlyList<string> StateNames => Momentum != 0 ? ["momentum_buffer"] : [];

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, T[]> ExportState() => _velocity.Length == 0
        ? new Dictionary<string, T[]>()
        : new Dictionary<string, T[]> { ["momentum_buffer"] = (T[])_velocity.Clone() };

    /// <inheritdoc/>
    public void ImportState(IReadOnlyDictionary<string, T[]> tensors, long stepCount)
    {
        int? length = OptimizerStateCheck.Check(tensors, StateNames, stepCount);
        _guard.Restore(length);
        _velocity = length is null ? [] : (T[])tensors["momentum_buffer"].Clone();
        _steps = stepCount;
    }
}

using System;
using System.ComponentModel;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NetGen.CompilerServices;

/// <summary>
/// The parametric ReLU of a <see cref="PReLUAttribute"/> layer over a whole batch, <c>a = x &gt; 0 ? x : slope·x</c>, and its
/// gradients, vectorized at the widest width the processor has. For use by the output of the NetGen source generator: the API
/// may change between versions.
/// </summary>
/// <remarks>
/// The values are sample after sample (row-major [batch size, features]). The slopes are one value shared by every feature
/// (PyTorch's <c>nn.PReLU()</c>) or one per feature.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class PReLUKernels
{
    /// <summary>Writes <c>x &gt; 0 ? x : slope·x</c> of every input to <paramref name="output"/> (NaN stays NaN).</summary>
    /// <param name="input">batchSize·features values, sample after sample.</param>
    /// <param name="slopes">One slope for every feature, or one per feature.</param>
    /// <param name="output">batchSize·features values; may be <paramref name="input"/>'s memory.</param>
    /// <param name="batchSize">The number of samples; positive.</param>
    /// <param name="features">The number of values of one sample; positive.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batchSize"/> or <paramref name="features"/> is not positive.</exception>
    /// <exception cref="ArgumentException">A span's length does not fit the batch size and the features.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Forward<T>(ReadOnlySpan<T> input, ReadOnlySpan<T> slopes, Span<T> output, int batchSize, int features)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int count = CheckShape(batchSize, features, input.Length, nameof(input), slopes.Length);
        CheckLength(output.Length, count, nameof(output));
        if (Vector512.IsHardwareAccelerated)
        {
            Forward<T, Vector512<T>, Simd512<T>>(input, slopes, output, batchSize, features);
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            Forward<T, Vector256<T>, Simd256<T>>(input, slopes, output, batchSize, features);
        }
        else
        {
            Forward<T, Vector128<T>, Simd128<T>>(input, slopes, output, batchSize, features);
        }
    }

    /// <summary>
    /// Adds <c>da·(x &gt; 0 ? 1 : slope)</c> to <paramref name="inputGradient"/> and writes the slopes' gradients,
    /// <c>Σ da·x</c> over the inputs x ≤ 0 (at x = 0 the slope's side, as PyTorch) of every sample and, for a shared slope,
    /// every feature.
    /// </summary>
    /// <param name="outputGradient">∂loss/∂a: batchSize·features values, sample after sample.</param>
    /// <param name="input">The layer's inputs x of the forward pass.</param>
    /// <param name="slopes">One slope for every feature, or one per feature.</param>
    /// <param name="inputGradient">∂loss/∂x, added to (the layer may feed a residual skip too); empty when the layer's input is the network's input, which needs no gradient.</param>
    /// <param name="slopeGradients">∂loss/∂slope, as many as <paramref name="slopes"/>: overwritten.</param>
    /// <param name="batchSize">The number of samples; positive.</param>
    /// <param name="features">The number of values of one sample; positive.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batchSize"/> or <paramref name="features"/> is not positive.</exception>
    /// <exception cref="ArgumentException">A span's length does not fit the batch size, the features or the slopes.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Backward<T>(
        ReadOnlySpan<T> outputGradient, ReadOnlySpan<T> input, ReadOnlySpan<T> slopes, Span<T> inputGradient, Span<T> slopeGradients, int batchSize, int features)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int count = CheckShape(batchSize, features, input.Length, nameof(input), slopes.Length);
        CheckLength(outputGradient.Length, count, nameof(outputGradient));
        if (!inputGradient.IsEmpty)
        {
            CheckLength(inputGradient.Length, count, nameof(inputGradient));
        }
        if (slopeGradients.Length != slopes.Length)
        {
            throw new ArgumentException(
                $"The slope gradients hold {slopeGradients.Length} values; there are {slopes.Length} slopes.", nameof(slopeGradients));
        }
        if (Vector512.IsHardwareAccelerated)
        {
            Backward<T, Vector512<T>, Simd512<T>>(outputGradient, input, slopes, inputGradient, slopeGradients, batchSize, features);
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            Backward<T, Vector256<T>, Simd256<T>>(outputGradient, input, slopes, inputGradient, slopeGradients, batchSize, features);
        }
        else
        {
            Backward<T, Vector128<T>, Simd128<T>>(outputGradient, input, slopes, inputGradient, slopeGradients, batchSize, features);
        }
    }

    // A shared slope treats the batch as one run of values; one slope per feature walks each sample's row beside the slopes.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Forward<T, TVector, V>(ReadOnlySpan<T> input, ReadOnlySpan<T> slopes, Span<T> output, int batchSize, int features)
        where T : unmanaged, IFloatingPointIeee754<T> where TVector : struct where V : struct, ISimd<TVector, T>
    {
        ref T x0 = ref MemoryMarshal.GetReference(input);
        ref T s0 = ref MemoryMarshal.GetReference(slopes);
        ref T y0 = ref MemoryMarshal.GetReference(output);
        bool shared = slopes.Length == 1;
        int rows = shared ? 1 : batchSize;
        int length = shared ? input.Length : features;
        for (int row = 0; row < rows; row++)
        {
            nuint offset = (nuint)row * (nuint)length;
            int f = 0;
            if (V.IsAccelerated)
            {
                TVector sharedSlope = V.Broadcast(s0);
                for (; f <= length - V.Count; f += V.Count)
                {
                    TVector x = V.Load(ref x0, offset + (nuint)f);
                    TVector slope = shared ? sharedSlope : V.Load(ref s0, (nuint)f);
                    V.Store(V.ConditionalSelect(V.GreaterThan(x, default), x, V.Multiply(slope, x)), ref y0, offset + (nuint)f);
                }
            }
            for (; f < length; f++)
            {
                T x = Unsafe.Add(ref x0, offset + (nuint)f);
                T slope = shared ? s0 : Unsafe.Add(ref s0, f);
                Unsafe.Add(ref y0, offset + (nuint)f) = x > T.Zero ? x : slope * x;
            }
        }
    }

    // Each slope's gradient sums over the samples in sample order, in its own lane (one per feature) or, for a shared slope,
    // in a vector of partial sums added up at the end.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Backward<T, TVector, V>(
        ReadOnlySpan<T> outputGradient, ReadOnlySpan<T> input, ReadOnlySpan<T> slopes, Span<T> inputGradient, Span<T> slopeGradients, int batchSize, int features)
        where T : unmanaged, IFloatingPointIeee754<T> where TVector : struct where V : struct, ISimd<TVector, T>
    {
        ref T da0 = ref MemoryMarshal.GetReference(outputGradient);
        ref T x0 = ref MemoryMarshal.GetReference(input);
        ref T s0 = ref MemoryMarshal.GetReference(slopes);
        ref T dx0 = ref MemoryMarshal.GetReference(inputGradient);
        ref T ds0 = ref MemoryMarshal.GetReference(slopeGradients);
        bool hasInputGradient = !inputGradient.IsEmpty;
        bool shared = slopes.Length == 1;
        int rows = shared ? 1 : batchSize;
        int length = shared ? input.Length : features;
        slopeGradients.Clear();
        TVector sharedSum = default;
        T sharedTail = T.Zero;
        for (int row = 0; row < rows; row++)
        {
            nuint offset = (nuint)row * (nuint)length;
            int f = 0;
            if (V.IsAccelerated)
            {
                TVector sharedSlope = V.Broadcast(s0);
                for (; f <= length - V.Count; f += V.Count)
                {
                    nuint i = offset + (nuint)f;
                    TVector da = V.Load(ref da0, i);
                    TVector x = V.Load(ref x0, i);
                    TVector positive = V.GreaterThan(x, default);
                    TVector slopePart = V.ConditionalSelect(positive, default, V.Multiply(da, x));
                    if (shared)
                    {
                        sharedSum = V.Add(sharedSum, slopePart);
                        if (hasInputGradient)
                        {
                            V.Store(V.Add(V.Load(ref dx0, i), V.ConditionalSelect(positive, da, V.Multiply(sharedSlope, da))), ref dx0, i);
                        }
                    }
                    else
                    {
                        V.Store(V.Add(V.Load(ref ds0, (nuint)f), slopePart), ref ds0, (nuint)f);
                        if (hasInputGradient)
                        {
                            TVector slope = V.Load(ref s0, (nuint)f);
                            V.Store(V.Add(V.Load(ref dx0, i), V.ConditionalSelect(positive, da, V.Multiply(slope, da))), ref dx0, i);
                        }
                    }
                }
            }
            for (; f < length; f++)
            {
                nuint i = offset + (nuint)f;
                T da = Unsafe.Add(ref da0, i);
                T x = Unsafe.Add(ref x0, i);
                T slope = shared ? s0 : Unsafe.Add(ref s0, f);
                bool positive = x > T.Zero;
                if (hasInputGradient)
                {
                    Unsafe.Add(ref dx0, i) += positive ? da : slope * da;
                }
                if (!positive)
                {
                    if (shared)
                    {
                        sharedTail += da * x;
                    }
                    else
                    {
                        Unsafe.Add(ref ds0, f) += da * x;
                    }
                }
            }
        }
        if (shared)
        {
            ds0 = V.Sum(sharedSum) + sharedTail;
        }
    }

    /// <summary>Checks the shape and the slopes' count; returns batchSize·features.</summary>
    private static int CheckShape(int batchSize, int features, int inputLength, string inputName, int slopeCount)
    {
        if (batchSize <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, $"The batch size must be positive; it is {batchSize}.");
        }
        if (features <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(features), features, $"The feature count must be positive; it is {features}.");
        }
        if (slopeCount != 1 && slopeCount != features)
        {
            throw new ArgumentException($"There are {slopeCount} slopes; expected 1 (shared) or one per feature, {features}.", "slopes");
        }
        long count = (long)batchSize * features;
        CheckLength(inputLength, count, inputName);
        return (int)count;
    }

    private static void CheckLength(int length, long expected, string name)
    {
        if (length != expected)
        {
            throw new ArgumentException($"The span holds {length} values; batch size × features is {expected}.", name);
        }
    }
}

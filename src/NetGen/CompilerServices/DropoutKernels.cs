using System;
using System.ComponentModel;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NetGen.CompilerServices;

/// <summary>
/// The inverted dropout of a <see cref="DropoutAttribute"/> layer in training mode: each value kept with probability
/// <c>1 − rate</c> and scaled by <c>1 / (1 − rate)</c>, the others zeroed, so that the expected output is the input; and its
/// gradient through the same mask. For use by the output of the NetGen source generator: the API may change between versions.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class DropoutKernels
{
    /// <summary>
    /// Draws the mask and writes <c>input·mask</c> to <paramref name="output"/>. For each value in order, one
    /// <see cref="SeededRandom.NextDouble"/> u: dropped (mask 0) when u &lt; <paramref name="rate"/>, else kept (mask
    /// <c>1 / (1 − rate)</c>, rounded to <typeparamref name="T"/>). A rate of 0 draws nothing: the mask is all 1 and the output the
    /// input, and the generator is left as it was.
    /// </summary>
    /// <param name="input">The layer's inputs.</param>
    /// <param name="output">As many values as <paramref name="input"/>; may be its memory.</param>
    /// <param name="mask">As many values as <paramref name="input"/>: overwritten with the mask, which <see cref="Backward{T}(ReadOnlySpan{T}, ReadOnlySpan{T}, Span{T})"/> takes.</param>
    /// <param name="rate">The probability that a value is dropped, in [0, 1).</param>
    /// <param name="random">The network's generator.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rate"/> is not in [0, 1).</exception>
    /// <exception cref="ArgumentException"><paramref name="output"/> or <paramref name="mask"/> does not hold as many values as <paramref name="input"/>.</exception>
    public static void Forward<T>(ReadOnlySpan<T> input, Span<T> output, Span<T> mask, double rate, SeededRandom random)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!(rate >= 0 && rate < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(rate), rate, $"The dropout rate must be in [0, 1); it is {rate}.");
        }
        CheckLength(output.Length, input.Length, nameof(output));
        CheckLength(mask.Length, input.Length, nameof(mask));
        ArgumentNullException.ThrowIfNull(random);
        if (rate == 0)
        {
            mask.Fill(T.One);
            input.CopyTo(output);
            return;
        }
        T kept = T.CreateTruncating(1.0 / (1.0 - rate));
        for (int i = 0; i < input.Length; i++)
        {
            T m = random.NextDouble() < rate ? T.Zero : kept;
            mask[i] = m;
            output[i] = input[i] * m;
        }
    }

    /// <summary>Adds <c>outputGradient·mask</c> to <paramref name="inputGradient"/>, element by element.</summary>
    /// <param name="outputGradient">∂loss/∂output.</param>
    /// <param name="mask">The mask <see cref="Forward{T}"/> drew.</param>
    /// <param name="inputGradient">∂loss/∂input, added to.</param>
    /// <exception cref="ArgumentException">The three spans do not hold as many values.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Backward<T>(ReadOnlySpan<T> outputGradient, ReadOnlySpan<T> mask, Span<T> inputGradient)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckLength(mask.Length, outputGradient.Length, nameof(mask));
        CheckLength(inputGradient.Length, outputGradient.Length, nameof(inputGradient));
        if (Vector512.IsHardwareAccelerated)
        {
            Backward<T, Vector512<T>, Simd512<T>>(outputGradient, mask, inputGradient);
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            Backward<T, Vector256<T>, Simd256<T>>(outputGradient, mask, inputGradient);
        }
        else
        {
            Backward<T, Vector128<T>, Simd128<T>>(outputGradient, mask, inputGradient);
        }
    }

    // A product then a sum (not fused), so that the vector and the scalar paths round alike.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Backward<T, TVector, V>(ReadOnlySpan<T> outputGradient, ReadOnlySpan<T> mask, Span<T> inputGradient)
        where T : unmanaged, IFloatingPointIeee754<T> where TVector : struct where V : struct, ISimd<TVector, T>
    {
        int i = 0;
        if (V.IsAccelerated)
        {
            ref T da0 = ref MemoryMarshal.GetReference(outputGradient);
            ref T m0 = ref MemoryMarshal.GetReference(mask);
            ref T dx0 = ref MemoryMarshal.GetReference(inputGradient);
            for (; i <= outputGradient.Length - V.Count; i += V.Count)
            {
                TVector product = V.Multiply(V.Load(ref da0, (nuint)i), V.Load(ref m0, (nuint)i));
                V.Store(V.Add(V.Load(ref dx0, (nuint)i), product), ref dx0, (nuint)i);
            }
        }
        for (; i < outputGradient.Length; i++)
        {
            inputGradient[i] += outputGradient[i] * mask[i];
        }
    }

    private static void CheckLength(int length, int expected, string name)
    {
        if (length != expected)
        {
            throw new ArgumentException($"The span holds {length} values; the input holds {expected}.", name);
        }
    }
}

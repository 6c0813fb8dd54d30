using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NetGen.CompilerServices;

public static partial class DenseKernels
{
    /// <summary>
    /// The parameter gradients of <see cref="ParameterGradients"/> applied at once: computed a few weight rows at a time into
    /// a buffer that stays in the cache, each piece handed to <paramref name="optimizer"/> as soon as it is complete, so that W
    /// and b are updated in one pass and their gradients are never written to memory. Split over threads by units, as the
    /// forward product is, so that each thread updates the weight rows it read in the forward pass. The results are those of
    /// <see cref="ParameterGradients"/> followed by the optimizer's update of the same gradients, to the bit.
    /// </summary>
    /// <param name="dz">The gradient of the loss with respect to the layer's pre-activations, [batch, units].</param>
    /// <param name="x">The layer's inputs, [batch, inputs].</param>
    /// <param name="weights">The weights, [units, inputs], updated in place.</param>
    /// <param name="biases">The biases, updated in place; empty for a layer without biases.</param>
    /// <param name="batch">The number of samples.</param>
    /// <param name="inputs">The number of inputs of the layer.</param>
    /// <param name="units">The number of units of the layer.</param>
    /// <param name="optimizer">The optimizer, its step begun (<see cref="IElementwiseOptimizer{T}.BeginStep"/>).</param>
    /// <param name="weightOffset">Where the weights start among the optimizer's parameters.</param>
    /// <param name="biasOffset">Where the biases start among the optimizer's parameters (unused without biases).</param>
    /// <exception cref="ArgumentException">A span is shorter than the sizes need, or the biases are neither empty nor one per unit.</exception>
    public static unsafe void UpdateParameters<T>(
        ReadOnlySpan<T> dz, ReadOnlySpan<T> x, Span<T> weights, Span<T> biases, int batch, int inputs, int units,
        IElementwiseOptimizer<T> optimizer, int weightOffset, int biasOffset)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        CheckLengths(x.Length, batch * inputs, weights.Length, units * inputs, dz.Length, batch * units);
        CheckBiases(biases.Length, units, nameof(biases));
        fixed (T* pdz = dz, px = x, pw = weights, pb = biases)
        {
            var job = new DenseJob(DenseOperation.UpdateParameters, (nint)pdz, (nint)px, (nint)pw, (nint)pb, false, batch, inputs, units,
                optimizer, weightOffset, biasOffset);
            KernelThreading.Run<T>(job, splitLength: units);
        }
    }

    /// <summary>The widest piece of a weight row whose gradient <see cref="UpdateParametersRange"/> computes at once: a multiple of the vector width, so that every element is computed as in a whole row.</summary>
    private const int UpdatePieceWidth = 512;

    // Compiled fully optimized at once: with tiering, dynamic PGO made the generated layers' calls much slower.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    [SkipLocalsInit]
    private static void UpdateParametersRange<T, TVector, V>(
        ref T dz0, ref T x0, ref T w0, ref T b0, int batch, int inputs, int units, int unitStart, int unitEnd,
        IElementwiseOptimizer<T> optimizer, int weightOffset, int biasOffset)
        where T : unmanaged, IFloatingPointIeee754<T> where TVector : struct where V : struct, ISimd<TVector, T>
    {
        // Eight rows of gradient pieces: 16 KB of floats or 32 KB of doubles, which stay in the L1 cache.
        int width = Math.Min(inputs, UpdatePieceWidth);
        Span<T> gradient = CacheLineAligned(stackalloc T[8 * width + 64 / Unsafe.SizeOf<T>()], 8 * width);
        for (int o = unitStart; o < unitEnd && !Unsafe.IsNullRef(ref b0); o += gradient.Length) // null: no biases
        {
            int count = Math.Min(gradient.Length, unitEnd - o);
            BiasGradients(ref dz0, batch, units, o, gradient[..count], accumulate: false);
            optimizer.Update(biasOffset + o, MemoryMarshal.CreateSpan(ref Unsafe.Add(ref b0, o), count), gradient[..count]);
        }
        if (batch == 1)
        {
            // One sample: the weight gradient is dz ⊗ x, which the optimizer can apply as it computes it. x is read once per
            // row, aligned as in the forward product (784-256-256-10, one thread: batch-1 step 19.6 -> 17.9 µs).
            Span<T> scratch = inputs * Unsafe.SizeOf<T>() <= AlignedSampleBytes
                ? CacheLineAligned(stackalloc T[inputs + 64 / Unsafe.SizeOf<T>()], inputs)
                : default;
            scoped ref T x = ref OnCacheLine(ref x0, inputs, scratch);
            optimizer.UpdateOuterProduct(weightOffset + unitStart * inputs,
                MemoryMarshal.CreateSpan(ref Unsafe.Add(ref w0, unitStart * inputs), (unitEnd - unitStart) * inputs),
                MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref dz0, unitStart), unitEnd - unitStart), MemoryMarshal.CreateReadOnlySpan(ref x, inputs));
            return;
        }
        for (int o = unitStart; o < unitEnd;)
        {
            int rows = WeightGradientRowsAt<T, TVector, V>(o, unitEnd, inputs, batch);
            for (int k = 0; k < inputs; k += width)
            {
                int pieceWidth = Math.Min(width, inputs - k);
                WeightGradientRows<T, TVector, V>(ref dz0, ref x0, batch, inputs, units, o, rows, k, pieceWidth, ref MemoryMarshal.GetReference(gradient), pieceWidth, accumulate: false);
                if (pieceWidth == inputs)
                {
                    // Whole rows: the rows' weights are contiguous, one update covers them.
                    optimizer.Update(weightOffset + o * inputs, MemoryMarshal.CreateSpan(ref Unsafe.Add(ref w0, o * inputs), rows * inputs), gradient[..(rows * inputs)]);
                    continue;
                }
                for (int r = 0; r < rows; r++)
                {
                    int at = (o + r) * inputs + k;
                    optimizer.Update(weightOffset + at, MemoryMarshal.CreateSpan(ref Unsafe.Add(ref w0, at), pieceWidth), gradient.Slice(r * pieceWidth, pieceWidth));
                }
            }
            o += rows;
        }
    }
}

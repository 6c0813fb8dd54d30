using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NetGen;

/// <summary>The one-sample weight gradient <c>g[r, c] = rowScales[r]·columns[c]</c>, as the dense kernels compute it.</summary>
internal static class OuterProducts
{
    /// <summary>The longest piece of a row the default <see cref="IElementwiseOptimizer{T}.UpdateOuterProduct"/> computes at once.</summary>
    public const int PieceLength = 512;

    public static void CheckShape(int parameters, int rows, int columns)
    {
        if ((long)rows * columns != parameters)
        {
            throw new ArgumentException(
                $"The outer product of {rows} row factors and {columns} column factors has {(long)rows * columns} values, but there are {parameters} parameters.",
                nameof(parameters));
        }
    }

    /// <summary>Computes the outer product's rows a piece at a time and hands each to <paramref name="optimizer"/>'s <see cref="IElementwiseOptimizer{T}.Update"/>.</summary>
    public static void UpdateByPieces<T>(IElementwiseOptimizer<T> optimizer, int offset, Span<T> parameters, ReadOnlySpan<T> rowScales, ReadOnlySpan<T> columns)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckShape(parameters.Length, rowScales.Length, columns.Length);
        Span<T> gradient = stackalloc T[Math.Min(columns.Length, PieceLength)];
        for (int r = rowScales.Length - 1; r >= 0; r--) // last row first, as Sgd's own outer-product update (see there)
        {
            for (int c = 0; c < columns.Length; c += gradient.Length)
            {
                int length = Math.Min(gradient.Length, columns.Length - c);
                ScaledRow(columns.Slice(c, length), rowScales[r], gradient[..length]);
                int at = r * columns.Length + c;
                optimizer.Update(offset + at, parameters.Slice(at, length), gradient[..length]);
            }
        }
    }

    /// <summary>
    /// <c>gradient[c] = columns[c]·scale + 0</c>: a fused multiply-add onto zero, as the gradient kernels accumulate from zero,
    /// so that a product of −0 gives +0 here as there.
    /// </summary>
    public static void ScaledRow<T>(ReadOnlySpan<T> columns, T scale, Span<T> gradient) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var work = new ScaledRowWork<T>(columns, scale, gradient);
        VectorWidth.Run<T, ScaledRowWork<T>>(ref work);
    }

    /// <summary><see cref="ScaledRow{T}(ReadOnlySpan{T}, T, Span{T})"/>'s arguments, for <see cref="VectorWidth.Run"/>.</summary>
    private readonly ref struct ScaledRowWork<T>(ReadOnlySpan<T> columns, T scale, Span<T> gradient) : IVectorWork<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        private readonly ReadOnlySpan<T> _columns = columns;
        private readonly Span<T> _gradient = gradient;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Run<TVector, V>() where TVector : struct where V : struct, ISimd<TVector, T> => ScaledRow<T, TVector, V>(_columns, scale, _gradient);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ScaledRow<T, TVector, V>(ReadOnlySpan<T> columns, T scale, Span<T> gradient)
        where T : unmanaged, IFloatingPointIeee754<T> where TVector : struct where V : struct, ISimd<TVector, T>
    {
        ref T x = ref MemoryMarshal.GetReference(columns);
        ref T g = ref MemoryMarshal.GetReference(gradient);
        int c = 0;
        if (V.IsAccelerated)
        {
            TVector factor = V.Broadcast(scale);
            for (; c <= columns.Length - V.Count; c += V.Count)
            {
                V.Store(V.MultiplyAdd(V.Load(ref x, (nuint)c), factor, default), ref g, (nuint)c);
            }
        }
        for (; c < columns.Length; c++)
        {
            Unsafe.Add(ref g, c) = Unsafe.Add(ref x, c) * scale + T.Zero;
        }
    }
}

using System;
using System.Runtime.CompilerServices;

namespace NetGen;

/// <summary>
/// A fixed number of values whose first one lies on a 64-byte boundary, a cache line and a 512-bit vector, so that the
/// kernels' vector loads and stores of it do not straddle two cache lines (an array's values start 8 to 56 bytes into
/// one). Generated networks keep their parameters and gradients in these. The values are zero at first; they live in the
/// pinned object heap, so they never move.
/// </summary>
/// <typeparam name="T">The element type, <see cref="float"/> or <see cref="double"/> in a network.</typeparam>
public sealed class AlignedBuffer<T> where T : unmanaged
{
    private const int Alignment = 64;
    private readonly T[] _array;
    private readonly int _start;

    /// <summary>Allocates <paramref name="length"/> zeros, aligned.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is negative.</exception>
    public unsafe AlignedBuffer(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        int slack = Alignment / sizeof(T);
        _array = GC.AllocateArray<T>(length + slack, pinned: true);
        long misalignment = (long)Unsafe.AsPointer(ref _array[0]) % Alignment;
        _start = misalignment == 0 ? 0 : (int)((Alignment - misalignment) / sizeof(T));
        Length = length;
    }

    /// <summary>The number of values.</summary>
    public int Length { get; }

    /// <summary>All the values.</summary>
    public Span<T> Span => new(_array, _start, Length);

    /// <summary>The values <c>[start, start + length)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The range does not lie within the buffer.</exception>
    public Span<T> Slice(int start, int length) => Span.Slice(start, length);

    /// <summary>The value at <paramref name="index"/>.</summary>
    /// <exception cref="IndexOutOfRangeException"><paramref name="index"/> is outside the buffer.</exception>
    public ref T this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Length)
            {
                throw new IndexOutOfRangeException($"Index {index} is outside the buffer of {Length} values.");
            }
            return ref _array[_start + index];
        }
    }
}

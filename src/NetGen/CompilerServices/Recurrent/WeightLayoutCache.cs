using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NetGen.CompilerServices;

/// <summary>
/// The weights a recurrent kernel reads from, <see cref="Segments"/> blocks of <see cref="Length"/> values, the first at
/// <see cref="Offset"/> and each <see cref="Stride"/> after the one before (a part's rows of every gate; or all of them, one block).
/// </summary>
internal readonly record struct WeightBlocks(int Segments, int Stride, int Offset, int Length)
{
    public int Size => Segments * Length;

    public ReadOnlySpan<T> Segment<T>(ReadOnlySpan<T> weights, int index) => weights.Slice(Offset + index * Stride, Length);
}

/// <summary>The layouts <see cref="WeightLayoutCache{T}"/> keeps: the same weights may be kept in both.</summary>
internal enum WeightLayout
{
    /// <summary><c>W_ihᵀ</c>, for the narrow input product (<see cref="RecurrentSteps.InputProduct"/>).</summary>
    Transposed,

    /// <summary>A part's rows of <c>W_hh</c> in panels (<see cref="OneSampleRecurrence.CopyPanels"/>).</summary>
    Panels,
}

/// <summary>
/// A thread's copies of recurrent weights in the layout a kernel reads (<c>W_ih</c> transposed, a part's rows of <c>W_hh</c>
/// in panels), each beside a copy of the weights it was made from: a call whose weights are the same, bit for bit, reuses
/// the layout (comparing 100 KB costs about a microsecond; transposing it, tens: a third of a one-sample GRU(128)'s
/// forward pass), and any other call makes it again, so that weights changed in place (a training step) are never missed.
/// A few layouts per thread, for a stack of layers; each allocated on a thread's first call for it (and again only for a
/// larger one): a forward pass allocates nothing after that.
/// </summary>
internal static unsafe class WeightLayoutCache<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private const int Entries = 8;

    [ThreadStatic]
    private static Entry[]? t_entries;
    [ThreadStatic]
    private static int t_next;

    private sealed class Entry
    {
        public nint Weights;
        public WeightBlocks Blocks;
        public WeightLayout Kind;
        public int Size;
        public T[] Source = [], Layout = [];
    }

    /// <summary>
    /// The <paramref name="size"/> values of layout <paramref name="kind"/> of <paramref name="blocks"/> of
    /// <paramref name="weights"/>: <paramref name="current"/> when they were made from the same weights, else for the caller to
    /// write (the weights are recorded as those it is made from).
    /// </summary>
    internal static Span<T> Get(ReadOnlySpan<T> weights, WeightBlocks blocks, WeightLayout kind, int size, out bool current)
    {
        Entry[] entries = t_entries ??= NewEntries();
        nint address = (nint)Unsafe.AsPointer(ref MemoryMarshal.GetReference(weights));
        Entry? entry = null;
        foreach (Entry candidate in entries)
        {
            if (candidate.Weights == address && candidate.Blocks == blocks && candidate.Kind == kind && candidate.Size == size)
            {
                entry = candidate;
                break;
            }
        }
        if (entry is not null && SameWeights(weights, blocks, entry.Source))
        {
            current = true;
            return entry.Layout.AsSpan(0, size);
        }
        if (entry is null)
        {
            entry = entries[t_next];
            t_next = (t_next + 1) % Entries;
            (entry.Weights, entry.Blocks, entry.Kind, entry.Size) = (address, blocks, kind, size);
        }
        if (entry.Source.Length < blocks.Size)
        {
            entry.Source = new T[blocks.Size];
        }
        if (entry.Layout.Length < size)
        {
            entry.Layout = new T[size];
        }
        for (int s = 0; s < blocks.Segments; s++)
        {
            blocks.Segment(weights, s).CopyTo(entry.Source.AsSpan(s * blocks.Length, blocks.Length));
        }
        current = false;
        return entry.Layout.AsSpan(0, size);
    }

    private static Entry[] NewEntries()
    {
        var entries = new Entry[Entries];
        for (int i = 0; i < Entries; i++)
        {
            entries[i] = new Entry();
        }
        return entries;
    }

    private static bool SameWeights(ReadOnlySpan<T> weights, WeightBlocks blocks, T[] source)
    {
        for (int s = 0; s < blocks.Segments; s++)
        {
            ReadOnlySpan<T> recorded = source.AsSpan(s * blocks.Length, blocks.Length);
            if (!MemoryMarshal.AsBytes(blocks.Segment(weights, s)).SequenceEqual(MemoryMarshal.AsBytes(recorded)))
            {
                return false;
            }
        }
        return true;
    }
}

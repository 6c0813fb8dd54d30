using System;
using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Threading;

namespace NetGen.CompilerServices;

/// <summary>
/// A recurrent layer's forward pass for one sample, its units split over the threads. At one sample the step is a
/// matrix-vector product, bound by reading <c>W_hh</c> from L2 (an LSTM(128)'s is 256 KB a step, beyond what L1 keeps),
/// and nothing else can split: so each thread takes a contiguous range of the units, every gate's rows of <c>W_hh</c> for
/// them (which then stay in its own core's L2, half the weights each), and hands its part of the new state to the other
/// threads once per step (<see cref="Publish"/>, <see cref="WaitForStep"/>). A part's rows are copied transposed, in panels
/// read in the order they are stored, so that its product is a sum of weighted rows (<see cref="HiddenProduct"/>) with the
/// gates' sums in registers and no reduction across a vector: the dot products of the batch kernels spent more time
/// reducing their accumulators than reading the weights (GRU(128): 3.4 µs a step, for 196 KB). Every column is summed in
/// the same order whatever the split, so the results are those of one thread. Below <see cref="OneSampleRecurrence.MinimumStepWork"/> one
/// thread runs the whole sequence the same way.
/// </summary>
internal readonly unsafe ref struct OneSampleRecurrence<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Span<T> _panels;
    private readonly Span<T> _previous; // this thread's copy of the whole previous state
    private readonly long* _published; // per part, on its own cache line: the number of steps whose state it has written
    private readonly int _parts, _index, _units, _gates;

    /// <summary>The units this thread computes: <c>[Start, End)</c>.</summary>
    public int Start { get; }

    public int End { get; }

    public int Length => End - Start;

    /// <summary>
    /// This part's own values, on cache lines no other part writes: <c>W_hh·h + b_hh</c> for its units (<see cref="Z"/>), the
    /// step's gates (<see cref="Gates"/>, each <c>[gates, Length]</c>) and two blocks of <see cref="Length"/> for its states
    /// (<see cref="States"/>). A step works here and copies its results out once: a line that two cores write in turn
    /// crosses between them at every write, and the gate math makes several passes (a GRU(128) at one sample took twice as
    /// long on two threads as on one when the parts' boundaries shared lines).
    /// </summary>
    public Span<T> Z { get; }

    /// <inheritdoc cref="Z"/>
    public Span<T> Gates { get; }

    /// <inheritdoc cref="Z"/>
    public Span<T> States { get; }

    /// <summary>
    /// The part of a <see cref="OneSampleRecurrence.Run"/> body called with <c>[first, end)</c> of <paramref name="parts"/>
    /// (the whole range: one thread does it all); copies its rows of <paramref name="weightHh"/>, <c>[gates·units, units]</c>,
    /// transposed into panels.
    /// </summary>
    public OneSampleRecurrence(int first, int end, int parts, nint published, ReadOnlySpan<T> weightHh, int units, int gates)
    {
        bool alone = first == 0 && end == parts;
        _parts = alone ? 1 : parts;
        _index = alone ? 0 : first;
        _published = (long*)published;
        _units = units;
        _gates = gates;
        Start = alone ? 0 : OneSampleRecurrence.Boundary(first, parts, units);
        End = alone ? units : OneSampleRecurrence.Boundary(first + 1, parts, units);
        int local = gates * Length;
        Span<T> own = OneSampleRecurrence.LocalBuffer<T>.Get(2 * local + 2 * Length + units);
        Z = own[..local];
        Gates = own.Slice(local, local);
        States = own.Slice(2 * local, 2 * Length);
        _previous = own[(2 * local + 2 * Length)..];
        var rows = new WeightBlocks(gates, units * units, Start * units, Length * units);
        _panels = WeightLayoutCache<T>.Get(weightHh, rows, WeightLayout.Panels, rows.Size, out bool current);
        if (!current)
        {
            OneSampleRecurrence.CopyPanels(weightHh, _panels, units, gates, Start, End);
        }
    }

    /// <summary>
    /// <see cref="Z"/> = <c>W_hh·previous + b_hh</c> for this part's units, <c>[gates, Length]</c> (each gate's block of
    /// this part's units); <paramref name="previous"/> the whole previous state (empty: zero), <paramref name="biases"/> all
    /// the gates' biases (empty: none).
    /// </summary>
    public void HiddenProduct(ReadOnlySpan<T> previous, ReadOnlySpan<T> biases)
    {
        Span<T> z = Z;
        for (int g = 0; g < _gates; g++)
        {
            RecurrentSteps.CopyOrClear(biases.IsEmpty ? biases : biases.Slice(g * _units + Start, Length), z.Slice(g * Length, Length));
        }
        if (!previous.IsEmpty)
        {
            // The other parts' units of the state were just written on their cores: copied first, their cache lines cross
            // together (one round trip between the cores), where the product would fetch each when it reached it, one
            // after the other (a GRU(128) on two threads: 97 µs against 79 on one with the cores 0.33 µs apart).
            previous.CopyTo(_previous);
            OneSampleRecurrence.AddPanelProduct(_previous, _panels, z, _units);
        }
    }

    /// <summary>Copies this part's units of every gate of <paramref name="stepGates"/> <c>[gates, units]</c> into <see cref="Gates"/>.</summary>
    public void GatherGates(ReadOnlySpan<T> stepGates)
    {
        for (int g = 0; g < _gates; g++)
        {
            stepGates.Slice(g * _units + Start, Length).CopyTo(Gates.Slice(g * Length, Length));
        }
    }

    /// <summary>Copies <see cref="Gates"/> back to this part's units of <paramref name="stepGates"/>.</summary>
    public void ScatterGates(Span<T> stepGates)
    {
        for (int g = 0; g < _gates; g++)
        {
            Gates.Slice(g * Length, Length).CopyTo(stepGates.Slice(g * _units + Start, Length));
        }
    }

    /// <summary>Gate <paramref name="gate"/>'s block of <paramref name="values"/> (<see cref="Z"/> or <see cref="Gates"/>).</summary>
    public Span<T> Block(Span<T> values, int gate) => values.Slice(gate * Length, Length);

    /// <summary>Tells the other parts that this one has written its units of step <paramref name="step"/>'s state.</summary>
    public void Publish(int step)
    {
        if (_parts > 1)
        {
            Volatile.Write(ref _published[_index * OneSampleRecurrence.CacheLineLongs], step + 1);
        }
    }

    /// <summary>
    /// Waits until every part has written its units of step <paramref name="step"/>'s state, <paramref name="state"/> (all
    /// the units). While it waits it reads a value of each cache line the other parts write, so that their new values cross
    /// to this core as they are written, beside the other part's flag, rather than one round trip between the cores after it.
    /// </summary>
    public void WaitForStep(int step, ReadOnlySpan<T> state)
    {
        for (int part = 0; part < _parts; part++)
        {
            ref long published = ref _published[part * OneSampleRecurrence.CacheLineLongs];
            if (part == _index || Volatile.Read(ref published) > step)
            {
                continue;
            }
            int start = OneSampleRecurrence.Boundary(part, _parts, _units), end = OneSampleRecurrence.Boundary(part + 1, _parts, _units);
            ref T first = ref Unsafe.AsRef(in state[0]);
            // The other part's step is as long as this one's: spin tightly; give the processor away only if it is late
            // (descheduled), so that a part whose partner's core is taken still finishes.
            long spinUntil = Stopwatch.GetTimestamp() + KernelWorker.SpinTicks;
            var spinner = new SpinWait();
            while (Volatile.Read(ref published) <= step)
            {
                for (int unit = start; unit < end; unit += 64 / sizeof(T))
                {
                    _ = Volatile.Read(ref Unsafe.As<T, byte>(ref Unsafe.Add(ref first, unit)));
                }
                if (Stopwatch.GetTimestamp() < spinUntil)
                {
                    Thread.SpinWait(1);
                }
                else
                {
                    spinner.SpinOnce(sleep1Threshold: -1);
                }
            }
        }
    }
}

/// <summary>What <see cref="OneSampleRecurrence{T}"/>'s parts share: how the units split, the panels, the product.</summary>
internal static unsafe class OneSampleRecurrence
{
    /// <summary>
    /// The multiply-adds per step (<c>gates·units²</c>) from which one sample's units split over the threads: 32 K, a
    /// <c>W_hh</c> of 128 KB in float, four times what L1 keeps. A hand-over costs a cache line's round trip between the
    /// cores (0.1 to 0.4 µs here) at every step; a smaller step's product takes about that long on one core.
    /// </summary>
    internal const long MinimumStepWork = 32 * 1024;

    internal const int CacheLineLongs = 8;

    /// <summary>How many parts one sample's units split into: the thread count when the steps are worth splitting, else 1.</summary>
    internal static int Parts(int units, int gates)
    {
        long stepWork = (long)gates * units * units;
        return stepWork < MinimumStepWork ? 1 : Math.Max(1, Math.Min(Math.Min(KernelThreading.ThreadCount, MaxParts), units / 16));
    }

    /// <summary>The length of the buffer <see cref="Run"/>'s caller passes: one cache line per part.</summary>
    /// <summary>The most parts one sample's units split into: beyond, the hand-overs would cost more than the parts save.</summary>
    internal const int MaxParts = 8;

    /// <summary>
    /// Each part's count of the steps whose state it has written, on a cache line of its own: a caller's local, zero at the
    /// start, whose address the parts share for the duration of the call.
    /// </summary>
    [InlineArray(MaxParts * CacheLineLongs)]
    internal struct PublishedSteps
    {
        private long _first;
    }

    /// <summary>
    /// Runs <paramref name="body"/> over <c>[0, parts)</c>: one part per thread when they split (each part's body then meets
    /// the others at every step, so they must all run at once: <see cref="KernelThreading.RunRanges"/> either starts every
    /// range together or runs the whole range on the calling thread), or <c>[0, parts)</c> at once on one thread.
    /// </summary>
    internal static void Run(delegate*<nint, int, int, void> body, nint arguments, int parts, int steps, int units, int gates) =>
        KernelThreading.RunRanges(body, arguments, parts, (long)steps * gates * units * units);

    /// <summary>Where part <paramref name="index"/>'s units start: equal parts in whole vectors of 16 floats, the last taking the rest.</summary>
    internal static int Boundary(int index, int parts, int units) => index == parts ? units : units * index / parts / 16 * 16;

    /// <summary>The width of a panel: four vectors, two rows at a time, eight independent sums to hide the FMA latency.</summary>
    private const int PanelVectors = 4;

    /// <summary>
    /// Copies the rows <c>g·units + [start, end)</c> of <paramref name="weights"/> for every gate g, transposed: column
    /// <c>c = g·length + (u − start)</c> of <c>[units, gates·length]</c>, cut into panels of <see cref="PanelVectors"/>
    /// vectors, each <c>[units, width]</c> and stored whole after the one before it.
    /// </summary>
    internal static void CopyPanels<T>(ReadOnlySpan<T> weights, Span<T> panels, int units, int gates, int start, int end) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int length = end - start, columns = gates * length, panelWidth = PanelWidth<T>();
        for (int panelStart = 0; panelStart < columns; panelStart += panelWidth)
        {
            int width = Math.Min(panelWidth, columns - panelStart);
            Span<T> panel = panels.Slice(units * panelStart, units * width);
            for (int c = 0; c < width; c++)
            {
                int column = panelStart + c, gate = column / length;
                ReadOnlySpan<T> row = weights.Slice((gate * units + start + column % length) * units, units);
                for (int k = 0; k < units; k++)
                {
                    panel[k * width + c] = row[k];
                }
            }
        }
    }

    private static int PanelWidth<T>() where T : unmanaged, IFloatingPointIeee754<T>
    {
        var width = new PanelWidthWork<T>();
        VectorWidth.Run<T, PanelWidthWork<T>>(ref width);
        return width.Value;
    }

    private struct PanelWidthWork<T> : IVectorWork<T> where T : unmanaged, IFloatingPointIeee754<T>
    {
        public int Value;

        public void Run<TVector, V>() where TVector : struct where V : struct, ISimd<TVector, T> => Value = PanelVectors * V.Count;
    }

    /// <summary><c>z[c] += Σ_k previous[k]·panels[k, c]</c> over the panels <see cref="CopyPanels"/> wrote.</summary>
    internal static void AddPanelProduct<T>(ReadOnlySpan<T> previous, ReadOnlySpan<T> panels, Span<T> z, int units) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var work = new PanelProductWork<T>(previous, panels, z, units);
        VectorWidth.Run<T, PanelProductWork<T>>(ref work);
    }

    private readonly ref struct PanelProductWork<T>(ReadOnlySpan<T> previous, ReadOnlySpan<T> panels, Span<T> z, int units) : IVectorWork<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        private readonly ReadOnlySpan<T> _previous = previous, _panels = panels;
        private readonly Span<T> _z = z;

        public void Run<TVector, V>() where TVector : struct where V : struct, ISimd<TVector, T>
        {
            int panelWidth = PanelVectors * V.Count;
            for (int panelStart = 0; panelStart < _z.Length; panelStart += panelWidth)
            {
                int width = Math.Min(panelWidth, _z.Length - panelStart);
                ref T panel = ref Unsafe.AsRef(in _panels[units * panelStart]);
                ref T target = ref _z[panelStart];
                ref T h = ref Unsafe.AsRef(in _previous[0]);
                if (width == panelWidth && V.IsAccelerated)
                {
                    AddFullPanel<T, TVector, V>(ref h, ref panel, ref target, units);
                }
                else
                {
                    AddNarrowPanel(ref h, ref panel, ref target, units, width);
                }
            }
        }
    }

    /// <summary>
    /// One panel of four vectors: the even rows' terms in four sums, the odd rows' in four more (eight independent chains
    /// keep both FMA units busy), added at the end: <c>z + Σ_even</c> then <c>+ Σ_odd</c>, as <see cref="AddNarrowPanel"/> does
    /// for every column, so that a column's sum does not depend on the panel it falls in.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AddFullPanel<T, TVector, V>(ref T h, ref T panel, ref T target, int units)
        where T : unmanaged, IFloatingPointIeee754<T> where TVector : struct where V : struct, ISimd<TVector, T>
    {
        int n = V.Count, width = PanelVectors * n;
        TVector e0 = V.Load(ref target, 0), e1 = V.Load(ref target, (nuint)n), e2 = V.Load(ref target, (nuint)(2 * n)), e3 = V.Load(ref target, (nuint)(3 * n));
        TVector o0 = default, o1 = default, o2 = default, o3 = default;
        ref T row = ref panel;
        int k = 0;
        for (; k + 2 <= units; k += 2, row = ref Unsafe.Add(ref row, 2 * width))
        {
            TVector even = V.Broadcast(Unsafe.Add(ref h, k)), odd = V.Broadcast(Unsafe.Add(ref h, k + 1));
            e0 = V.MultiplyAdd(V.Load(ref row, 0), even, e0);
            e1 = V.MultiplyAdd(V.Load(ref row, (nuint)n), even, e1);
            e2 = V.MultiplyAdd(V.Load(ref row, (nuint)(2 * n)), even, e2);
            e3 = V.MultiplyAdd(V.Load(ref row, (nuint)(3 * n)), even, e3);
            o0 = V.MultiplyAdd(V.Load(ref row, (nuint)width), odd, o0);
            o1 = V.MultiplyAdd(V.Load(ref row, (nuint)(width + n)), odd, o1);
            o2 = V.MultiplyAdd(V.Load(ref row, (nuint)(width + 2 * n)), odd, o2);
            o3 = V.MultiplyAdd(V.Load(ref row, (nuint)(width + 3 * n)), odd, o3);
        }
        if (k < units)
        {
            TVector even = V.Broadcast(Unsafe.Add(ref h, k));
            e0 = V.MultiplyAdd(V.Load(ref row, 0), even, e0);
            e1 = V.MultiplyAdd(V.Load(ref row, (nuint)n), even, e1);
            e2 = V.MultiplyAdd(V.Load(ref row, (nuint)(2 * n)), even, e2);
            e3 = V.MultiplyAdd(V.Load(ref row, (nuint)(3 * n)), even, e3);
        }
        V.Store(V.Add(e0, o0), ref target, 0);
        V.Store(V.Add(e1, o1), ref target, (nuint)n);
        V.Store(V.Add(e2, o2), ref target, (nuint)(2 * n));
        V.Store(V.Add(e3, o3), ref target, (nuint)(3 * n));
    }

    /// <summary>A panel narrower than four vectors (the last of a part whose columns do not fill one), a column at a time.</summary>
    private static void AddNarrowPanel<T>(ref T h, ref T panel, ref T target, int units, int width) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int c = 0; c < width; c++)
        {
            T even = Unsafe.Add(ref target, c), odd = T.Zero;
            int k = 0;
            for (; k + 2 <= units; k += 2)
            {
                even = T.FusedMultiplyAdd(Unsafe.Add(ref panel, k * width + c), Unsafe.Add(ref h, k), even);
                odd = T.FusedMultiplyAdd(Unsafe.Add(ref panel, (k + 1) * width + c), Unsafe.Add(ref h, k + 1), odd);
            }
            if (k < units)
            {
                even = T.FusedMultiplyAdd(Unsafe.Add(ref panel, k * width + c), Unsafe.Add(ref h, k), even);
            }
            Unsafe.Add(ref target, c) = even + odd;
        }
    }

    /// <summary>
    /// A part's own values (<see cref="OneSampleRecurrence{T}.Z"/>): a buffer per thread and type starting on a cache line,
    /// allocated on a thread's first call (and again only for a larger layer).
    /// </summary>
    internal static class LocalBuffer<T> where T : unmanaged
    {
        [ThreadStatic]
        private static T[]? t_values;

        internal static Span<T> Get(int length)
        {
            int slack = 64 / sizeof(T);
            if (t_values is null || t_values.Length < length + slack)
            {
                t_values = GC.AllocateArray<T>(length + slack, pinned: true);
            }
            nint address = (nint)Unsafe.AsPointer(ref t_values[0]);
            int offset = (int)((64 - (address & 63)) & 63) / sizeof(T);
            return t_values.AsSpan(offset, length);
        }
    }
}

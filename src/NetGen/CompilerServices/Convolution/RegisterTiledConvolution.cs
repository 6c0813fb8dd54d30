using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NetGen.CompilerServices;

/// <summary>
/// The forward pass of a convolution with many input channels at stride 1, computed straight from zero-padded copies of the
/// image, with no column matrix: a tile of filters × output vectors stays in registers while it sums over every kernel tap
/// <c>(c, i, j)</c>. Each output row is cut into vectors (the last one may reach past the row's end: its extra lanes are
/// computed and dropped); the vector starting at output <c>(y, x)</c> reads tap <c>(c, i, j)</c> as one contiguous load of
/// padded plane c at <c>(y + i)·paddedWidth + x + j</c>, from a table of the taps' offsets. Each load feeds one multiply-add
/// per filter of the tile and each broadcast weight one per vector: eight filters × three vectors (24 accumulators) with
/// 512-bit vectors, which have 32 registers; four × three with narrower ones (16 registers on AVX2). The weights are first
/// laid out tap by tap, a tile's filters side by side (<c>[filterTile, tap, filter]</c>), so that a tap's weights are one
/// cache line; filters past the last are zeros.
/// </summary>
/// <remarks>
/// Against the columns (<see cref="ConvolutionColumns"/>) and <see cref="DenseKernels"/>' product, forward, float, AVX-512,
/// one thread, best of 20-60 calls on the development VM (FMA peak 118 GFLOP/s a core, the other core busy): a 3×3 64 → 64
/// layer on 32×32, padding 1, batch 32 (bench/NetGen.Compare case 13) in 22.5 ms against 26.1 (107 against 92 GFLOP/s, 91 %
/// of the peak against 78 %), in double 44.7 against 53.7 ms; 3×3 32 → 32 on 16×16, batch 32: 69 against 44 GFLOP/s;
/// 3×3 256 → 256 on 16×16, batch 8: 108 against 101; 1×1 64 → 64 on 32×32 without padding (the columns are the input
/// there): 73 against 63. Tried and dropped: the vector tiles outside the filter tiles (each tile then streams all the
/// weights from L2: 24.0 against 22.9 ms for case 13); a last tile that recomputes the last vector rather than one-vector
/// tiles (22.9 against 22.5 ms: 66 vectors computed for 64).
/// Each output value is summed in tap order (channel, kernel row, kernel column), then its bias added, by one thread:
/// the same values whatever the thread count, whether the threads split the batch or, with a single slot, each sample's
/// filter tiles (<see cref="ForwardFilterTiles"/>).
/// </remarks>
internal static class RegisterTiledConvolution
{
    /// <summary>The fewest input channels for which this pass is taken: with fewer, <see cref="DirectConvolution"/> is.</summary>
    private const int FewestInputChannels = 9;

    /// <summary>The most kernel taps (<c>inputChannels·kernelHeight·kernelWidth</c>) whose offsets the pass keeps on the stack.</summary>
    private const int MostTaps = 8192;

    /// <summary>The most filters in a tile (with 512-bit vectors).</summary>
    private const int MostTileFilters = 8;

    /// <summary>The vectors of output positions in a tile.</summary>
    private const int TileVectors = 3;

    /// <summary>The most values in a vector (512 bits of floats): the zeros after each padded plane, which the last vector of a row may read.</summary>
    private const int Slack = 16;

    /// <summary>
    /// Whether this pass applies to <paramref name="g"/> within <paramref name="scratchLength"/> values of scratch: stride 1,
    /// no dilation, more than <see cref="DirectConvolution"/>'s input channels, and rows of at least one vector, at most a
    /// quarter of whose positions are computed in vain (the last vector of each row).
    /// </summary>
    internal static bool Applies<T>(in Conv2DGeometry g, int scratchLength) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (g.StrideHeight != 1 || g.StrideWidth != 1 || g.DilationHeight != 1 || g.DilationWidth != 1
            || g.InputChannels < FewestInputChannels || g.FilterSize > MostTaps || ScratchLength<T>(g) > scratchLength)
        {
            return false;
        }
        int lanes = Lanes<T>(), computed = RowVectors(g, lanes) * lanes;
        return g.OutputWidth >= lanes && 4 * (computed - g.OutputWidth) <= computed;
    }

    /// <summary>The scratch one thread needs: the padded planes of a sample and the weights laid out by tiles.</summary>
    internal static int ScratchLength<T>(in Conv2DGeometry g) where T : unmanaged, IFloatingPointIeee754<T> =>
        checked(g.InputChannels * PlaneStride(g) + PackedWeightsLength(g, TileFilters<T>()));

    private static int PaddedWidth(in Conv2DGeometry g) => g.PaddingLeft + g.InputWidth + g.PaddingRight;

    private static int PaddedHeight(in Conv2DGeometry g) => g.PaddingTop + g.InputHeight + g.PaddingBottom;

    /// <summary>The distance between the padded planes: their values, then <see cref="Slack"/> zeros.</summary>
    private static int PlaneStride(in Conv2DGeometry g) => PaddedHeight(g) * PaddedWidth(g) + Slack;

    private static int RowVectors(in Conv2DGeometry g, int lanes) => (g.OutputWidth + lanes - 1) / lanes;

    private static int PackedWeightsLength(in Conv2DGeometry g, int tileFilters) =>
        (g.OutputChannels + tileFilters - 1) / tileFilters * tileFilters * g.FilterSize;

    /// <summary>The lanes of the vectors <see cref="VectorWidth.Run"/> picks.</summary>
    private static int Lanes<T>() where T : unmanaged, IFloatingPointIeee754<T>
    {
        var lanes = new LaneCount<T>();
        VectorWidth.Run<T, LaneCount<T>>(ref lanes);
        return lanes.Count;
    }

    /// <summary>The filters of a tile: eight with 512-bit vectors (32 registers), four otherwise.</summary>
    private static int TileFilters<T>() where T : unmanaged, IFloatingPointIeee754<T> =>
        Lanes<T>() * Unsafe.SizeOf<T>() == 64 ? MostTileFilters : MostTileFilters / 2;

    /// <summary>
    /// Lays the weights out for <see cref="Forward"/> in the start of <paramref name="scratch"/>: once per call and thread,
    /// before its samples.
    /// </summary>
    internal static void PackWeights<T>(ReadOnlySpan<T> weights, Span<T> scratch, in Conv2DGeometry g) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int tileFilters = TileFilters<T>(), k = g.FilterSize, outC = g.OutputChannels;
        Span<T> packed = scratch[..PackedWeightsLength(g, tileFilters)];
        for (int tile = 0; tile * tileFilters < outC; tile++)
        {
            Span<T> tileWeights = packed.Slice(tile * tileFilters * k, tileFilters * k);
            for (int f = 0; f < tileFilters; f++)
            {
                int o = tile * tileFilters + f;
                for (int t = 0; t < k; t++)
                {
                    tileWeights[t * tileFilters + f] = o < outC ? weights[o * k + t] : T.Zero;
                }
            }
        }
    }

    /// <summary>
    /// Writes <c>y = weights ⋆ sample + biases</c> for one sample, with the weights <see cref="PackWeights"/> laid out at the
    /// start of <paramref name="scratch"/> (at least <see cref="ScratchLength"/> values).
    /// </summary>
    internal static void Forward<T>(ReadOnlySpan<T> sample, ReadOnlySpan<T> biases, Span<T> y, Span<T> scratch, in Conv2DGeometry g)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Pad(sample, scratch, g);
        ForwardFilterTiles(biases, y, scratch, g, 0, FilterTiles<T>(g));
    }

    /// <summary>The tiles of filters <see cref="ForwardFilterTiles"/> takes: the output channels over the filters of a tile, rounded up.</summary>
    internal static int FilterTiles<T>(in Conv2DGeometry g) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int tileFilters = TileFilters<T>();
        return (g.OutputChannels + tileFilters - 1) / tileFilters;
    }

    /// <summary>
    /// Copies each channel of <paramref name="sample"/> into its zero-padded plane in <paramref name="scratch"/>, after the
    /// packed weights. Only the padding is cleared, and the rows are copied inline: for 64 channels of 32×32, clearing
    /// whole planes and copying each row with <c>CopyTo</c> took a few per cent of the sample's convolution.
    /// </summary>
    internal static void Pad<T>(ReadOnlySpan<T> sample, Span<T> scratch, in Conv2DGeometry g) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int planeStride = PlaneStride(g), paddedWidth = PaddedWidth(g), h = g.InputHeight, w = g.InputWidth;
        int first = g.PaddingTop * paddedWidth + g.PaddingLeft, gap = g.PaddingRight + g.PaddingLeft;
        Span<T> planes = scratch.Slice(PackedWeightsLength(g, TileFilters<T>()), g.InputChannels * planeStride);
        for (int c = 0; c < g.InputChannels; c++)
        {
            Span<T> plane = planes.Slice(c * planeStride, planeStride);
            plane[..first].Clear();
            for (int row = 0; row < h; row++)
            {
                int start = first + row * paddedWidth;
                ConvolutionColumns.CopyShort(sample.Slice((c * h + row) * w, w), plane.Slice(start, w));
                if (row < h - 1)
                {
                    ConvolutionColumns.ClearShort(plane.Slice(start + w, gap)); // this row's right padding, the next one's left
                }
            }
            plane[(first + (h - 1) * paddedWidth + w)..].Clear();
        }
    }

    /// <summary>
    /// Writes the output channels of the filter tiles <c>[firstTile, endTile)</c> of one sample from the packed weights and
    /// padded planes in <paramref name="scratch"/> (<see cref="PackWeights"/>, <see cref="Pad"/>), which it only reads: the
    /// tiles of a sample can be split over threads.
    /// </summary>
    [SkipLocalsInit]
    internal static void ForwardFilterTiles<T>(ReadOnlySpan<T> biases, Span<T> y, ReadOnlySpan<T> scratch, in Conv2DGeometry g, int firstTile, int endTile)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int packedLength = PackedWeightsLength(g, TileFilters<T>());
        Span<int> offsets = stackalloc int[g.FilterSize];
        int planeStride = PlaneStride(g), paddedWidth = PaddedWidth(g), tap = 0;
        for (int c = 0; c < g.InputChannels; c++)
        {
            for (int i = 0; i < g.KernelHeight; i++)
            {
                for (int j = 0; j < g.KernelWidth; j++)
                {
                    offsets[tap++] = c * planeStride + i * paddedWidth + j;
                }
            }
        }
        var work = new SampleWork<T>(scratch.Slice(packedLength, g.InputChannels * planeStride), scratch[..packedLength], offsets, biases, y, g, firstTile, endTile);
        VectorWidth.Run<T, SampleWork<T>>(ref work);
    }

    /// <summary>Reads the lane count of the width <see cref="VectorWidth.Run"/> picks.</summary>
    private struct LaneCount<T> : IVectorWork<T> where T : unmanaged, IFloatingPointIeee754<T>
    {
        public int Count;

        public void Run<TVector, V>() where TVector : struct where V : struct, ISimd<TVector, T> => Count = V.Count;
    }

    /// <summary>One sample's tiles, for <see cref="VectorWidth.Run"/>.</summary>
    private readonly ref struct SampleWork<T>(
        ReadOnlySpan<T> planes, ReadOnlySpan<T> packedWeights, ReadOnlySpan<int> offsets, ReadOnlySpan<T> biases, Span<T> y, Conv2DGeometry g,
        int firstTile, int endTile)
        : IVectorWork<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        private readonly ReadOnlySpan<T> _planes = planes, _weights = packedWeights, _biases = biases;
        private readonly ReadOnlySpan<int> _offsets = offsets;
        private readonly Span<T> _y = y;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Run<TVector, V>() where TVector : struct where V : struct, ISimd<TVector, T>
        {
            int lanes = V.Count, tileFilters = lanes * Unsafe.SizeOf<T>() == 64 ? MostTileFilters : MostTileFilters / 2;
            int rowVectors = RowVectors(g, lanes), vectors = g.OutputHeight * rowVectors, k = g.FilterSize, paddedWidth = PaddedWidth(g);
            Span<T> sums = stackalloc T[MostTileFilters * TileVectors * Slack];
            ref T planes = ref MemoryMarshal.GetReference(_planes);
            ref int offsets = ref MemoryMarshal.GetReference(_offsets);
            for (int o = firstTile * tileFilters; o < Math.Min(endTile * tileFilters, g.OutputChannels); o += tileFilters)
            {
                ref T weights = ref Unsafe.Add(ref MemoryMarshal.GetReference(_weights), o * k);
                int filters = Math.Min(tileFilters, g.OutputChannels - o), v = 0;
                for (; v + TileVectors <= vectors; v += TileVectors)
                {
                    ref T x0 = ref Unsafe.Add(ref planes, Start(v, rowVectors, lanes, paddedWidth));
                    ref T x1 = ref Unsafe.Add(ref planes, Start(v + 1, rowVectors, lanes, paddedWidth));
                    ref T x2 = ref Unsafe.Add(ref planes, Start(v + 2, rowVectors, lanes, paddedWidth));
                    if (tileFilters == MostTileFilters)
                    {
                        EightFilters<TVector, V>(ref x0, ref x1, ref x2, ref offsets, ref weights, k, sums);
                    }
                    else
                    {
                        FourFilters<TVector, V>(ref x0, ref x1, ref x2, ref offsets, ref weights, k, sums);
                    }
                    Store<TVector, V>(sums, o, filters, v, TileVectors, rowVectors);
                }
                // The last vectors, fewer than a tile's, one at a time, four filters at a time.
                for (; v < vectors; v++)
                {
                    ref T x = ref Unsafe.Add(ref planes, Start(v, rowVectors, lanes, paddedWidth));
                    for (int f = 0; f < tileFilters; f += 4)
                    {
                        FourFiltersOneVector<TVector, V>(ref x, ref offsets, ref Unsafe.Add(ref weights, f), tileFilters, k,
                            ref sums[f * TileVectors * lanes], TileVectors * lanes);
                    }
                    Store<TVector, V>(sums, o, filters, v, 1, rowVectors);
                }
            }
        }

        /// <summary>Where the vector <paramref name="vector"/> of output positions starts in a padded plane.</summary>
        private static int Start(int vector, int rowVectors, int lanes, int paddedWidth)
        {
            int row = vector / rowVectors;
            return row * paddedWidth + (vector - row * rowVectors) * lanes;
        }

        /// <summary>Adds the biases to a tile's sums and writes those of real filters and vectors to the output, the lanes inside the row.</summary>
        private void Store<TVector, V>(Span<T> sums, int firstFilter, int filters, int firstVector, int vectors, int rowVectors)
            where TVector : struct where V : struct, ISimd<TVector, T>
        {
            int lanes = V.Count, ow = g.OutputWidth, p = g.OutputHeight * ow;
            ref T y = ref MemoryMarshal.GetReference(_y);
            for (int f = 0; f < filters; f++)
            {
                T bias = _biases.IsEmpty ? T.Zero : _biases[firstFilter + f];
                TVector b = V.Broadcast(bias);
                for (int t = 0; t < vectors; t++)
                {
                    int vector = firstVector + t, row = vector / rowVectors, x = (vector - row * rowVectors) * lanes;
                    ref T target = ref Unsafe.Add(ref y, (firstFilter + f) * p + row * ow + x);
                    ref T sum = ref sums[(f * TileVectors + t) * lanes];
                    if (x + lanes <= ow)
                    {
                        V.Store(V.Add(V.Load(ref sum, 0), b), ref target, 0);
                        continue;
                    }
                    for (int lane = 0; lane < ow - x; lane++)
                    {
                        Unsafe.Add(ref target, lane) = Unsafe.Add(ref sum, lane) + bias;
                    }
                }
            }
        }

        /// <summary>Eight filters × three vectors over every tap: each tap's eight weights are one row of the packed tile.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void EightFilters<TVector, V>(ref T x0, ref T x1, ref T x2, ref int offsets, ref T w, int k, Span<T> sums)
            where TVector : struct where V : struct, ISimd<TVector, T>
        {
            TVector a00 = V.Broadcast(T.Zero), a01 = a00, a02 = a00, a10 = a00, a11 = a00, a12 = a00, a20 = a00, a21 = a00, a22 = a00;
            TVector a30 = a00, a31 = a00, a32 = a00, a40 = a00, a41 = a00, a42 = a00, a50 = a00, a51 = a00, a52 = a00;
            TVector a60 = a00, a61 = a00, a62 = a00, a70 = a00, a71 = a00, a72 = a00;
            for (int t = 0; t < k; t++, w = ref Unsafe.Add(ref w, MostTileFilters))
            {
                nuint offset = (nuint)Unsafe.Add(ref offsets, t);
                TVector v0 = V.Load(ref x0, offset), v1 = V.Load(ref x1, offset), v2 = V.Load(ref x2, offset);
                TVector b = V.Broadcast(w);
                a00 = V.MultiplyAdd(v0, b, a00); a01 = V.MultiplyAdd(v1, b, a01); a02 = V.MultiplyAdd(v2, b, a02);
                b = V.Broadcast(Unsafe.Add(ref w, 1));
                a10 = V.MultiplyAdd(v0, b, a10); a11 = V.MultiplyAdd(v1, b, a11); a12 = V.MultiplyAdd(v2, b, a12);
                b = V.Broadcast(Unsafe.Add(ref w, 2));
                a20 = V.MultiplyAdd(v0, b, a20); a21 = V.MultiplyAdd(v1, b, a21); a22 = V.MultiplyAdd(v2, b, a22);
                b = V.Broadcast(Unsafe.Add(ref w, 3));
                a30 = V.MultiplyAdd(v0, b, a30); a31 = V.MultiplyAdd(v1, b, a31); a32 = V.MultiplyAdd(v2, b, a32);
                b = V.Broadcast(Unsafe.Add(ref w, 4));
                a40 = V.MultiplyAdd(v0, b, a40); a41 = V.MultiplyAdd(v1, b, a41); a42 = V.MultiplyAdd(v2, b, a42);
                b = V.Broadcast(Unsafe.Add(ref w, 5));
                a50 = V.MultiplyAdd(v0, b, a50); a51 = V.MultiplyAdd(v1, b, a51); a52 = V.MultiplyAdd(v2, b, a52);
                b = V.Broadcast(Unsafe.Add(ref w, 6));
                a60 = V.MultiplyAdd(v0, b, a60); a61 = V.MultiplyAdd(v1, b, a61); a62 = V.MultiplyAdd(v2, b, a62);
                b = V.Broadcast(Unsafe.Add(ref w, 7));
                a70 = V.MultiplyAdd(v0, b, a70); a71 = V.MultiplyAdd(v1, b, a71); a72 = V.MultiplyAdd(v2, b, a72);
            }
            ref T s = ref MemoryMarshal.GetReference(sums);
            nuint n = (nuint)V.Count;
            V.Store(a00, ref s, 0 * n); V.Store(a01, ref s, 1 * n); V.Store(a02, ref s, 2 * n); V.Store(a10, ref s, 3 * n); V.Store(a11, ref s, 4 * n); V.Store(a12, ref s, 5 * n);
            V.Store(a20, ref s, 6 * n); V.Store(a21, ref s, 7 * n); V.Store(a22, ref s, 8 * n); V.Store(a30, ref s, 9 * n); V.Store(a31, ref s, 10 * n); V.Store(a32, ref s, 11 * n);
            V.Store(a40, ref s, 12 * n); V.Store(a41, ref s, 13 * n); V.Store(a42, ref s, 14 * n); V.Store(a50, ref s, 15 * n); V.Store(a51, ref s, 16 * n); V.Store(a52, ref s, 17 * n);
            V.Store(a60, ref s, 18 * n); V.Store(a61, ref s, 19 * n); V.Store(a62, ref s, 20 * n); V.Store(a70, ref s, 21 * n); V.Store(a71, ref s, 22 * n); V.Store(a72, ref s, 23 * n);
        }

        /// <summary>
        /// Four filters (<paramref name="filterStride"/> apart in a tap's row of packed weights) × one vector over every tap:
        /// their sums at <c>sums[f·sumStride]</c>.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void FourFiltersOneVector<TVector, V>(ref T x, ref int offsets, ref T w, int filterStride, int k, ref T sums, int sumStride)
            where TVector : struct where V : struct, ISimd<TVector, T>
        {
            TVector a0 = V.Broadcast(T.Zero), a1 = a0, a2 = a0, a3 = a0;
            for (int t = 0; t < k; t++, w = ref Unsafe.Add(ref w, filterStride))
            {
                TVector v = V.Load(ref x, (nuint)Unsafe.Add(ref offsets, t));
                a0 = V.MultiplyAdd(v, V.Broadcast(w), a0);
                a1 = V.MultiplyAdd(v, V.Broadcast(Unsafe.Add(ref w, 1)), a1);
                a2 = V.MultiplyAdd(v, V.Broadcast(Unsafe.Add(ref w, 2)), a2);
                a3 = V.MultiplyAdd(v, V.Broadcast(Unsafe.Add(ref w, 3)), a3);
            }
            nuint stride = (nuint)sumStride;
            V.Store(a0, ref sums, 0);
            V.Store(a1, ref sums, stride);
            V.Store(a2, ref sums, 2 * stride);
            V.Store(a3, ref sums, 3 * stride);
        }

        /// <summary>Four filters × three vectors over every tap (12 accumulators: AVX2's 16 registers).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void FourFilters<TVector, V>(ref T x0, ref T x1, ref T x2, ref int offsets, ref T w, int k, Span<T> sums)
            where TVector : struct where V : struct, ISimd<TVector, T>
        {
            TVector a00 = V.Broadcast(T.Zero), a01 = a00, a02 = a00, a10 = a00, a11 = a00, a12 = a00, a20 = a00, a21 = a00, a22 = a00;
            TVector a30 = a00, a31 = a00, a32 = a00;
            for (int t = 0; t < k; t++, w = ref Unsafe.Add(ref w, MostTileFilters / 2))
            {
                nuint offset = (nuint)Unsafe.Add(ref offsets, t);
                TVector v0 = V.Load(ref x0, offset), v1 = V.Load(ref x1, offset), v2 = V.Load(ref x2, offset);
                TVector b = V.Broadcast(w);
                a00 = V.MultiplyAdd(v0, b, a00); a01 = V.MultiplyAdd(v1, b, a01); a02 = V.MultiplyAdd(v2, b, a02);
                b = V.Broadcast(Unsafe.Add(ref w, 1));
                a10 = V.MultiplyAdd(v0, b, a10); a11 = V.MultiplyAdd(v1, b, a11); a12 = V.MultiplyAdd(v2, b, a12);
                b = V.Broadcast(Unsafe.Add(ref w, 2));
                a20 = V.MultiplyAdd(v0, b, a20); a21 = V.MultiplyAdd(v1, b, a21); a22 = V.MultiplyAdd(v2, b, a22);
                b = V.Broadcast(Unsafe.Add(ref w, 3));
                a30 = V.MultiplyAdd(v0, b, a30); a31 = V.MultiplyAdd(v1, b, a31); a32 = V.MultiplyAdd(v2, b, a32);
            }
            ref T s = ref MemoryMarshal.GetReference(sums);
            nuint n = (nuint)V.Count;
            V.Store(a00, ref s, 0 * n); V.Store(a01, ref s, 1 * n); V.Store(a02, ref s, 2 * n); V.Store(a10, ref s, 3 * n); V.Store(a11, ref s, 4 * n); V.Store(a12, ref s, 5 * n);
            V.Store(a20, ref s, 6 * n); V.Store(a21, ref s, 7 * n); V.Store(a22, ref s, 8 * n); V.Store(a30, ref s, 9 * n); V.Store(a31, ref s, 10 * n); V.Store(a32, ref s, 11 * n);
        }
    }
}

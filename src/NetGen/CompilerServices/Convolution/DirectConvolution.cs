using System;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NetGen.CompilerServices;

/// <summary>
/// A convolution at stride 1 without dilation from zero-padded copies of the image: the forward pass with few input channels
/// (here), the backward pass through whole column rows (<see cref="Backward"/>). The sample is copied once into a
/// zero-padded plane per channel,
/// <c>[inputChannels, paddedHeight·paddedWidth]</c>; read row after row, output position <c>q = y·paddedWidth + x</c> then
/// sees its kernel tap <c>(c, i, j)</c> at <c>q + i·paddedWidth + j</c> of plane c, so every tap is one shifted, contiguous
/// load of the planes, and the output is computed in vectors along q, four filters (the last ones two or one) and two
/// vectors at a time. The positions <c>x ≥ outputWidth</c> of each row (the padding's width) are computed too and dropped.
/// </summary>
/// <remarks>
/// The columns a product would read are never written: for LeNet-5's layers (1 → 6 channels, 5×5, padding 2 on 28×28, and
/// 6 → 16, 5×5 on 14×14) gathering them cost as much as the products (one thread, batch 64, float: 440 and 850 µs forward,
/// of which the products 190 and 310; from the planes, 238 and 500 µs). Many input channels (a 3×3 64 → 64 layer) keep the columns: there the product's
/// longer sums, whose columns stay in cache across the filters, are faster. The output of a sample is computed whole on
/// one thread, its sums in tap order (channel, kernel row, kernel column), whatever the thread count.
/// </remarks>
internal static class DirectConvolution
{
    /// <summary>The most input channels for which the direct forward pass is taken.</summary>
    private const int MostInputChannels = 8;

    /// <summary>Values read beyond a plane's padded rows (the last block's two vectors of at most 16 values), zero.</summary>
    private const int Slack = 32;

    /// <summary>Whether the direct forward pass applies to <paramref name="g"/> within <paramref name="scratchLength"/> values of scratch.</summary>
    internal static bool Applies(in Conv2DGeometry g, int scratchLength) =>
        g.StrideHeight == 1 && g.StrideWidth == 1 && g.DilationHeight == 1 && g.DilationWidth == 1
        && g.InputChannels <= MostInputChannels && !ConvolutionColumns.AreTheInput(g) && ScratchLength(g) <= scratchLength;

    private static int PaddedWidth(in Conv2DGeometry g) => g.PaddingLeft + g.InputWidth + g.PaddingRight;

    private static int PaddedHeight(in Conv2DGeometry g) => g.PaddingTop + g.InputHeight + g.PaddingBottom;

    /// <summary>The distance between the padded planes: their values, then <see cref="Slack"/> zeros.</summary>
    private static int PlaneStride(in Conv2DGeometry g) => PaddedHeight(g) * PaddedWidth(g) + Slack;

    /// <summary>The positions computed per filter: the output rows at the padded width, rounded up to whole blocks of two vectors.</summary>
    private static int Positions(in Conv2DGeometry g) => (g.OutputHeight * PaddedWidth(g) + Slack - 1) / Slack * Slack;

    /// <summary>The scratch one sample needs: the padded planes and four filters' positions.</summary>
    private static int ScratchLength(in Conv2DGeometry g) => g.InputChannels * PlaneStride(g) + 4 * Positions(g);

    /// <summary>Writes <c>y = weights ⋆ sample + biases</c> for one sample, using <paramref name="scratch"/> (at least <see cref="ScratchLength"/> values).</summary>
    internal static void Forward<T>(ReadOnlySpan<T> sample, ReadOnlySpan<T> weights, ReadOnlySpan<T> biases, Span<T> y, Span<T> scratch, in Conv2DGeometry g)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int planeStride = PlaneStride(g), paddedWidth = PaddedWidth(g), positions = Positions(g);
        Span<T> planes = scratch[..(g.InputChannels * planeStride)];
        Span<T> sums = scratch.Slice(planes.Length, 4 * positions);
        Pad(sample, planes, g);
        int outC = g.OutputChannels, p = g.OutputHeight * g.OutputWidth;
        for (int o = 0; o < outC; o += 4)
        {
            int filters = Math.Min(4, outC - o);
            var work = new BlockWork<T>(planes, weights.Slice(o * g.FilterSize, filters * g.FilterSize), sums, g, filters, planeStride, positions);
            VectorWidth.Run<T, BlockWork<T>>(ref work);
            for (int f = 0; f < filters; f++)
            {
                T bias = biases.IsEmpty ? T.Zero : biases[o + f];
                for (int row = 0; row < g.OutputHeight; row++)
                {
                    TensorPrimitives.Add(
                        sums.Slice(f * positions + row * paddedWidth, g.OutputWidth), bias,
                        y.Slice((o + f) * p + row * g.OutputWidth, g.OutputWidth));
                }
            }
        }
    }

    /// <summary>The positions the backward pass computes per row of columns: the output rows at the padded width, rounded up to 16 values.</summary>
    private static int BackwardPositions(in Conv2DGeometry g) => (g.OutputHeight * PaddedWidth(g) + 15) / 16 * 16;

    /// <summary>
    /// Whether <see cref="Backward"/> applies to <paramref name="g"/>: stride 1, no dilation, and a sample's columns no more than
    /// <paramref name="mostColumnValues"/> values.
    /// </summary>
    internal static bool BackwardApplies(in Conv2DGeometry g, int mostColumnValues) =>
        g.StrideHeight == 1 && g.StrideWidth == 1 && g.DilationHeight == 1 && g.DilationWidth == 1
        && !ConvolutionColumns.AreTheInput(g) && (long)g.FilterSize * BackwardPositions(g) <= mostColumnValues;

    /// <summary>The scratch <see cref="Backward"/> needs for one sample: its columns, output gradients and two sets of padded planes.</summary>
    internal static int BackwardScratchLength(in Conv2DGeometry g) =>
        checked((g.FilterSize + g.OutputChannels) * BackwardPositions(g) + 2 * g.InputChannels * PlaneStride(g));

    /// <summary>
    /// One sample's backward pass through columns copied whole from its padded planes: column row <c>(c, i, j)</c> at the padded
    /// width is plane c from <c>i·paddedWidth + j</c> on, one copy (LeNet's second layer: 150 copies of 144 values a sample,
    /// rather than 1,500 of 10 gathered row by row). The output gradients are laid out at the padded width too, zeros in the
    /// padding's columns, so the products' extra positions add nothing to the weights' gradient; the columns' gradient is
    /// added back to padded planes the same way, one addition per column row, and their inside to <paramref name="dx"/>.
    /// Writes the weights' gradient to <paramref name="weightGradients"/>; adds the input's to <paramref name="dx"/> unless empty.
    /// </summary>
    internal static void Backward<T>(
        ReadOnlySpan<T> sample, ReadOnlySpan<T> weights, ReadOnlySpan<T> dy, Span<T> weightGradients, Span<T> dx, Span<T> scratch, in Conv2DGeometry g)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int positions = BackwardPositions(g), planeStride = PlaneStride(g), paddedWidth = PaddedWidth(g);
        int k = g.FilterSize, outC = g.OutputChannels, ow = g.OutputWidth, p = g.OutputHeight * ow, taps = g.KernelHeight * g.KernelWidth;
        Span<T> columns = scratch[..(k * positions)];
        Span<T> gradients = scratch.Slice(columns.Length, outC * positions);
        Span<T> planes = scratch.Slice(columns.Length + gradients.Length, g.InputChannels * planeStride);
        Pad(sample, planes, g);
        for (int row = 0; row < k; row++)
        {
            planes.Slice(TapStart(row, g, planeStride, paddedWidth, taps), positions).CopyTo(columns.Slice(row * positions, positions));
        }
        gradients.Clear();
        for (int o = 0; o < outC; o++)
        {
            for (int y = 0; y < g.OutputHeight; y++)
            {
                dy.Slice(o * p + y * ow, ow).CopyTo(gradients.Slice(o * positions + y * paddedWidth, ow));
            }
        }
        // dW[o, k] = Σ_q dy[o, q]·col[k, q]
        DenseKernels.Forward<T>(gradients, columns, default, weightGradients, outC, positions, k);
        if (dx.IsEmpty)
        {
            return;
        }
        // dcol[k, q] = Σ_o W[o, k]·dy[o, q], added back to the padded planes, then their inside to dx.
        DenseKernels.ParameterGradients(weights, gradients, columns, default, outC, positions, k, accumulate: false);
        planes.Clear();
        for (int row = 0; row < k; row++)
        {
            Span<T> target = planes.Slice(TapStart(row, g, planeStride, paddedWidth, taps), positions);
            TensorPrimitives.Add(target, columns.Slice(row * positions, positions), target);
        }
        int h = g.InputHeight, w = g.InputWidth;
        for (int c = 0; c < g.InputChannels; c++)
        {
            for (int y = 0; y < h; y++)
            {
                Span<T> target = dx.Slice((c * h + y) * w, w);
                TensorPrimitives.Add(target, planes.Slice(c * planeStride + (g.PaddingTop + y) * paddedWidth + g.PaddingLeft, w), target);
            }
        }
    }

    /// <summary>Where column row <paramref name="row"/> = (c, i, j) starts in the padded planes.</summary>
    private static int TapStart(int row, in Conv2DGeometry g, int planeStride, int paddedWidth, int taps)
    {
        int c = row / taps, tap = row - c * taps, i = tap / g.KernelWidth, j = tap - i * g.KernelWidth;
        return c * planeStride + i * paddedWidth + j;
    }

    /// <summary>Copies each channel of <paramref name="sample"/> into its zero-padded plane.</summary>
    private static void Pad<T>(ReadOnlySpan<T> sample, Span<T> planes, in Conv2DGeometry g)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        planes.Clear();
        int planeStride = PlaneStride(g), paddedWidth = PaddedWidth(g), h = g.InputHeight, w = g.InputWidth;
        for (int c = 0; c < g.InputChannels; c++)
        {
            for (int row = 0; row < h; row++)
            {
                sample.Slice((c * h + row) * w, w).CopyTo(planes.Slice(c * planeStride + (g.PaddingTop + row) * paddedWidth + g.PaddingLeft, w));
            }
        }
    }

    /// <summary>Up to four filters' sums over every position, for <see cref="VectorWidth.Run"/>.</summary>
    private readonly ref struct BlockWork<T>(
        ReadOnlySpan<T> planes, ReadOnlySpan<T> filterWeights, Span<T> sums, Conv2DGeometry g, int filters, int planeStride, int positions)
        : IVectorWork<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        private readonly ReadOnlySpan<T> _planes = planes, _weights = filterWeights;
        private readonly Span<T> _sums = sums;

        public void Run<TVector, V>() where TVector : struct where V : struct, ISimd<TVector, T>
        {
            ref T x = ref MemoryMarshal.GetReference(_planes);
            ref T w = ref MemoryMarshal.GetReference(_weights);
            ref T s = ref MemoryMarshal.GetReference(_sums);
            int k = g.FilterSize, count = V.Count, paddedWidth = PaddedWidth(g);
            for (int q = 0; q < positions; q += 2 * count)
            {
                if (filters == 4)
                {
                    FourFilters<TVector, V>(ref Unsafe.Add(ref x, q), ref w, ref Unsafe.Add(ref s, q), k, paddedWidth);
                    continue;
                }
                int f = 0;
                if (filters >= 2)
                {
                    TwoFilters<TVector, V>(ref Unsafe.Add(ref x, q), ref w, ref Unsafe.Add(ref s, q), k, paddedWidth);
                    f = 2;
                }
                if (f < filters)
                {
                    OneFilter<TVector, V>(ref Unsafe.Add(ref x, q), ref Unsafe.Add(ref w, f * k), ref Unsafe.Add(ref s, f * positions + q), paddedWidth);
                }
            }
        }

        /// <summary>Two vectors of positions from <paramref name="x"/> on, for four filters: their sums at <c>sums[f·positions]</c>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private void FourFilters<TVector, V>(ref T x, ref T w, ref T sums, int k, int paddedWidth)
            where TVector : struct where V : struct, ISimd<TVector, T>
        {
            nuint count = (nuint)V.Count;
            TVector a00 = V.Broadcast(T.Zero), a01 = a00, a10 = a00, a11 = a00, a20 = a00, a21 = a00, a30 = a00, a31 = a00;
            int tap = 0;
            for (int c = 0; c < g.InputChannels; c++)
            {
                for (int i = 0; i < g.KernelHeight; i++)
                {
                    nuint rowStart = (nuint)(c * planeStride + i * paddedWidth);
                    for (int j = 0; j < g.KernelWidth; j++, tap++)
                    {
                        nuint offset = rowStart + (nuint)j;
                        TVector x0 = V.Load(ref x, offset), x1 = V.Load(ref x, offset + count);
                        TVector b = V.Broadcast(Unsafe.Add(ref w, tap));
                        a00 = V.MultiplyAdd(x0, b, a00);
                        a01 = V.MultiplyAdd(x1, b, a01);
                        b = V.Broadcast(Unsafe.Add(ref w, k + tap));
                        a10 = V.MultiplyAdd(x0, b, a10);
                        a11 = V.MultiplyAdd(x1, b, a11);
                        b = V.Broadcast(Unsafe.Add(ref w, 2 * k + tap));
                        a20 = V.MultiplyAdd(x0, b, a20);
                        a21 = V.MultiplyAdd(x1, b, a21);
                        b = V.Broadcast(Unsafe.Add(ref w, 3 * k + tap));
                        a30 = V.MultiplyAdd(x0, b, a30);
                        a31 = V.MultiplyAdd(x1, b, a31);
                    }
                }
            }
            nuint p = (nuint)positions;
            V.Store(a00, ref sums, 0);
            V.Store(a01, ref sums, count);
            V.Store(a10, ref sums, p);
            V.Store(a11, ref sums, p + count);
            V.Store(a20, ref sums, 2 * p);
            V.Store(a21, ref sums, 2 * p + count);
            V.Store(a30, ref sums, 3 * p);
            V.Store(a31, ref sums, 3 * p + count);
        }

        /// <summary>Two vectors of positions from <paramref name="x"/> on, for two filters.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private void TwoFilters<TVector, V>(ref T x, ref T w, ref T sums, int k, int paddedWidth)
            where TVector : struct where V : struct, ISimd<TVector, T>
        {
            nuint count = (nuint)V.Count;
            TVector a00 = V.Broadcast(T.Zero), a01 = a00, a10 = a00, a11 = a00;
            int tap = 0;
            for (int c = 0; c < g.InputChannels; c++)
            {
                for (int i = 0; i < g.KernelHeight; i++)
                {
                    nuint rowStart = (nuint)(c * planeStride + i * paddedWidth);
                    for (int j = 0; j < g.KernelWidth; j++, tap++)
                    {
                        nuint offset = rowStart + (nuint)j;
                        TVector x0 = V.Load(ref x, offset), x1 = V.Load(ref x, offset + count);
                        TVector b = V.Broadcast(Unsafe.Add(ref w, tap));
                        a00 = V.MultiplyAdd(x0, b, a00);
                        a01 = V.MultiplyAdd(x1, b, a01);
                        b = V.Broadcast(Unsafe.Add(ref w, k + tap));
                        a10 = V.MultiplyAdd(x0, b, a10);
                        a11 = V.MultiplyAdd(x1, b, a11);
                    }
                }
            }
            nuint p = (nuint)positions;
            V.Store(a00, ref sums, 0);
            V.Store(a01, ref sums, count);
            V.Store(a10, ref sums, p);
            V.Store(a11, ref sums, p + count);
        }

        /// <summary>Two vectors of positions from <paramref name="x"/> on, for one filter.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private void OneFilter<TVector, V>(ref T x, ref T w, ref T sums, int paddedWidth)
            where TVector : struct where V : struct, ISimd<TVector, T>
        {
            nuint count = (nuint)V.Count;
            TVector a0 = V.Broadcast(T.Zero), a1 = a0;
            int tap = 0;
            for (int c = 0; c < g.InputChannels; c++)
            {
                for (int i = 0; i < g.KernelHeight; i++)
                {
                    nuint rowStart = (nuint)(c * planeStride + i * paddedWidth);
                    for (int j = 0; j < g.KernelWidth; j++, tap++)
                    {
                        nuint offset = rowStart + (nuint)j;
                        TVector b = V.Broadcast(Unsafe.Add(ref w, tap));
                        a0 = V.MultiplyAdd(V.Load(ref x, offset), b, a0);
                        a1 = V.MultiplyAdd(V.Load(ref x, offset + count), b, a1);
                    }
                }
            }
            V.Store(a0, ref sums, 0);
            V.Store(a1, ref sums, count);
        }
    }
}

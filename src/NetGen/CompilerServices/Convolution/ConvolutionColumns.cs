using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NetGen.CompilerServices;

/// <summary>
/// The columns of one sample (im2col) that turn a convolution into matrix products, laid out <c>[K, P]</c>: row
/// <c>k = (c, i, j)</c> of the <c>K = inputChannels·kernelHeight·kernelWidth</c> rows holds, for every output position
/// <c>p = (y, x)</c> of the <c>P = outputHeight·outputWidth</c>, the input value kernel tap <c>(i, j)</c> of channel c sees
/// from there (0 in the padding). Each row is the input plane shifted (and strided), so it is built by copies of whole
/// rows of the image; and the products run along P, long whatever the kernel (LeNet's first layer has K = 25, P = 784).
/// The columns of a chunk of output rows <c>[firstRow, endRow)</c> are gathered at a time, so that they stay in L2.
/// The pieces copied are short (LeNet's second layer: 1,500 rows of 10 values a sample), so they are copied and added with
/// inlined 256-bit moves rather than calls to <c>memmove</c> and <c>TensorPrimitives</c>, whose call and set-up cost as much
/// as the copy.
/// </summary>
internal static class ConvolutionColumns
{
    /// <summary>Whether the columns are the sample itself (a 1×1 kernel, stride 1, no padding), and need no copy.</summary>
    internal static bool AreTheInput(in Conv2DGeometry g) =>
        g.KernelHeight == 1 && g.KernelWidth == 1 && g.StrideHeight == 1 && g.StrideWidth == 1
        && g.PaddingTop == 0 && g.PaddingLeft == 0 && g.PaddingBottom == 0 && g.PaddingRight == 0;

    /// <summary>
    /// Writes the columns <c>[K, (endRow − firstRow)·outputWidth]</c> of the output rows <c>[firstRow, endRow)</c> of one sample
    /// <c>[inputChannels, inputHeight, inputWidth]</c>, its rows <paramref name="stride"/> apart, zeros after each row's values.
    /// </summary>
    internal static void Gather<T>(ReadOnlySpan<T> sample, Span<T> columns, in Conv2DGeometry g, int firstRow, int endRow, int stride)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int oh = endRow - firstRow, ow = g.OutputWidth, h = g.InputHeight, w = g.InputWidth, sw = g.StrideWidth;
        int k = 0;
        for (int c = 0; c < g.InputChannels; c++)
        {
            ReadOnlySpan<T> plane = sample.Slice(c * h * w, h * w);
            for (int i = 0; i < g.KernelHeight; i++)
            {
                for (int j = 0; j < g.KernelWidth; j++, k++)
                {
                    Span<T> row = columns.Slice(k * stride, oh * ow);
                    ClearShort(columns.Slice(k * stride + oh * ow, stride - oh * ow));
                    int offset = j * g.DilationWidth - g.PaddingLeft;
                    (int first, int end) = Inside(offset, sw, w, ow);
                    for (int y = 0; y < oh; y++)
                    {
                        Span<T> target = row.Slice(y * ow, ow);
                        int iy = (firstRow + y) * g.StrideHeight - g.PaddingTop + i * g.DilationHeight;
                        if ((uint)iy >= (uint)h || first >= end)
                        {
                            target.Clear();
                            continue;
                        }
                        ClearShort(target[..first]);
                        ClearShort(target[end..]);
                        ReadOnlySpan<T> source = plane.Slice(iy * w, w);
                        if (sw == 1)
                        {
                            CopyShort(source.Slice(first + offset, end - first), target[first..end]);
                        }
                        else
                        {
                            for (int x = first; x < end; x++)
                            {
                                target[x] = source[x * sw + offset];
                            }
                        }
                    }
                }
            }
        }
    }

    /// <summary>Adds the gradients of the columns <see cref="Gather"/> wrote (rows <paramref name="stride"/> apart) to the input values they were gathered from (col2im).</summary>
    internal static void ScatterAdd<T>(ReadOnlySpan<T> columns, Span<T> sample, in Conv2DGeometry g, int firstRow, int endRow, int stride)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int oh = endRow - firstRow, ow = g.OutputWidth, h = g.InputHeight, w = g.InputWidth, sw = g.StrideWidth;
        int k = 0;
        for (int c = 0; c < g.InputChannels; c++)
        {
            Span<T> plane = sample.Slice(c * h * w, h * w);
            for (int i = 0; i < g.KernelHeight; i++)
            {
                for (int j = 0; j < g.KernelWidth; j++, k++)
                {
                    ReadOnlySpan<T> row = columns.Slice(k * stride, oh * ow);
                    int offset = j * g.DilationWidth - g.PaddingLeft;
                    (int first, int end) = Inside(offset, sw, w, ow);
                    if (first >= end)
                    {
                        continue;
                    }
                    for (int y = 0; y < oh; y++)
                    {
                        int iy = (firstRow + y) * g.StrideHeight - g.PaddingTop + i * g.DilationHeight;
                        if ((uint)iy >= (uint)h)
                        {
                            continue;
                        }
                        ReadOnlySpan<T> source = row.Slice(y * ow, ow);
                        Span<T> target = plane.Slice(iy * w, w);
                        if (sw == 1)
                        {
                            AddShort(source[first..end], target.Slice(first + offset, end - first));
                        }
                        else
                        {
                            for (int x = first; x < end; x++)
                            {
                                target[x * sw + offset] += source[x];
                            }
                        }
                    }
                }
            }
        }
    }

    /// <summary>Copies <paramref name="source"/> to <paramref name="destination"/> (as long; they do not overlap).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void CopyShort<T>(ReadOnlySpan<T> source, Span<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = source.Length, i = 0;
        ref T from = ref MemoryMarshal.GetReference(source);
        ref T to = ref MemoryMarshal.GetReference(destination);
        if (Vector256.IsHardwareAccelerated && Vector256<T>.IsSupported && n >= Vector256<T>.Count)
        {
            for (; i <= n - Vector256<T>.Count; i += Vector256<T>.Count)
            {
                Vector256.LoadUnsafe(ref from, (nuint)i).StoreUnsafe(ref to, (nuint)i);
            }
            if (i < n)
            {
                // The last vector overlaps the one before: the same values written twice.
                Vector256.LoadUnsafe(ref from, (nuint)(n - Vector256<T>.Count)).StoreUnsafe(ref to, (nuint)(n - Vector256<T>.Count));
            }
            return;
        }
        for (; i < n; i++)
        {
            Unsafe.Add(ref to, i) = Unsafe.Add(ref from, i);
        }
    }

    /// <summary>Adds <paramref name="source"/> to <paramref name="destination"/> (as long; they do not overlap).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddShort<T>(ReadOnlySpan<T> source, Span<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = source.Length, i = 0;
        ref T from = ref MemoryMarshal.GetReference(source);
        ref T to = ref MemoryMarshal.GetReference(destination);
        if (Vector256.IsHardwareAccelerated && Vector256<T>.IsSupported)
        {
            for (; i <= n - Vector256<T>.Count; i += Vector256<T>.Count)
            {
                (Vector256.LoadUnsafe(ref to, (nuint)i) + Vector256.LoadUnsafe(ref from, (nuint)i)).StoreUnsafe(ref to, (nuint)i);
            }
        }
        for (; i < n; i++)
        {
            Unsafe.Add(ref to, i) += Unsafe.Add(ref from, i);
        }
    }

    /// <summary>Zeroes a few values (padding columns) without a call.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void ClearShort<T>(Span<T> values)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = T.Zero;
        }
    }

    /// <summary>The output columns <c>[first, end)</c> whose input column <c>x·stride + offset</c> lies in <c>[0, width)</c>.</summary>
    private static (int First, int End) Inside(int offset, int stride, int width, int outputWidth)
    {
        int first = offset >= 0 ? 0 : (-offset + stride - 1) / stride;
        int end = width - offset <= 0 ? 0 : Math.Min(outputWidth, (width - offset - 1) / stride + 1);
        return (Math.Min(first, outputWidth), end);
    }
}

using System;
using System.Numerics;

namespace NetGen.CompilerServices;

/// <summary>
/// The columns of one sample (im2col) that turn a convolution into matrix products, laid out <c>[K, P]</c>: row
/// <c>k = (c, i, j)</c> of the <c>K = inputChannels·kernelHeight·kernelWidth</c> rows holds, for every output position
/// <c>p = (y, x)</c> of the <c>P = outputHeight·outputWidth</c>, the input value kernel tap <c>(i, j)</c> of channel c sees
/// from there (0 in the padding). Each row is the input plane shifted (and strided), so it is built by copies of whole
/// rows of the image; and the products run along P, long whatever the kernel (LeNet's first layer has K = 25, P = 784).
/// The columns of a chunk of output rows <c>[firstRow, endRow)</c> are gathered at a time, so that they stay in L2.
/// </summary>
internal static class ConvolutionColumns
{
    /// <summary>Whether the columns are the sample itself (a 1×1 kernel, stride 1, no padding), and need no copy.</summary>
    internal static bool AreTheInput(in Conv2DGeometry g) =>
        g.KernelHeight == 1 && g.KernelWidth == 1 && g.StrideHeight == 1 && g.StrideWidth == 1
        && g.PaddingTop == 0 && g.PaddingLeft == 0 && g.PaddingBottom == 0 && g.PaddingRight == 0;

    /// <summary>
    /// Writes the columns <c>[K, (endRow − firstRow)·outputWidth]</c> of the output rows <c>[firstRow, endRow)</c> of one sample
    /// <c>[inputChannels, inputHeight, inputWidth]</c>.
    /// </summary>
    internal static void Gather<T>(ReadOnlySpan<T> sample, Span<T> columns, in Conv2DGeometry g, int firstRow, int endRow)
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
                    Span<T> row = columns.Slice(k * oh * ow, oh * ow);
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
                        target[..first].Clear();
                        target[end..].Clear();
                        ReadOnlySpan<T> source = plane.Slice(iy * w, w);
                        if (sw == 1)
                        {
                            source.Slice(first + offset, end - first).CopyTo(target[first..end]);
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

    /// <summary>Adds the gradients of the columns <see cref="Gather"/> wrote to the input values they were gathered from (col2im).</summary>
    internal static void ScatterAdd<T>(ReadOnlySpan<T> columns, Span<T> sample, in Conv2DGeometry g, int firstRow, int endRow)
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
                    ReadOnlySpan<T> row = columns.Slice(k * oh * ow, oh * ow);
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
                            Span<T> piece = target.Slice(first + offset, end - first);
                            Kernels.Add(piece, source[first..end], piece);
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

    /// <summary>The output columns <c>[first, end)</c> whose input column <c>x·stride + offset</c> lies in <c>[0, width)</c>.</summary>
    private static (int First, int End) Inside(int offset, int stride, int width, int outputWidth)
    {
        int first = offset >= 0 ? 0 : (-offset + stride - 1) / stride;
        int end = width - offset <= 0 ? 0 : Math.Min(outputWidth, (width - offset - 1) / stride + 1);
        return (Math.Min(first, outputWidth), end);
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using NetGen.Generators.Layers.Convolution;
using NetGen.Generators.Model;

namespace NetGen.Generators.Layers.Residual;

/// <summary>
/// The skip of a residual block over images whose branch changes the image's shape: a 1×1 convolution of stride s without
/// bias, ResNet's option B (PyTorch's <c>downsample = nn.Conv2d(C_in, C_out, kernel_size=1, stride=s, bias=False)</c>). From
/// H×W it gives ⌊(H − 1)/s⌋ + 1 rows and ⌊(W − 1)/s⌋ + 1 columns, the same s along both axes.
/// </summary>
internal static class ImageProjection
{
    /// <summary>How many distinct sizes the error's list of what would fit names before it stops.</summary>
    private const int ListedSizes = 5;

    /// <summary>
    /// The stride that takes <paramref name="skip"/>'s height and width to <paramref name="branch"/>'s, or null when none
    /// does (or either is not an image). When several do (9 rows to 3 with s = 3 or 4), the smallest.
    /// </summary>
    public static int? Stride(Shape skip, Shape branch)
    {
        if (!skip.IsImage || !branch.IsImage)
        {
            return null;
        }
        (long first, long last) = Strides(skip.Height, branch.Height);
        (long firstWidth, long lastWidth) = Strides(skip.Width, branch.Width);
        long stride = Math.Max(first, firstWidth);
        return stride <= Math.Min(last, lastWidth) && stride <= int.MaxValue ? (int)stride : null;
    }

    /// <summary>The projection's axis over <paramref name="size"/> input rows (or columns): kernel 1, no padding.</summary>
    public static ImageAxis Axis(int size, int stride) => new(size, Kernel: 1, stride, Dilation: 1, Before: 0, After: 0);

    /// <summary>
    /// What the projections of an image of <paramref name="height"/>×<paramref name="width"/> give, for the error's message:
    /// "8x8 (s = 1), 4x4 (s = 2), 3x3 (s = 3), 2x2 (s = 4 to 7) or 1x1 (s ≥ 8)", the first few sizes when there are more.
    /// </summary>
    public static string Sizes(int height, int width)
    {
        var sizes = new List<string>();
        long stride = 1;
        while (sizes.Count < ListedSizes)
        {
            long rows = Length(height, stride), columns = Length(width, stride);
            // The strides that give the same size: up to the last stride of both axes' lengths.
            long last = Math.Min(Strides(height, rows).Last, Strides(width, columns).Last);
            string strides = last == stride ? $"s = {Number(stride)}"
                : last == long.MaxValue ? $"s ≥ {Number(stride)}"
                : $"s = {Number(stride)} to {Number(last)}";
            sizes.Add($"{Number(rows)}x{Number(columns)} ({strides})");
            if (last == long.MaxValue)
            {
                return Join(sizes, more: false);
            }
            stride = last + 1;
        }
        return Join(sizes, more: true);
    }

    /// <summary>⌊(size − 1)/stride⌋ + 1: the rows (or columns) a 1×1 convolution of that stride keeps.</summary>
    private static long Length(long size, long stride) => (size - 1) / stride + 1;

    /// <summary>
    /// The strides s with ⌊(size − 1)/s⌋ + 1 = <paramref name="length"/>: an interval (last long.MaxValue: unbounded), empty
    /// (first &gt; last) when none. ⌊(size − 1)/s⌋ = length − 1 holds for (size − 1)/length &lt; s ≤ (size − 1)/(length − 1).
    /// </summary>
    private static (long First, long Last) Strides(long size, long length)
    {
        if (length < 1 || length > size)
        {
            return (1, 0);
        }
        long first = (size - 1) / length + 1;
        long last = length == 1 ? long.MaxValue : (size - 1) / (length - 1);
        return (first, last);
    }

    private static string Join(List<string> sizes, bool more) => more
        ? string.Join(", ", sizes) + ", ..."
        : sizes.Count == 1 ? sizes[0] : string.Join(", ", sizes.GetRange(0, sizes.Count - 1)) + " or " + sizes[sizes.Count - 1];

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}

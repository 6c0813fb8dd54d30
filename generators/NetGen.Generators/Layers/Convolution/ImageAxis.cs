using System;

namespace NetGen.Generators.Layers.Convolution;

/// <summary>
/// One axis (height or width) of a window moved over an image: a convolution's kernel, or a pooling's window (dilation 1,
/// no padding). Output length <c>⌊(size + before + after − dilation·(kernel − 1) − 1) / stride⌋ + 1</c>, in 64 bits so that no
/// declared size overflows it.
/// </summary>
/// <param name="Size">The input's length along the axis.</param>
/// <param name="Kernel">The window's length.</param>
/// <param name="Stride">The step between windows.</param>
/// <param name="Dilation">The step between a window's taps.</param>
/// <param name="Before">Zeros added before (top, left).</param>
/// <param name="After">Zeros added after (bottom, right).</param>
internal readonly record struct ImageAxis(int Size, int Kernel, int Stride, int Dilation, int Before, int After)
{
    /// <summary>The input length a window spans, dilation·(kernel − 1) + 1.</summary>
    public long Span => (long)Dilation * (Kernel - 1) + 1;

    /// <summary>The smallest input that gives one output: the span less the padding (at least 1).</summary>
    public long SmallestInput => Math.Max(1, Span - Before - After);

    /// <summary>The output length; 0 when the window does not fit in the padded input.</summary>
    public long LongOutput
    {
        get
        {
            long padded = (long)Size + Before + After;
            return padded < Span ? 0 : (padded - Span) / Stride + 1;
        }
    }

    /// <summary>The output length as an int: at least 1, so that a layer after one that does not fit still has sizes (its error is reported).</summary>
    public int Output => (int)Math.Max(1, Math.Min(int.MaxValue, LongOutput));

    /// <summary>The input rows (or columns) after the last window that no window reaches, without padding: (size − kernel) mod stride.</summary>
    public long Dropped => ((long)Size + Before + After - Span) % Stride;

    /// <summary>
    /// The number of (output, tap) pairs whose tap falls on the input rather than on padding. Over an image, the product of
    /// the two axes' counts is how many products of one input and one output channel the convolution computes, per pair of
    /// channels: divided by the outputs it is the mean real fan-in per output, by the inputs the mean number of outputs an
    /// input reaches. Without padding every tap is real: outputs·kernel.
    /// </summary>
    public double RealTaps
    {
        get
        {
            long outputs = LongOutput;
            if (Before == 0 && After == 0)
            {
                return (double)outputs * Kernel;
            }
            if (Math.Min(outputs, Kernel) > MaxCountedTaps)
            {
                // A declaration this large is counted in proportion (the padding's share of the padded input).
                return (double)outputs * Kernel * Size / ((double)Size + Before + After);
            }
            double taps = 0;
            if (outputs <= Kernel)
            {
                for (long o = 0; o < outputs; o++)
                {
                    // Taps j with 0 <= o·stride − before + j·dilation < size.
                    long offset = o * Stride - Before;
                    taps += Count(offset, Dilation, Kernel);
                }
            }
            else
            {
                for (long j = 0; j < Kernel; j++)
                {
                    long offset = j * Dilation - Before;
                    taps += Count(offset, Stride, outputs);
                }
            }
            return taps;
        }
    }

    /// <summary>
    /// Σ over the kernel's taps j of a_j², a_j the fraction of the outputs at which tap j falls on the input (Σ a_j is
    /// <see cref="RealTaps"/>/outputs): how much of a per-tap sum such as Σ_j w_j·E[x] is the same at every output. With
    /// padding the border outputs leave taps out, and the rest, Σ a_j·(1 − a_j), varies from output to output.
    /// </summary>
    public double RealTapFractionSquares
    {
        get
        {
            long outputs = LongOutput;
            if (outputs == 0)
            {
                return 0;
            }
            if (Before == 0 && After == 0)
            {
                return Kernel;
            }
            if (Kernel > MaxCountedTaps)
            {
                double mean = RealTaps / outputs / Kernel;
                return Kernel * mean * mean; // the fractions taken equal: a lower bound
            }
            double sum = 0;
            for (long j = 0; j < Kernel; j++)
            {
                double fraction = (double)Count(j * Dilation - Before, Stride, outputs) / outputs;
                sum += fraction * fraction;
            }
            return sum;
        }
    }

    private const long MaxCountedTaps = 100_000;

    /// <summary>How many i in [0, count) have 0 &lt;= offset + i·step &lt; Size.</summary>
    private long Count(long offset, long step, long count)
    {
        long first = offset >= 0 ? 0 : (-offset + step - 1) / step;
        long last = Size - 1 - offset < 0 ? -1 : (Size - 1 - offset) / step;
        return Math.Max(0, Math.Min(count - 1, last) - first + 1);
    }
}

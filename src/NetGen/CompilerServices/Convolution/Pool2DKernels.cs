using System;
using System.ComponentModel;
using System.Numerics;
using System.Numerics.Tensors;
using System.Threading;

namespace NetGen.CompilerServices;

/// <summary>
/// PyTorch's <c>max_pool2d</c>, <c>avg_pool2d</c> (no padding) and global average pooling over a batch of NCHW images,
/// forward and backward. Backward methods <b>add</b> to the input's gradient. Nothing is allocated.
/// This API is for use by the code the NetGen source generator writes and should not be called directly.
/// </summary>
/// <remarks>
/// Each channel of each sample (a plane) is pooled on its own. The 2×2, stride-2 window, the common case, has its own
/// loops, its forward rows in vectors (Pool2DKernels.TwoByTwo.cs); global average pooling sums and spreads whole planes with
/// <see cref="TensorPrimitives"/>. Max pooling splits its planes over the threads, forward and backward (a batch's worth of
/// comparisons and index arithmetic weighs as much as a small convolution's); the other kernels stay on one thread.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class Pool2DKernels
{
    /// <summary>
    /// Each output is its window's largest input (the first in row-major order among equal ones, as PyTorch; NaN wins);
    /// <paramref name="argmax"/> <c>[batch, channels, outputHeight, outputWidth]</c> receives its index within its channel's
    /// <c>inputHeight·inputWidth</c> plane, for <see cref="MaxBackward"/>.
    /// </summary>
    /// <remarks>
    /// As PyTorch's CPU kernel: a value replaces the window's best so far if it is larger or NaN, so that among several NaNs
    /// the last one's index is kept (the output is NaN either way).
    /// </remarks>
    /// <exception cref="ArgumentException">A span's length is not the one the geometry and batch give.</exception>
    public static unsafe void MaxForward<T>(ReadOnlySpan<T> input, Span<T> output, Span<int> argmax, in Pool2DGeometry geometry, int batch)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckWindowed(input.Length, output.Length, geometry, batch, nameof(input), nameof(output));
        SpanLengths.Check(argmax.Length, (long)batch * geometry.OutputSize, nameof(argmax), OutputShape);
        fixed (T* pi = input, po = output)
        fixed (int* pa = argmax)
        {
            var arguments = new MaxForwardArguments<T>(new(pi, input.Length), new(po, output.Length), new(pa, argmax.Length), geometry);
            // Planes over the threads when the batch is large (each plane's result is the same on any thread); the work is
            // counted as eight multiply-adds an input value (LeNet's first pooling, batch 64: 56 µs on one thread, for 301 K values).
            KernelThreading.RunRanges(&MaxForwardPlanes<T>, (nint)(&arguments), batch * geometry.Channels, 8L * input.Length);
        }
    }

    /// <summary>The spans <see cref="MaxForward"/>'s planes read and write, fixed for the duration of the call.</summary>
    private readonly record struct MaxForwardArguments<T>(FixedSpan<T> Input, FixedSpan<T> Output, FixedSpan<int> Argmax, Pool2DGeometry Geometry)
        where T : unmanaged;

    private static unsafe void MaxForwardPlanes<T>(nint arguments, int first, int end) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ref readonly MaxForwardArguments<T> a = ref *(MaxForwardArguments<T>*)arguments;
        Pool2DGeometry geometry = a.Geometry;
        ReadOnlySpan<T> input = a.Input.Span;
        Span<T> output = a.Output.Span;
        Span<int> argmax = a.Argmax.Span;
        int inputPlane = geometry.InputHeight * geometry.InputWidth, outputPlane = geometry.OutputHeight * geometry.OutputWidth;
        bool common = IsTwoByTwoStrideTwo(geometry);
        for (int plane = first; plane < end; plane++)
        {
            ReadOnlySpan<T> x = input.Slice(plane * inputPlane, inputPlane);
            Span<T> y = output.Slice(plane * outputPlane, outputPlane);
            Span<int> indices = argmax.Slice(plane * outputPlane, outputPlane);
            if (common)
            {
                MaxPlaneTwoByTwo(x, y, indices, geometry);
            }
            else
            {
                MaxPlane(x, y, indices, geometry);
            }
        }
    }

    /// <summary>Adds each output's gradient to the input <see cref="MaxForward"/> chose for it.</summary>
    /// <exception cref="ArgumentException">A span's length is not the one the geometry and batch give, or an index is outside its plane.</exception>
    public static unsafe void MaxBackward<T>(ReadOnlySpan<T> outputGradients, ReadOnlySpan<int> argmax, Span<T> inputGradients, in Pool2DGeometry geometry, int batch)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckWindowed(inputGradients.Length, outputGradients.Length, geometry, batch, nameof(inputGradients), nameof(outputGradients));
        SpanLengths.Check(argmax.Length, (long)batch * geometry.OutputSize, nameof(argmax), OutputShape);
        int invalidAt = -1;
        fixed (T* pdy = outputGradients, pdx = inputGradients)
        fixed (int* pa = argmax)
        {
            var arguments = new MaxBackwardArguments<T>(
                new(pdy, outputGradients.Length), new(pa, argmax.Length), new(pdx, inputGradients.Length), geometry, new(&invalidAt, 1));
            // Planes over the threads as forward; an index outside its plane stops its range and is reported here, not on a worker.
            KernelThreading.RunRanges(&MaxBackwardPlanes<T>, (nint)(&arguments), batch * geometry.Channels, 8L * inputGradients.Length);
        }
        if (invalidAt >= 0)
        {
            int inputPlane = geometry.InputHeight * geometry.InputWidth;
            throw new ArgumentException(
                $"argmax[{invalidAt}] is {argmax[invalidAt]}; an index within its channel's inputHeight·inputWidth = {inputPlane} plane is expected (the one MaxForward wrote).",
                nameof(argmax));
        }
    }

    /// <summary>The spans <see cref="MaxBackward"/>'s planes read and write, fixed for the duration of the call, and where the first invalid index found is written.</summary>
    private readonly record struct MaxBackwardArguments<T>(
        FixedSpan<T> OutputGradients, FixedSpan<int> Argmax, FixedSpan<T> InputGradients, Pool2DGeometry Geometry, FixedSpan<int> InvalidAt)
        where T : unmanaged;

    private static unsafe void MaxBackwardPlanes<T>(nint arguments, int first, int end) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ref readonly MaxBackwardArguments<T> a = ref *(MaxBackwardArguments<T>*)arguments;
        Pool2DGeometry geometry = a.Geometry;
        ReadOnlySpan<T> outputGradients = a.OutputGradients.Span;
        ReadOnlySpan<int> argmax = a.Argmax.Span;
        Span<T> inputGradients = a.InputGradients.Span;
        int inputPlane = geometry.InputHeight * geometry.InputWidth, outputPlane = geometry.OutputHeight * geometry.OutputWidth;
        for (int plane = first; plane < end; plane++)
        {
            ReadOnlySpan<T> dy = outputGradients.Slice(plane * outputPlane, outputPlane);
            ReadOnlySpan<int> indices = argmax.Slice(plane * outputPlane, outputPlane);
            Span<T> dx = inputGradients.Slice(plane * inputPlane, inputPlane);
            for (int o = 0; o < dy.Length; o++)
            {
                int index = indices[o];
                if ((uint)index >= (uint)inputPlane)
                {
                    Interlocked.CompareExchange(ref a.InvalidAt.Span[0], plane * outputPlane + o, -1);
                    return;
                }
                dx[index] += dy[o];
            }
        }
    }

    /// <summary>Each output is its window's mean.</summary>
    /// <exception cref="ArgumentException">A span's length is not the one the geometry and batch give.</exception>
    public static void AverageForward<T>(ReadOnlySpan<T> input, Span<T> output, in Pool2DGeometry geometry, int batch)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckWindowed(input.Length, output.Length, geometry, batch, nameof(input), nameof(output));
        int inputPlane = geometry.InputHeight * geometry.InputWidth, outputPlane = geometry.OutputHeight * geometry.OutputWidth;
        bool common = IsTwoByTwoStrideTwo(geometry);
        for (int plane = 0; plane < batch * geometry.Channels; plane++)
        {
            ReadOnlySpan<T> x = input.Slice(plane * inputPlane, inputPlane);
            Span<T> y = output.Slice(plane * outputPlane, outputPlane);
            if (common)
            {
                AveragePlaneTwoByTwo(x, y, geometry);
            }
            else
            {
                AveragePlane(x, y, geometry);
            }
        }
    }

    /// <summary>Adds each output's gradient, divided by the window's size, to every input of its window.</summary>
    /// <exception cref="ArgumentException">A span's length is not the one the geometry and batch give.</exception>
    public static void AverageBackward<T>(ReadOnlySpan<T> outputGradients, Span<T> inputGradients, in Pool2DGeometry geometry, int batch)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckWindowed(inputGradients.Length, outputGradients.Length, geometry, batch, nameof(inputGradients), nameof(outputGradients));
        int inputPlane = geometry.InputHeight * geometry.InputWidth, outputPlane = geometry.OutputHeight * geometry.OutputWidth;
        bool common = IsTwoByTwoStrideTwo(geometry);
        for (int plane = 0; plane < batch * geometry.Channels; plane++)
        {
            ReadOnlySpan<T> dy = outputGradients.Slice(plane * outputPlane, outputPlane);
            Span<T> dx = inputGradients.Slice(plane * inputPlane, inputPlane);
            if (common)
            {
                AverageBackwardPlaneTwoByTwo(dy, dx, geometry);
            }
            else
            {
                AverageBackwardPlane(dy, dx, geometry);
            }
        }
    }

    /// <summary><c>output[b, c]</c> = the mean of channel c's <paramref name="pixels"/> values: <c>[batch, channels, pixels]</c> to <c>[batch, channels]</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive.</exception>
    /// <exception cref="ArgumentException">A span's length is not the one the sizes give.</exception>
    public static void GlobalAverageForward<T>(ReadOnlySpan<T> input, Span<T> output, int channels, int pixels, int batch)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckGlobal(input.Length, output.Length, channels, pixels, batch, nameof(input), nameof(output));
        T count = T.CreateTruncating(pixels);
        for (int plane = 0; plane < output.Length; plane++)
        {
            output[plane] = TensorPrimitives.Sum(input.Slice(plane * pixels, pixels)) / count;
        }
    }

    /// <summary>Adds <c>outputGradients[b, c] / pixels</c> to every value of channel c.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive.</exception>
    /// <exception cref="ArgumentException">A span's length is not the one the sizes give.</exception>
    public static void GlobalAverageBackward<T>(ReadOnlySpan<T> outputGradients, Span<T> inputGradients, int channels, int pixels, int batch)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckGlobal(inputGradients.Length, outputGradients.Length, channels, pixels, batch, nameof(inputGradients), nameof(outputGradients));
        T count = T.CreateTruncating(pixels);
        for (int plane = 0; plane < outputGradients.Length; plane++)
        {
            Span<T> dx = inputGradients.Slice(plane * pixels, pixels);
            TensorPrimitives.Add(dx, outputGradients[plane] / count, dx);
        }
    }

    private static void MaxPlane<T>(ReadOnlySpan<T> x, Span<T> y, Span<int> indices, in Pool2DGeometry g)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int width = g.InputWidth;
        for (int oh = 0; oh < g.OutputHeight; oh++)
        {
            for (int ow = 0; ow < g.OutputWidth; ow++)
            {
                int corner = oh * g.StrideHeight * width + ow * g.StrideWidth;
                T best = T.NegativeInfinity;
                int bestIndex = corner;
                for (int kh = 0; kh < g.PoolHeight; kh++)
                {
                    int row = corner + kh * width;
                    for (int index = row; index < row + g.PoolWidth; index++)
                    {
                        T value = x[index];
                        if (value > best || T.IsNaN(value))
                        {
                            best = value;
                            bestIndex = index;
                        }
                    }
                }
                y[oh * g.OutputWidth + ow] = best;
                indices[oh * g.OutputWidth + ow] = bestIndex;
            }
        }
    }

    private static void MaxPlaneTwoByTwo<T>(ReadOnlySpan<T> x, Span<T> y, Span<int> indices, in Pool2DGeometry g)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int width = g.InputWidth, outputWidth = g.OutputWidth;
        for (int oh = 0; oh < g.OutputHeight; oh++)
        {
            int top = 2 * oh * width;
            ReadOnlySpan<T> upper = x.Slice(top, 2 * outputWidth), lower = x.Slice(top + width, 2 * outputWidth);
            Span<T> row = y.Slice(oh * outputWidth, outputWidth);
            Span<int> rowIndices = indices.Slice(oh * outputWidth, outputWidth);
            for (int ow = MaxRowTwoByTwoVectorized(upper, lower, row, rowIndices, top, width); ow < outputWidth; ow++)
            {
                int left = 2 * ow;
                // The four candidates in row-major order; a later one wins only if larger or NaN (PyTorch's order).
                T best = upper[left];
                int bestIndex = top + left;
                if (T.IsNaN(upper[left + 1]) || upper[left + 1] > best)
                {
                    best = upper[left + 1];
                    bestIndex = top + left + 1;
                }
                if (T.IsNaN(lower[left]) || lower[left] > best)
                {
                    best = lower[left];
                    bestIndex = top + width + left;
                }
                if (T.IsNaN(lower[left + 1]) || lower[left + 1] > best)
                {
                    best = lower[left + 1];
                    bestIndex = top + width + left + 1;
                }
                row[ow] = best;
                rowIndices[ow] = bestIndex;
            }
        }
    }

    private static void AveragePlane<T>(ReadOnlySpan<T> x, Span<T> y, in Pool2DGeometry g)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int width = g.InputWidth;
        T count = T.CreateTruncating(g.PoolHeight * g.PoolWidth);
        for (int oh = 0; oh < g.OutputHeight; oh++)
        {
            for (int ow = 0; ow < g.OutputWidth; ow++)
            {
                int corner = oh * g.StrideHeight * width + ow * g.StrideWidth;
                T sum = T.Zero;
                for (int kh = 0; kh < g.PoolHeight; kh++)
                {
                    int row = corner + kh * width;
                    for (int index = row; index < row + g.PoolWidth; index++)
                    {
                        sum += x[index];
                    }
                }
                y[oh * g.OutputWidth + ow] = sum / count;
            }
        }
    }

    private static void AveragePlaneTwoByTwo<T>(ReadOnlySpan<T> x, Span<T> y, in Pool2DGeometry g)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int width = g.InputWidth, outputWidth = g.OutputWidth;
        T quarter = T.One / T.CreateTruncating(4); // × 1/4 rounds as ÷ 4, PyTorch's, does: a power of two
        for (int oh = 0; oh < g.OutputHeight; oh++)
        {
            ReadOnlySpan<T> upper = x.Slice(2 * oh * width, 2 * outputWidth), lower = x.Slice((2 * oh + 1) * width, 2 * outputWidth);
            Span<T> row = y.Slice(oh * outputWidth, outputWidth);
            for (int ow = AverageRowTwoByTwoVectorized(upper, lower, row); ow < outputWidth; ow++)
            {
                row[ow] = (upper[2 * ow] + upper[2 * ow + 1] + lower[2 * ow] + lower[2 * ow + 1]) * quarter;
            }
        }
    }

    private static void AverageBackwardPlane<T>(ReadOnlySpan<T> dy, Span<T> dx, in Pool2DGeometry g)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int width = g.InputWidth;
        T count = T.CreateTruncating(g.PoolHeight * g.PoolWidth);
        for (int oh = 0; oh < g.OutputHeight; oh++)
        {
            for (int ow = 0; ow < g.OutputWidth; ow++)
            {
                int corner = oh * g.StrideHeight * width + ow * g.StrideWidth;
                T share = dy[oh * g.OutputWidth + ow] / count;
                for (int kh = 0; kh < g.PoolHeight; kh++)
                {
                    int row = corner + kh * width;
                    for (int index = row; index < row + g.PoolWidth; index++)
                    {
                        dx[index] += share;
                    }
                }
            }
        }
    }

    private static void AverageBackwardPlaneTwoByTwo<T>(ReadOnlySpan<T> dy, Span<T> dx, in Pool2DGeometry g)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int width = g.InputWidth, outputWidth = g.OutputWidth;
        T count = T.CreateTruncating(4);
        for (int oh = 0; oh < g.OutputHeight; oh++)
        {
            ReadOnlySpan<T> row = dy.Slice(oh * outputWidth, outputWidth);
            Span<T> upper = dx.Slice(2 * oh * width, 2 * outputWidth), lower = dx.Slice((2 * oh + 1) * width, 2 * outputWidth);
            for (int ow = 0; ow < outputWidth; ow++)
            {
                T share = row[ow] / count;
                upper[2 * ow] += share;
                upper[2 * ow + 1] += share;
                lower[2 * ow] += share;
                lower[2 * ow + 1] += share;
            }
        }
    }

    private static bool IsTwoByTwoStrideTwo(in Pool2DGeometry g) =>
        g.PoolHeight == 2 && g.PoolWidth == 2 && g.StrideHeight == 2 && g.StrideWidth == 2;

    private const string InputShape = "batch·channels·inputHeight·inputWidth", OutputShape = "batch·channels·outputHeight·outputWidth";

    private static void CheckWindowed(int input, int output, in Pool2DGeometry geometry, int batch, string inputName, string outputName)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batch);
        SpanLengths.Check(input, (long)batch * geometry.InputSize, inputName, InputShape);
        SpanLengths.Check(output, (long)batch * geometry.OutputSize, outputName, OutputShape);
    }

    private static void CheckGlobal(int input, int output, int channels, int pixels, int batch, string inputName, string outputName)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pixels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batch);
        SpanLengths.Check(input, (long)batch * channels * pixels, inputName, "batch·channels·pixels");
        SpanLengths.Check(output, (long)batch * channels, outputName, "batch·channels");
    }

}

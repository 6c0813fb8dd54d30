using System;
using System.ComponentModel;
using System.Numerics;

namespace NetGen.CompilerServices;

/// <summary>
/// PyTorch's <c>max_pool2d</c>, <c>avg_pool2d</c> (no padding) and global average pooling over a batch of NCHW images,
/// forward and backward. Backward methods <b>add</b> to the input's gradient. Nothing is allocated.
/// This API is for use by the code the NetGen source generator writes and should not be called directly.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Pool2DKernels
{
    /// <summary>
    /// Each output is its window's largest input (the first in row-major order among equal ones, as PyTorch; NaN wins);
    /// <paramref name="argmax"/> <c>[batch, channels, outputHeight, outputWidth]</c> receives its index within its channel's
    /// <c>inputHeight·inputWidth</c> plane, for <see cref="MaxBackward"/>.
    /// </summary>
    public static void MaxForward<T>(ReadOnlySpan<T> input, Span<T> output, Span<int> argmax, in Pool2DGeometry geometry, int batch)
        where T : unmanaged, IFloatingPointIeee754<T> => throw new NotImplementedException("issue 16: kernel helper");

    /// <summary>Adds each output's gradient to the input <see cref="MaxForward"/> chose for it.</summary>
    public static void MaxBackward<T>(ReadOnlySpan<T> outputGradients, ReadOnlySpan<int> argmax, Span<T> inputGradients, in Pool2DGeometry geometry, int batch)
        where T : unmanaged, IFloatingPointIeee754<T> => throw new NotImplementedException("issue 16: kernel helper");

    /// <summary>Each output is its window's mean.</summary>
    public static void AverageForward<T>(ReadOnlySpan<T> input, Span<T> output, in Pool2DGeometry geometry, int batch)
        where T : unmanaged, IFloatingPointIeee754<T> => throw new NotImplementedException("issue 16: kernel helper");

    /// <summary>Adds each output's gradient, divided by the window's size, to every input of its window.</summary>
    public static void AverageBackward<T>(ReadOnlySpan<T> outputGradients, Span<T> inputGradients, in Pool2DGeometry geometry, int batch)
        where T : unmanaged, IFloatingPointIeee754<T> => throw new NotImplementedException("issue 16: kernel helper");

    /// <summary><c>output[b, c]</c> = the mean of channel c's <paramref name="pixels"/> values: <c>[batch, channels, pixels]</c> to <c>[batch, channels]</c>.</summary>
    public static void GlobalAverageForward<T>(ReadOnlySpan<T> input, Span<T> output, int channels, int pixels, int batch)
        where T : unmanaged, IFloatingPointIeee754<T> => throw new NotImplementedException("issue 16: kernel helper");

    /// <summary>Adds <c>outputGradients[b, c] / pixels</c> to every value of channel c.</summary>
    public static void GlobalAverageBackward<T>(ReadOnlySpan<T> outputGradients, Span<T> inputGradients, int channels, int pixels, int batch)
        where T : unmanaged, IFloatingPointIeee754<T> => throw new NotImplementedException("issue 16: kernel helper");
}

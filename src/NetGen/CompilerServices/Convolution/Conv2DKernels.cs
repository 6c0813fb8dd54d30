using System;
using System.ComponentModel;
using System.Numerics;

namespace NetGen.CompilerServices;

/// <summary>
/// PyTorch's <c>nn.Conv2d</c> (groups 1) over a batch of NCHW images, forward and backward: input <c>[batch, inputChannels,
/// inputHeight, inputWidth]</c>, weights <c>[outputChannels, inputChannels, kernelHeight, kernelWidth]</c>, biases
/// <c>[outputChannels]</c> (empty: none), output <c>[batch, outputChannels, outputHeight, outputWidth]</c>; zero padding.
/// Nothing is allocated: the caller passes a workspace of <see cref="WorkspaceLength"/> values.
/// This API is for use by the code the NetGen source generator writes and should not be called directly.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Conv2DKernels
{
    /// <summary>The length of the workspace <see cref="Forward"/> and <see cref="Backward"/> take for up to <paramref name="batch"/> samples.</summary>
    public static int WorkspaceLength(in Conv2DGeometry geometry, int batch) => throw new NotImplementedException("issue 16: kernel helper");

    /// <summary>Writes <c>output = weights ⋆ input + biases</c> for every sample.</summary>
    /// <exception cref="ArgumentException">A span's length is not the one the geometry and batch give (biases: nor 0).</exception>
    public static void Forward<T>(
        ReadOnlySpan<T> input, ReadOnlySpan<T> weights, ReadOnlySpan<T> biases, Span<T> output, Span<T> workspace, in Conv2DGeometry geometry, int batch)
        where T : unmanaged, IFloatingPointIeee754<T> => throw new NotImplementedException("issue 16: kernel helper");

    /// <summary>
    /// From the loss's gradient with respect to the output, <b>adds</b> the weights' gradients to
    /// <paramref name="weightGradients"/>, the biases' to <paramref name="biasGradients"/> (empty: no biases) and the input's
    /// to <paramref name="inputGradients"/> (empty: not wanted, as for a first layer).
    /// </summary>
    /// <exception cref="ArgumentException">A span's length is not the one the geometry and batch give (optional ones: nor 0).</exception>
    public static void Backward<T>(
        ReadOnlySpan<T> input, ReadOnlySpan<T> weights, ReadOnlySpan<T> outputGradients,
        Span<T> weightGradients, Span<T> biasGradients, Span<T> inputGradients, Span<T> workspace, in Conv2DGeometry geometry, int batch)
        where T : unmanaged, IFloatingPointIeee754<T> => throw new NotImplementedException("issue 16: kernel helper");
}

using System;

namespace NetGen.CompilerServices;

/// <summary>
/// The sizes of a 2-D max or average pooling over NCHW images, without padding: a window of
/// <c>poolHeight × poolWidth</c> moved by the strides; output size <c>⌊(H − k)/s⌋ + 1</c> (PyTorch's, which leaves out rows
/// and columns a window would only partly cover; the analyzer refuses a declaration where that would happen).
/// This API is for use by the code the NetGen source generator writes and should not be called directly.
/// </summary>
public readonly record struct Pool2DGeometry
{
    /// <exception cref="ArgumentOutOfRangeException">A size or stride is not positive, or the window is larger than the input.</exception>
    public Pool2DGeometry(int channels, int inputHeight, int inputWidth, int poolHeight, int poolWidth, int strideHeight, int strideWidth)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputHeight);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(poolHeight);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(poolWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(strideHeight);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(strideWidth);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(poolHeight, inputHeight);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(poolWidth, inputWidth);
        Channels = channels;
        InputHeight = inputHeight;
        InputWidth = inputWidth;
        PoolHeight = poolHeight;
        PoolWidth = poolWidth;
        StrideHeight = strideHeight;
        StrideWidth = strideWidth;
        OutputHeight = (inputHeight - poolHeight) / strideHeight + 1;
        OutputWidth = (inputWidth - poolWidth) / strideWidth + 1;
    }

    /// <summary>The channels, the same in the input and the output.</summary>
    public int Channels { get; }
    /// <summary>The input's height.</summary>
    public int InputHeight { get; }
    /// <summary>The input's width.</summary>
    public int InputWidth { get; }
    /// <summary>The window's height.</summary>
    public int PoolHeight { get; }
    /// <summary>The window's width.</summary>
    public int PoolWidth { get; }
    /// <summary>The step between rows of windows.</summary>
    public int StrideHeight { get; }
    /// <summary>The step between columns of windows.</summary>
    public int StrideWidth { get; }
    /// <summary>The output's height.</summary>
    public int OutputHeight { get; }
    /// <summary>The output's width.</summary>
    public int OutputWidth { get; }

    /// <summary>The values of one input sample, <c>channels·inputHeight·inputWidth</c>.</summary>
    public int InputSize => Channels * InputHeight * InputWidth;

    /// <summary>The values of one output sample, <c>channels·outputHeight·outputWidth</c>.</summary>
    public int OutputSize => Channels * OutputHeight * OutputWidth;
}

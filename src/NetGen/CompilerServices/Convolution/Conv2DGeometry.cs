using System;

namespace NetGen.CompilerServices;

/// <summary>
/// The sizes of a 2-D convolution over images stored as PyTorch stores them (NCHW: a sample is <c>[channels, height,
/// width]</c>, row-major), with its weights as PyTorch's <c>nn.Conv2d</c> keeps them, <c>[outputChannels, inputChannels,
/// kernelHeight, kernelWidth]</c>. Output size: <c>⌊(H + padTop + padBottom − d·(k − 1) − 1)/s⌋ + 1</c>, the same for the
/// width. The generated code builds one per convolutional layer, from the sizes the generator computed at compile time.
/// This API is for use by the code the NetGen source generator writes and should not be called directly.
/// </summary>
public readonly record struct Conv2DGeometry
{
    /// <exception cref="ArgumentOutOfRangeException">A size, stride or dilation is not positive, a padding is negative, or the output would be empty.</exception>
    public Conv2DGeometry(
        int inputChannels, int inputHeight, int inputWidth, int outputChannels, int kernelHeight, int kernelWidth,
        int strideHeight = 1, int strideWidth = 1, int paddingTop = 0, int paddingLeft = 0, int paddingBottom = 0, int paddingRight = 0,
        int dilationHeight = 1, int dilationWidth = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputChannels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputHeight);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputChannels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(kernelHeight);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(kernelWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(strideHeight);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(strideWidth);
        ArgumentOutOfRangeException.ThrowIfNegative(paddingTop);
        ArgumentOutOfRangeException.ThrowIfNegative(paddingLeft);
        ArgumentOutOfRangeException.ThrowIfNegative(paddingBottom);
        ArgumentOutOfRangeException.ThrowIfNegative(paddingRight);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dilationHeight);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dilationWidth);
        InputChannels = inputChannels;
        InputHeight = inputHeight;
        InputWidth = inputWidth;
        OutputChannels = outputChannels;
        KernelHeight = kernelHeight;
        KernelWidth = kernelWidth;
        StrideHeight = strideHeight;
        StrideWidth = strideWidth;
        PaddingTop = paddingTop;
        PaddingLeft = paddingLeft;
        PaddingBottom = paddingBottom;
        PaddingRight = paddingRight;
        DilationHeight = dilationHeight;
        DilationWidth = dilationWidth;
        OutputHeight = OutputLength(inputHeight, paddingTop + paddingBottom, kernelHeight, strideHeight, dilationHeight, nameof(inputHeight));
        OutputWidth = OutputLength(inputWidth, paddingLeft + paddingRight, kernelWidth, strideWidth, dilationWidth, nameof(inputWidth));
    }

    /// <summary>The input's channels.</summary>
    public int InputChannels { get; }
    /// <summary>The input's height.</summary>
    public int InputHeight { get; }
    /// <summary>The input's width.</summary>
    public int InputWidth { get; }
    /// <summary>The output's channels: the number of filters.</summary>
    public int OutputChannels { get; }
    /// <summary>The kernel's height.</summary>
    public int KernelHeight { get; }
    /// <summary>The kernel's width.</summary>
    public int KernelWidth { get; }
    /// <summary>The step between rows of windows.</summary>
    public int StrideHeight { get; }
    /// <summary>The step between columns of windows.</summary>
    public int StrideWidth { get; }
    /// <summary>Zero rows added above.</summary>
    public int PaddingTop { get; }
    /// <summary>Zero columns added on the left.</summary>
    public int PaddingLeft { get; }
    /// <summary>Zero rows added below.</summary>
    public int PaddingBottom { get; }
    /// <summary>Zero columns added on the right.</summary>
    public int PaddingRight { get; }
    /// <summary>The step between a kernel's rows in the input.</summary>
    public int DilationHeight { get; }
    /// <summary>The step between a kernel's columns in the input.</summary>
    public int DilationWidth { get; }
    /// <summary>The output's height.</summary>
    public int OutputHeight { get; }
    /// <summary>The output's width.</summary>
    public int OutputWidth { get; }

    /// <summary>The values of one input sample, <c>inputChannels·inputHeight·inputWidth</c>.</summary>
    public int InputSize => InputChannels * InputHeight * InputWidth;

    /// <summary>The values of one output sample, <c>outputChannels·outputHeight·outputWidth</c>.</summary>
    public int OutputSize => OutputChannels * OutputHeight * OutputWidth;

    /// <summary>The weights of one filter, <c>inputChannels·kernelHeight·kernelWidth</c>: the fan-in.</summary>
    public int FilterSize => InputChannels * KernelHeight * KernelWidth;

    /// <summary>All the weights, <c>outputChannels·inputChannels·kernelHeight·kernelWidth</c>.</summary>
    public int WeightCount => OutputChannels * FilterSize;

    private static int OutputLength(int size, int padding, int kernel, int stride, int dilation, string name)
    {
        int span = dilation * (kernel - 1) + 1;
        if (size + padding < span)
        {
            throw new ArgumentOutOfRangeException(name, size,
                $"The padded input ({size} + {padding}) is smaller than the dilated kernel ({span}): the output would be empty.");
        }
        return (size + padding - span) / stride + 1;
    }
}

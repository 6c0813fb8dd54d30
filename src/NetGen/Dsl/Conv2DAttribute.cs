using System;

namespace NetGen;

/// <summary>
/// A 2-D convolution over images (PyTorch's <c>nn.Conv2d</c> with groups 1, Keras's <c>Conv2D</c>): <c>a = f(W ⋆ x + b)</c> with
/// <c>W</c> of shape [<see cref="Filters"/>, input channels, <see cref="KernelSize"/>, <see cref="KernelSize"/>] and one bias per
/// filter. It reads an image: the network's input when <see cref="NetworkAttribute"/> declares <c>Height</c> and <c>Width</c>,
/// or the output of an earlier convolution or pooling. Kernels are square (one <see cref="KernelSize"/>, one
/// <see cref="Stride"/>, one <see cref="Dilation"/> for both axes). Output height <c>⌊(H + padding − Dilation·(KernelSize − 1) − 1)
/// / Stride⌋ + 1</c>, padding the zeros added above and below (the same for the width). The weights are initialized as a dense
/// layer's with fan_in = input channels·KernelSize² and fan_out = Filters·KernelSize² (PyTorch's and Keras's convention).
/// </summary>
/// <example>LeNet-5's first layer:
/// <code>
/// [Network(Height = 28, Width = 28, Loss = Loss.SoftmaxCrossEntropy)]
/// [Conv2D(6, 5, Activation.ReLU, PaddingSize = 2)]
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class Conv2DAttribute : WeightedLayerAttribute
{
    /// <summary>Creates a convolution.</summary>
    /// <param name="filters">The number of output channels; must be positive.</param>
    /// <param name="kernelSize">The kernel's height and width (square kernels only); must be positive.</param>
    /// <param name="activation">The activation; default <see cref="Activation.Identity"/>. Not <see cref="Activation.Softmax"/>.</param>
    public Conv2DAttribute(int filters, int kernelSize, Activation activation = Activation.Identity)
    {
        Filters = filters;
        KernelSize = kernelSize;
        Activation = activation;
    }

    /// <summary>The number of output channels.</summary>
    public int Filters { get; }

    /// <summary>The kernel's height and width.</summary>
    public int KernelSize { get; }

    /// <summary>The activation applied to <c>W ⋆ x + b</c>.</summary>
    public Activation Activation { get; }

    /// <summary>The step between windows, on both axes. Default 1; must be positive, and 1 with <see cref="Padding.Same"/>.</summary>
    public int Stride { get; set; } = 1;

    /// <summary>
    /// How the input is padded with zeros when <see cref="PaddingSize"/> is not set. Default <see cref="NetGen.Padding.Valid"/>
    /// (no padding), as Keras and PyTorch.
    /// </summary>
    public Padding Padding { get; set; } = Padding.Valid;

    /// <summary>
    /// Zeros added on every side (PyTorch's integer <c>padding</c>); overrides <see cref="Padding"/>. Default −1: not set, use
    /// <see cref="Padding"/>. Must be 0 or more when set.
    /// </summary>
    public int PaddingSize { get; set; } = -1;

    /// <summary>The step between a kernel's taps in the input, on both axes (PyTorch's <c>dilation</c>). Default 1; must be positive.</summary>
    public int Dilation { get; set; } = 1;

    /// <summary>The slope for <c>z &lt; 0</c> of <see cref="Activation.LeakyReLU"/>. Default 0.01 (as in PyTorch). Only for LeakyReLU.</summary>
    public double NegativeSlope { get; set; } = 0.01;

    /// <summary>The alpha of <see cref="Activation.ELU"/>. Default 1.0. Only for ELU.</summary>
    public double Alpha { get; set; } = 1.0;
}

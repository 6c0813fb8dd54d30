using System;

namespace NetGen;

/// <summary>
/// What the pooling layers (<see cref="MaxPool2DAttribute"/>, <see cref="AvgPool2DAttribute"/>) share: a square window of
/// <see cref="Size"/> × <see cref="Size"/> moved by <see cref="Stride"/> over each channel of an image, without padding.
/// Output height <c>⌊(H − Size) / Stride⌋ + 1</c>, the same for the width; a declaration whose windows would leave out the
/// last rows or columns is refused (NG0032), so that no input is silently ignored.
/// </summary>
public abstract class Pool2DAttribute : Attribute
{
    /// <summary>Creates a pooling layer.</summary>
    /// <param name="size">The window's height and width; must be positive.</param>
    private protected Pool2DAttribute(int size) => Size = size;

    /// <summary>The window's height and width.</summary>
    public int Size { get; }

    /// <summary>The step between windows, on both axes. Default 0: not set, the window's <see cref="Size"/> (windows side by side, as Keras and PyTorch).</summary>
    public int Stride { get; set; }
}

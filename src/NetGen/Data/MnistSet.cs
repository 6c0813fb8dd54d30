using System;
using System.Numerics;

namespace NetGen;

/// <summary>Images of handwritten digits and their labels, as read from an MNIST image file and label file.</summary>
public sealed class MnistSet
{
    /// <summary>The number of classes: the digits 0 to 9.</summary>
    public const int ClassCount = 10;

    private readonly byte[] _pixels;
    private readonly byte[] _labels;

    /// <summary>Wraps pixels and labels already checked by the loader (the arrays are used, not copied).</summary>
    internal MnistSet(string name, int rows, int columns, byte[] pixels, byte[] labels)
    {
        Name = name;
        Rows = rows;
        Columns = columns;
        _pixels = pixels;
        _labels = labels;
        Count = labels.Length;
    }

    /// <summary>Where the set was read from (the image file, or the name given to the loader).</summary>
    public string Name { get; }

    /// <summary>The number of images (and labels).</summary>
    public int Count { get; }

    /// <summary>The number of rows of each image.</summary>
    public int Rows { get; }

    /// <summary>The number of columns of each image.</summary>
    public int Columns { get; }

    /// <summary>The number of pixels of each image, <c>Rows × Columns</c>.</summary>
    public int PixelsPerImage => Rows * Columns;

    /// <summary>All pixels, 0 (background) to 255 (ink), image after image, each row-major.</summary>
    public ReadOnlySpan<byte> Pixels => _pixels;

    /// <summary>The label of each image, 0 to 9.</summary>
    public ReadOnlySpan<byte> Labels => _labels;

    /// <summary>The pixels of image <paramref name="index"/>, row-major.</summary>
    public ReadOnlySpan<byte> ImageOf(int index) => _pixels.AsSpan(index * PixelsPerImage, PixelsPerImage);

    /// <summary>
    /// Converts the set for training: each sample's inputs are its pixels divided by 255 (0 to 1),
    /// its targets the one-hot encoding of its label over <see cref="ClassCount"/> classes.
    /// </summary>
    /// <typeparam name="T"><see cref="float"/> or <see cref="double"/>.</typeparam>
    /// <returns>A dataset of <see cref="Count"/> samples of <see cref="PixelsPerImage"/> inputs and <see cref="ClassCount"/> targets.</returns>
    public Dataset<T> ToDataset<T>() where T : unmanaged, IFloatingPointIeee754<T>
    {
        Span<T> scaled = stackalloc T[256];
        T maximum = T.CreateChecked(255);
        for (int value = 0; value < scaled.Length; value++)
        {
            scaled[value] = T.CreateChecked(value) / maximum;
        }

        var inputs = new T[_pixels.Length];
        for (int i = 0; i < inputs.Length; i++)
        {
            inputs[i] = scaled[_pixels[i]];
        }

        var targets = new T[Count * ClassCount];
        for (int sample = 0; sample < Count; sample++)
        {
            targets[sample * ClassCount + _labels[sample]] = T.One;
        }
        return new Dataset<T>(inputs, targets, PixelsPerImage, ClassCount);
    }
}

using System.Globalization;

namespace NetGen.Generators.Model;

/// <summary>
/// What one sample of a layer's input or output is: a vector of <see cref="Features"/> values, a sequence of
/// <see cref="Steps"/> such vectors, step after step, or an image of <see cref="Channels"/> × <see cref="Height"/> ×
/// <see cref="Width"/> values stored as PyTorch stores them (NCHW: channel after channel, each row-major).
/// </summary>
/// <param name="Features">The values of one vector, of one step of a sequence, or an image's channels.</param>
/// <param name="Steps">The steps of a sequence; 0 otherwise.</param>
/// <param name="Height">An image's height; 0 for a vector or a sequence.</param>
/// <param name="Width">An image's width; 0 for a vector or a sequence.</param>
internal readonly record struct Shape(int Features, int Steps = 0, int Height = 0, int Width = 0)
{
    /// <summary>An image of <paramref name="channels"/> × <paramref name="height"/> × <paramref name="width"/> values.</summary>
    public static Shape Image(int channels, int height, int width) => new(channels, 0, height, width);

    public bool IsSequence => Steps > 0;

    public bool IsImage => Height > 0;

    /// <summary>Neither a sequence nor an image: one vector per sample.</summary>
    public bool IsVector => !IsSequence && !IsImage;

    /// <summary>An image's channels (its <see cref="Features"/>).</summary>
    public int Channels => Features;

    /// <summary>The values of one channel of an image, height·width.</summary>
    public int Pixels => Height * Width;

    /// <summary>The number of values of one sample.</summary>
    public int Size => IsSequence ? Steps * Features : IsImage ? Features * Height * Width : Features;

    /// <summary>The number of values of one sample in 64 bits (at most <see cref="long.MaxValue"/>), for refusing sizes that do not fit an array.</summary>
    public long LongSize => IsSequence ? (long)Steps * Features
        : IsImage ? SaturatingArithmetic.Multiply(SaturatingArithmetic.Multiply(Features, Height), Width)
        : Features;

    /// <summary><c>64</c>, <c>28x28</c> (28 steps of 28 features), or <c>6x28x28</c> (6 channels of 28×28).</summary>
    public override string ToString() => IsSequence ? Number(Steps) + "x" + Number(Features)
        : IsImage ? Number(Features) + "x" + Number(Height) + "x" + Number(Width)
        : Number(Features);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}

using System.Globalization;

namespace NetGen.Generators.Model;

/// <summary>
/// What one sample of a layer's input or output is: a vector of <see cref="Features"/> values. Images
/// (channels × height × width) and sequences (steps × features) will be shapes too.
/// </summary>
internal readonly record struct Shape(int Features)
{
    /// <summary>The number of values of one sample.</summary>
    public int Size => Features;

    public override string ToString() => Features.ToString(CultureInfo.InvariantCulture);
}

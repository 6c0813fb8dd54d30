using System.Globalization;

namespace NetGen.Generators.Model;

/// <summary>
/// What one sample of a layer's input or output is: a vector of <see cref="Features"/> values, or a sequence of
/// <see cref="Steps"/> such vectors, step after step. Images (channels × height × width) will be shapes too.
/// </summary>
/// <param name="Features">The values of one vector, or of one step of a sequence.</param>
/// <param name="Steps">The steps of a sequence; 0 for a vector.</param>
internal readonly record struct Shape(int Features, int Steps = 0)
{
    public bool IsSequence => Steps > 0;

    /// <summary>The number of values of one sample.</summary>
    public int Size => IsSequence ? Steps * Features : Features;

    /// <summary>The number of values of one sample in 64 bits, for refusing sizes that do not fit an array.</summary>
    public long LongSize => IsSequence ? (long)Steps * Features : Features;

    public override string ToString() => IsSequence
        ? Steps.ToString(CultureInfo.InvariantCulture) + "x" + Features.ToString(CultureInfo.InvariantCulture)
        : Features.ToString(CultureInfo.InvariantCulture);
}

namespace NetGen.Generators.Model;

/// <summary>
/// Products and sums of non-negative sizes held at <see cref="long.MaxValue"/> instead of overflowing, so that a
/// declaration with absurd sizes (int.MaxValue channels of int.MaxValue² pixels) is counted, refused, and never crashes.
/// </summary>
internal static class SaturatingArithmetic
{
    public static long Multiply(long a, long b) => a == 0 || b == 0 ? 0 : a > long.MaxValue / b ? long.MaxValue : a * b;

    public static long Add(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;
}

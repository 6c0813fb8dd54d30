using System;

namespace NetGen.CompilerServices;

/// <summary>The kernels' checks of a span's length against the one its shape gives, with a message naming both.</summary>
internal static class SpanLengths
{
    /// <exception cref="ArgumentException"><paramref name="actual"/> is not <paramref name="expected"/>.</exception>
    internal static void Check(int actual, long expected, string name, string shape)
    {
        if (actual != expected)
        {
            throw new ArgumentException($"{name} holds {actual} values; it must hold {shape} = {expected}.", name);
        }
    }

    /// <exception cref="ArgumentException"><paramref name="actual"/> is neither 0 nor <paramref name="expected"/>.</exception>
    internal static void CheckOptional(int actual, long expected, string name, string shape, string whenEmpty)
    {
        if (actual != 0 && actual != expected)
        {
            throw new ArgumentException($"{name} holds {actual} values; it must hold {shape} = {expected}, or none (an empty span) for {whenEmpty}.", name);
        }
    }
}

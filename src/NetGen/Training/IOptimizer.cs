using System;
using System.Numerics;

namespace NetGen;

/// <summary>Updates parameters from their gradients, one step at a time. An optimizer keeps per-parameter state, so use one per network.</summary>
/// <typeparam name="T"><see cref="float"/> or <see cref="double"/>.</typeparam>
public interface IOptimizer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Applies one update to <paramref name="parameters"/> in place.</summary>
    /// <exception cref="ArgumentException">The two spans differ in length, or differ from the length of earlier steps.</exception>
    void Step(Span<T> parameters, ReadOnlySpan<T> gradients);
}

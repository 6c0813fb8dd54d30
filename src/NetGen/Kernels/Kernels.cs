using System;
using System.Numerics;
using System.Numerics.Tensors;

namespace NetGen;

/// <summary>The element-wise operations on spans that generated networks and the kernels share.</summary>
public static class Kernels
{
    /// <summary>Writes <c>x[i] + y[i]</c> to <paramref name="destination"/>, which may be <paramref name="x"/> or <paramref name="y"/>.</summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static void Add<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> destination) where T : unmanaged, IFloatingPointIeee754<T>
        => TensorPrimitives.Add(x, y, destination);
}

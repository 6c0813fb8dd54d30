using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NetGen;

/// <summary>
/// One SIMD register width, so that the dense kernels are written once for every width the hardware may have:
/// <see cref="Simd512{T}"/> with AVX-512, <see cref="Simd256{T}"/> with AVX2, <see cref="Simd128{T}"/> otherwise (SSE,
/// ARM64's Neon). The JIT compiles a kernel apart for each of these structs and inlines their members, so the generic
/// kernel compiles to what it would be written for that width by hand. <see cref="DenseKernels"/> picks the widest one
/// the processor accelerates, once per call.
/// </summary>
internal interface ISimd<TSelf, T>
    where TSelf : struct, ISimd<TSelf, T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Whether the processor has this width: when not, the kernels take their scalar paths.</summary>
    static abstract bool IsAccelerated { get; }

    /// <summary>The number of values in one vector.</summary>
    static abstract int Count { get; }

    static abstract TSelf Load(ref T source, nuint offset);

    static abstract void Store(TSelf value, ref T destination, nuint offset);

    /// <summary>Every lane <paramref name="value"/>.</summary>
    static abstract TSelf Broadcast(T value);

    /// <summary><c>a·b + addend</c>, in one rounding.</summary>
    static abstract TSelf MultiplyAdd(TSelf a, TSelf b, TSelf addend);

    /// <summary>The sum of the lanes.</summary>
    static abstract T Sum(TSelf value);

    /// <summary>The larger of each pair of lanes.</summary>
    static abstract TSelf Max(TSelf a, TSelf b);

    /// <summary>All bits set in the lanes where <c>a &gt; b</c>, none elsewhere.</summary>
    static abstract TSelf GreaterThan(TSelf a, TSelf b);

    static abstract TSelf operator +(TSelf a, TSelf b);

    static abstract TSelf operator -(TSelf a, TSelf b);

    static abstract TSelf operator *(TSelf a, TSelf b);

    static abstract TSelf operator &(TSelf a, TSelf b);
}

/// <summary>512 bits: 16 floats or 8 doubles.</summary>
internal readonly struct Simd512<T>(Vector512<T> value) : ISimd<Simd512<T>, T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public readonly Vector512<T> Value = value;

    public static bool IsAccelerated => Vector512.IsHardwareAccelerated;

    public static int Count => Vector512<T>.Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd512<T> Load(ref T source, nuint offset) => new(Vector512.LoadUnsafe(ref source, offset));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Simd512<T> value, ref T destination, nuint offset) => value.Value.StoreUnsafe(ref destination, offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd512<T> Broadcast(T value) => new(Vector512.Create(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd512<T> MultiplyAdd(Simd512<T> a, Simd512<T> b, Simd512<T> addend) => new(Kernels.FusedMultiplyAdd(a.Value, b.Value, addend.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Sum(Simd512<T> value) => Vector512.Sum(value.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd512<T> operator +(Simd512<T> a, Simd512<T> b) => new(a.Value + b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd512<T> operator -(Simd512<T> a, Simd512<T> b) => new(a.Value - b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd512<T> operator *(Simd512<T> a, Simd512<T> b) => new(a.Value * b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd512<T> operator &(Simd512<T> a, Simd512<T> b) => new(a.Value & b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd512<T> Max(Simd512<T> a, Simd512<T> b) => new(Vector512.Max(a.Value, b.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd512<T> GreaterThan(Simd512<T> a, Simd512<T> b) => new(Vector512.GreaterThan(a.Value, b.Value));
}

/// <summary>256 bits: 8 floats or 4 doubles.</summary>
internal readonly struct Simd256<T>(Vector256<T> value) : ISimd<Simd256<T>, T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public readonly Vector256<T> Value = value;

    public static bool IsAccelerated => Vector256.IsHardwareAccelerated;

    public static int Count => Vector256<T>.Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd256<T> Load(ref T source, nuint offset) => new(Vector256.LoadUnsafe(ref source, offset));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Simd256<T> value, ref T destination, nuint offset) => value.Value.StoreUnsafe(ref destination, offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd256<T> Broadcast(T value) => new(Vector256.Create(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd256<T> MultiplyAdd(Simd256<T> a, Simd256<T> b, Simd256<T> addend)
    {
        if (typeof(T) == typeof(float))
        {
            return new(Vector256.FusedMultiplyAdd(a.Value.As<T, float>(), b.Value.As<T, float>(), addend.Value.As<T, float>()).As<float, T>());
        }
        if (typeof(T) == typeof(double))
        {
            return new(Vector256.FusedMultiplyAdd(a.Value.As<T, double>(), b.Value.As<T, double>(), addend.Value.As<T, double>()).As<double, T>());
        }
        return new(a.Value * b.Value + addend.Value);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Sum(Simd256<T> value) => Vector256.Sum(value.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd256<T> operator +(Simd256<T> a, Simd256<T> b) => new(a.Value + b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd256<T> operator -(Simd256<T> a, Simd256<T> b) => new(a.Value - b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd256<T> operator *(Simd256<T> a, Simd256<T> b) => new(a.Value * b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd256<T> operator &(Simd256<T> a, Simd256<T> b) => new(a.Value & b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd256<T> Max(Simd256<T> a, Simd256<T> b) => new(Vector256.Max(a.Value, b.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd256<T> GreaterThan(Simd256<T> a, Simd256<T> b) => new(Vector256.GreaterThan(a.Value, b.Value));
}

/// <summary>128 bits: 4 floats or 2 doubles.</summary>
internal readonly struct Simd128<T>(Vector128<T> value) : ISimd<Simd128<T>, T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public readonly Vector128<T> Value = value;

    public static bool IsAccelerated => Vector128.IsHardwareAccelerated;

    public static int Count => Vector128<T>.Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd128<T> Load(ref T source, nuint offset) => new(Vector128.LoadUnsafe(ref source, offset));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Simd128<T> value, ref T destination, nuint offset) => value.Value.StoreUnsafe(ref destination, offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd128<T> Broadcast(T value) => new(Vector128.Create(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd128<T> MultiplyAdd(Simd128<T> a, Simd128<T> b, Simd128<T> addend)
    {
        if (typeof(T) == typeof(float))
        {
            return new(Vector128.FusedMultiplyAdd(a.Value.As<T, float>(), b.Value.As<T, float>(), addend.Value.As<T, float>()).As<float, T>());
        }
        if (typeof(T) == typeof(double))
        {
            return new(Vector128.FusedMultiplyAdd(a.Value.As<T, double>(), b.Value.As<T, double>(), addend.Value.As<T, double>()).As<double, T>());
        }
        return new(a.Value * b.Value + addend.Value);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Sum(Simd128<T> value) => Vector128.Sum(value.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd128<T> operator +(Simd128<T> a, Simd128<T> b) => new(a.Value + b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd128<T> operator -(Simd128<T> a, Simd128<T> b) => new(a.Value - b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd128<T> operator *(Simd128<T> a, Simd128<T> b) => new(a.Value * b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd128<T> operator &(Simd128<T> a, Simd128<T> b) => new(a.Value & b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd128<T> Max(Simd128<T> a, Simd128<T> b) => new(Vector128.Max(a.Value, b.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd128<T> GreaterThan(Simd128<T> a, Simd128<T> b) => new(Vector128.GreaterThan(a.Value, b.Value));
}

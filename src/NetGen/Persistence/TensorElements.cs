using System;
using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;

namespace NetGen;

/// <summary>Converts spans of <see cref="float"/> or <see cref="double"/> to and from safetensors' little-endian bytes, and names their dtype.</summary>
internal static class TensorElements
{
    /// <summary>The safetensors dtype of <typeparamref name="T"/>: <c>F32</c> for <see cref="float"/>, <c>F64</c> for <see cref="double"/>.</summary>
    public static string DTypeOf<T>() where T : unmanaged, IFloatingPointIeee754<T> =>
        typeof(T) == typeof(float) ? "F32"
        : typeof(T) == typeof(double) ? "F64"
        : throw new NotSupportedException($"Only float and double tensors are saved; {typeof(T).Name} is neither.");

    /// <summary>The size in bytes of one element of a known dtype (<c>F32</c>, <c>F64</c>, and the other standard safetensors dtypes), or 0 when unknown.</summary>
    public static int SizeOf(string dtype) => dtype switch
    {
        "F64" or "I64" or "U64" => 8,
        "F32" or "I32" or "U32" => 4,
        "F16" or "BF16" or "I16" or "U16" => 2,
        "I8" or "U8" or "BOOL" or "F8_E4M3" or "F8_E5M2" => 1,
        _ => 0,
    };

    /// <summary>The little-endian bytes of <paramref name="values"/>.</summary>
    public static byte[] ToBytes<T>(ReadOnlySpan<T> values) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var bytes = new byte[values.Length * Marshal.SizeOf<T>()];
        if (BitConverter.IsLittleEndian)
        {
            MemoryMarshal.AsBytes(values).CopyTo(bytes);
            return bytes;
        }
        for (int i = 0; i < values.Length; i++)
        {
            if (typeof(T) == typeof(float))
            {
                BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * 4), float.CreateTruncating(values[i]));
            }
            else
            {
                BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(i * 8), double.CreateTruncating(values[i]));
            }
        }
        return bytes;
    }

    /// <summary>Copies little-endian <paramref name="bytes"/> into <paramref name="destination"/>, whose length they must match.</summary>
    public static void FromBytes<T>(ReadOnlySpan<byte> bytes, Span<T> destination) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (BitConverter.IsLittleEndian)
        {
            bytes.CopyTo(MemoryMarshal.AsBytes(destination));
            return;
        }
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = typeof(T) == typeof(float)
                ? T.CreateTruncating(BinaryPrimitives.ReadSingleLittleEndian(bytes[(i * 4)..]))
                : T.CreateTruncating(BinaryPrimitives.ReadDoubleLittleEndian(bytes[(i * 8)..]));
        }
    }

    /// <summary>The index of the first NaN or infinity in the little-endian <paramref name="bytes"/> of <typeparamref name="T"/> values, or −1 when all are finite.</summary>
    public static int FirstNonFinite<T>(ReadOnlySpan<byte> bytes, out T value) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int size = Marshal.SizeOf<T>();
        for (int i = 0; i < bytes.Length / size; i++)
        {
            value = typeof(T) == typeof(float)
                ? T.CreateTruncating(BinaryPrimitives.ReadSingleLittleEndian(bytes[(i * size)..]))
                : T.CreateTruncating(BinaryPrimitives.ReadDoubleLittleEndian(bytes[(i * size)..]));
            if (!T.IsFinite(value))
            {
                return i;
            }
        }
        value = T.Zero;
        return -1;
    }
}

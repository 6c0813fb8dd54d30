using System;

namespace NetGen;

/// <summary>One named tensor of a safetensors file: its element type, its shape and its raw little-endian bytes.</summary>
/// <param name="Name">The tensor's name, unique in its file.</param>
/// <param name="DType">The element type as safetensors writes it: <c>F32</c> or <c>F64</c> (any string when read).</param>
/// <param name="Shape">The dimensions; their product times the element size is the length of <paramref name="Data"/>.</param>
/// <param name="Data">The elements, row-major, little-endian.</param>
internal sealed record SafeTensorsTensor(string Name, string DType, long[] Shape, ReadOnlyMemory<byte> Data)
{
    /// <summary>The shape as text, such as <c>[16, 2]</c>.</summary>
    public string ShapeText => FormatShape(Shape);

    /// <summary>Formats a shape as <c>[16, 2]</c>.</summary>
    public static string FormatShape(long[] shape) => "[" + string.Join(", ", shape) + "]";
}

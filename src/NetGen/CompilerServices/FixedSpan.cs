using System;

namespace NetGen.CompilerServices;

/// <summary>
/// A span's address and length, for arguments that another thread reads while the caller keeps them fixed and waits
/// (see <see cref="KernelThreading.RunRanges"/>): a span itself cannot be stored where another thread finds it.
/// </summary>
internal readonly unsafe struct FixedSpan<T>(T* pointer, int length) where T : unmanaged
{
    public Span<T> Span => new(pointer, length);
}

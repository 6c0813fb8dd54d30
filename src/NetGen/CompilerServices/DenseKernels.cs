using System;
using System.ComponentModel;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NetGen.CompilerServices;

/// <summary>
/// The matrix products of a dense layer over a batch, register-blocked: tiles of samples × units (or units × inputs)
/// accumulate in vector registers, so each weight or input vector loaded feeds several fused multiply-adds. The kernels
/// are written once over <see cref="ISimd{TVector, T}"/> (type arguments <c>TVector</c>, the vector type, and <c>V</c>, its
/// operations) and run with the widest vectors the processor has: 512 bits with
/// AVX-512, 256 with AVX2, 128 otherwise (the tests run all three). For layers narrower than one vector, or without
/// vector hardware, they fall back to one dot product (or one multiply-add) at a time. Data are row-major: inputs
/// [batch, inputs], weights [units, inputs], outputs [batch, units].
/// This API is for use by the code the NetGen source generator writes and should not be called directly.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class DenseKernels
{
    // One file per operation: DenseKernels.Forward, .ParameterGradients, .UpdateParameters (the fused step) and
    // .InputGradients; .OuterProductTile holds the tile the two backward products share; this file the dispatch to a
    // vector width and the checks and alignment helpers they all use.

    /// <summary>
    /// Runs the units <c>[start, end)</c> of a job on the calling thread. An input gradient over part of the units goes to
    /// <paramref name="partialSums"/> (batch × inputs values, overwritten), which the caller adds to dx.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // a choice the JIT resolves: nothing of it is left
    internal static void Execute<T>(in DenseJob job, int start, int end, nint partialSums = 0) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var work = new ExecuteWork<T>(in job, start, end, partialSums);
        VectorWidth.Run<T, ExecuteWork<T>>(ref work);
    }

    /// <summary><see cref="Execute{T}"/>'s arguments, for <see cref="VectorWidth.Run"/>.</summary>
    private readonly ref struct ExecuteWork<T>(in DenseJob job, int start, int end, nint partialSums) : IVectorWork<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        private readonly ref readonly DenseJob _job = ref job;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Run<TVector, V>() where TVector : struct where V : struct, ISimd<TVector, T> =>
            Execute<T, TVector, V>(in _job, start, end, partialSums);
    }

    /// <summary><see cref="Execute{T}"/> with vectors of one width, <typeparamref name="V"/>.</summary>
    private static unsafe void Execute<T, TVector, V>(in DenseJob job, int start, int end, nint partialSums)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : struct where V : struct, ISimd<TVector, T>
    {
        switch (job.Operation)
        {
            case DenseOperation.Forward:
                ForwardRange<T, TVector, V>(ref Unsafe.AsRef<T>((void*)job.A), ref Unsafe.AsRef<T>((void*)job.B), ref Unsafe.AsRef<T>((void*)job.C),
                    ref Unsafe.AsRef<T>((void*)job.D), job.Batch, job.Inputs, job.Units, start, end);
                break;
            case DenseOperation.ParameterGradients:
                ParameterGradientsRange<T, TVector, V>(ref Unsafe.AsRef<T>((void*)job.A), ref Unsafe.AsRef<T>((void*)job.B), ref Unsafe.AsRef<T>((void*)job.C),
                    ref Unsafe.AsRef<T>((void*)job.D), job.Batch, job.Inputs, job.Units, start, end, accumulate: job.Accumulate);
                break;
            case DenseOperation.UpdateParameters:
                UpdateParametersRange<T, TVector, V>(ref Unsafe.AsRef<T>((void*)job.A), ref Unsafe.AsRef<T>((void*)job.B), ref Unsafe.AsRef<T>((void*)job.C),
                    ref Unsafe.AsRef<T>((void*)job.D), job.Batch, job.Inputs, job.Units, start, end,
                    (IElementwiseOptimizer<T>)job.Optimizer!, job.WeightOffset, job.BiasOffset);
                break;
            default:
                ref T target = ref Unsafe.AsRef<T>((void*)(partialSums == 0 ? job.C : partialSums));
                if (partialSums != 0)
                {
                    MemoryMarshal.CreateSpan(ref target, job.Batch * job.Inputs).Clear();
                }
                InputGradientsRange<T, TVector, V>(ref Unsafe.AsRef<T>((void*)job.A), ref Unsafe.AsRef<T>((void*)job.B), ref target,
                    job.Batch, job.Inputs, job.Units, start, end);
                break;
        }
    }

    private static void CheckLengths(int xLength, int xExpected, int wLength, int wExpected, int zLength, int zExpected)
    {
        if (xLength < xExpected || wLength < wExpected || zLength < zExpected)
        {
            throw new ArgumentException(
                $"The spans are too short for the layer: inputs {xLength} (needs {xExpected}), weights {wLength} (needs {wExpected}), outputs {zLength} (needs {zExpected}).");
        }
    }

    /// <summary>Biases (or their gradients) are either one per unit or none at all: an empty span is a layer without biases.</summary>
    private static void CheckBiases(int length, int expected, string name)
    {
        if (length != 0 && length != expected)
        {
            throw new ArgumentException(
                $"The biases hold {length} values; the layer has {expected} units and needs {expected} biases, or none (an empty span) for a layer without biases.",
                name);
        }
    }

    /// <summary>The largest input row the one-sample kernels copy to the stack to align it (<see cref="OnCacheLine"/>): 16 KB.</summary>
    private const int AlignedSampleBytes = 16 * 1024;

    /// <summary>
    /// <paramref name="x"/>, or, when its <paramref name="length"/> values do not start on a 64-byte boundary (a caller's array)
    /// and <paramref name="scratch"/> (from <see cref="CacheLineAligned"/>) can hold them, their copy there: the one-sample
    /// kernels load each input vector once per unit, and a load that straddles two cache lines costs two.
    /// </summary>
    private static unsafe ref T OnCacheLine<T>(ref T x, int length, Span<T> scratch) where T : unmanaged
    {
        if (scratch.Length < length || (nuint)Unsafe.AsPointer(ref x) % 64 == 0)
        {
            return ref x;
        }
        MemoryMarshal.CreateReadOnlySpan(ref x, length).CopyTo(scratch);
        return ref MemoryMarshal.GetReference(scratch);
    }

    /// <summary>The <paramref name="length"/> values of <paramref name="buffer"/> that start on a 64-byte boundary (the buffer holds 64 bytes more).</summary>
    private static unsafe Span<T> CacheLineAligned<T>(Span<T> buffer, int length) where T : unmanaged
    {
        long misalignment = (long)Unsafe.AsPointer(ref MemoryMarshal.GetReference(buffer)) % 64;
        return buffer.Slice(misalignment == 0 ? 0 : (int)(64 - misalignment) / sizeof(T), length);
    }
}

using System;
using System.ComponentModel;
using System.Numerics;

namespace NetGen.CompilerServices;

/// <summary>
/// Moves sequences between the two layouts of a generated recurrent network: batch-major <c>[batch, steps, features]</c>,
/// each sample's steps one after the other (what the user passes and what the other layers read), and time-major
/// <c>[steps, batch, features]</c>, each step's batch one contiguous matrix (what the cell kernels run on).
/// This API is for use by the code the NetGen source generator writes and should not be called directly.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class SequenceLayout
{
    /// <summary>Writes <paramref name="batchMajor"/> <c>[batch, steps, features]</c> into <paramref name="timeMajor"/> <c>[steps, batch, features]</c>.</summary>
    /// <exception cref="ArgumentException">A span's length is not <c>batch·steps·features</c>.</exception>
    public static void ToTimeMajor<T>(ReadOnlySpan<T> batchMajor, Span<T> timeMajor, int batch, int steps, int features)
    {
        Check(batchMajor.Length, timeMajor.Length, batch, steps, features);
        for (int s = 0; s < batch; s++)
        {
            for (int t = 0; t < steps; t++)
            {
                batchMajor.Slice((s * steps + t) * features, features).CopyTo(timeMajor.Slice((t * batch + s) * features, features));
            }
        }
    }

    /// <summary>Writes <paramref name="timeMajor"/> <c>[steps, batch, features]</c> into <paramref name="batchMajor"/> <c>[batch, steps, features]</c>.</summary>
    /// <exception cref="ArgumentException">A span's length is not <c>batch·steps·features</c>.</exception>
    public static void ToBatchMajor<T>(ReadOnlySpan<T> timeMajor, Span<T> batchMajor, int batch, int steps, int features)
    {
        Check(batchMajor.Length, timeMajor.Length, batch, steps, features);
        for (int s = 0; s < batch; s++)
        {
            for (int t = 0; t < steps; t++)
            {
                timeMajor.Slice((t * batch + s) * features, features).CopyTo(batchMajor.Slice((s * steps + t) * features, features));
            }
        }
    }

    /// <summary>Adds <paramref name="timeMajor"/> <c>[steps, batch, features]</c> to <paramref name="batchMajor"/> <c>[batch, steps, features]</c>.</summary>
    /// <exception cref="ArgumentException">A span's length is not <c>batch·steps·features</c>.</exception>
    public static void AddToBatchMajor<T>(ReadOnlySpan<T> timeMajor, Span<T> batchMajor, int batch, int steps, int features)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Check(batchMajor.Length, timeMajor.Length, batch, steps, features);
        for (int s = 0; s < batch; s++)
        {
            for (int t = 0; t < steps; t++)
            {
                ReadOnlySpan<T> source = timeMajor.Slice((t * batch + s) * features, features);
                Span<T> target = batchMajor.Slice((s * steps + t) * features, features);
                for (int k = 0; k < features; k++)
                {
                    target[k] += source[k];
                }
            }
        }
    }

    private static void Check(int batchMajor, int timeMajor, int batch, int steps, int features)
    {
        long expected = (long)batch * steps * features;
        if (batchMajor != expected || timeMajor != expected)
        {
            throw new ArgumentException(
                $"A sequence of {batch} samples × {steps} steps × {features} features holds {expected} values; got {batchMajor} (batch-major) and {timeMajor} (time-major).");
        }
    }
}

using System;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Threading;

namespace NetGen.CompilerServices;

/// <summary>
/// Refuses a second concurrent call on one network instance: its buffers serve one call at a time, and two calls sharing
/// them would return wrong outputs without an error. Generated methods that run the network call <see cref="Enter"/>
/// first and <see cref="Exit"/> in a <c>finally</c>, on an <see cref="int"/> field of their own.
/// This API is for use by the code the NetGen source generator writes and should not be called directly.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ExclusiveUse
{
    /// <summary>Marks the instance as in use (<paramref name="inUse"/> 0 → 1).</summary>
    /// <param name="inUse">The instance's flag: 0 when free, 1 while a call runs.</param>
    /// <param name="networkName">The network's class name, for the message.</param>
    /// <exception cref="InvalidOperationException">A call on the same instance is already running, on another thread.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Enter(ref int inUse, string networkName)
    {
        if (Interlocked.CompareExchange(ref inUse, 1, 0) != 0)
        {
            ThrowInUse(networkName);
        }
    }

    /// <summary>Marks the instance as free again.</summary>
    /// <param name="inUse">The flag <see cref="Enter"/> set.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Exit(ref int inUse) => Volatile.Write(ref inUse, 0);

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowInUse(string networkName) =>
        throw new InvalidOperationException(
            $"This {networkName} instance is being used by another thread: a network's buffers serve one call at a time " +
            "(Forward, ComputeLoss, ComputeGradients, TrainStep), and sharing them would give wrong outputs. " +
            "Give each thread its own network with CreateReplica(maxBatchSize), which shares the parameters.");
}

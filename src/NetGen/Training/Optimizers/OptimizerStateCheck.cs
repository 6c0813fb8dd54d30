using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;

namespace NetGen;

/// <summary>The checks of <see cref="ICheckpointableOptimizer{T}.ImportState"/>, shared by the optimizers.</summary>
internal static class OptimizerStateCheck
{
    /// <summary>
    /// Checks imported state against the names an optimizer keeps; returns the tensors' common length, or null when there are
    /// none (an optimizer that keeps no tensors, or one that has not stepped).
    /// </summary>
    /// <exception cref="ArgumentException">The state does not fit, with the reason.</exception>
    public static int? Check<T>(IReadOnlyDictionary<string, T[]> tensors, IReadOnlyList<string> names, long stepCount)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(tensors);
        if (stepCount < 0)
        {
            throw new ArgumentException($"The step count is {stepCount}; it must be at least 0.", nameof(stepCount));
        }
        if (tensors.Count == 0)
        {
            if (stepCount > 0 && names.Count > 0)
            {
                throw new ArgumentException(
                    $"The state has {stepCount} steps but no tensors; this optimizer keeps {string.Join(", ", names)} after its first step.", nameof(tensors));
            }
            return null;
        }
        if (stepCount == 0)
        {
            throw new ArgumentException("The state has tensors but 0 steps; an optimizer that has not stepped keeps no tensors.", nameof(stepCount));
        }
        if (tensors.Count != names.Count || !names.All(tensors.ContainsKey))
        {
            throw new ArgumentException(
                $"The state holds the tensors {string.Join(", ", tensors.Keys)}, but this optimizer keeps {(names.Count == 0 ? "none" : string.Join(", ", names))}.",
                nameof(tensors));
        }
        int length = tensors[names[0]].Length;
        foreach (string name in names)
        {
            if (tensors[name].Length != length || length == 0)
            {
                throw new ArgumentException(
                    $"The state tensor '{name}' has {tensors[name].Length} values, but '{names[0]}' has {length}; all must have one per parameter.", nameof(tensors));
            }
        }
        return length;
    }
}

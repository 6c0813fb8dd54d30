using System;
using System.Collections.Generic;
using System.Numerics;

namespace NetGen;

/// <summary>
/// An optimizer whose state can be saved and restored, so that training resumed from a checkpoint continues exactly:
/// the per-parameter tensors it keeps (named as PyTorch's optimizer state dictionaries name them) and its step count.
/// </summary>
/// <typeparam name="T"><see cref="float"/> or <see cref="double"/>.</typeparam>
public interface ICheckpointableOptimizer<T> : IOptimizer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The number of <see cref="IOptimizer{T}.Step"/> calls so far (or restored by <see cref="ImportState"/>).</summary>
    long StepCount { get; }

    /// <summary>The names of the tensors this optimizer keeps, each with one value per parameter; empty when it keeps none.</summary>
    IReadOnlyList<string> StateNames { get; }

    /// <summary>Copies of the state tensors by name: every name of <see cref="StateNames"/>, or none before the first step.</summary>
    IReadOnlyDictionary<string, T[]> ExportState();

    /// <summary>
    /// Replaces the state with copies of <paramref name="tensors"/> (as <see cref="ExportState"/> returns them) and the step
    /// count with <paramref name="stepCount"/>. The next step must have as many parameters as the tensors have values.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// The names are not exactly <see cref="StateNames"/> (or none, for an optimizer that has not stepped), the tensors differ
    /// in length, or the step count is negative or does not agree with the tensors; the optimizer is then not changed.
    /// </exception>
    void ImportState(IReadOnlyDictionary<string, T[]> tensors, long stepCount);
}

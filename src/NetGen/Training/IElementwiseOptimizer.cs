using System;
using System.Numerics;

namespace NetGen;

/// <summary>
/// An optimizer whose update of a parameter depends only on that parameter, its gradient and its own state for it, so
/// that a step can be applied slice by slice. A generated network's <c>TrainStep</c> uses this to update each dense layer
/// as soon as a few of its gradient rows are computed, while they are still in the processor's cache, instead of writing
/// every gradient to <see cref="INetwork{T}.Gradients"/> and reading it back. <see cref="Sgd{T}"/>, <see cref="Adam{T}"/>
/// and <see cref="AdamW{T}"/> implement it.
/// </summary>
/// <typeparam name="T"><see cref="float"/> or <see cref="double"/>.</typeparam>
public interface IElementwiseOptimizer<T> : IOptimizer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>
    /// Starts a step over <paramref name="parameterCount"/> parameters: checks the count against earlier steps, creates the
    /// state at the first step, and advances the step count. Each parameter is then updated exactly once, by
    /// <see cref="Update"/>, before the next step starts. <see cref="IOptimizer{T}.Step"/> is this and one
    /// <see cref="Update"/> of everything.
    /// </summary>
    /// <exception cref="ArgumentException">The count differs from that of earlier steps.</exception>
    void BeginStep(int parameterCount);

    /// <summary>
    /// Updates a slice of the parameters, the one starting at <paramref name="offset"/>, from its gradients. Several threads
    /// may update disjoint slices of the same step at once.
    /// </summary>
    /// <exception cref="ArgumentException">The spans differ in length, or the slice does not lie within the step's parameters.</exception>
    void Update(int offset, Span<T> parameters, ReadOnlySpan<T> gradients);

    /// <summary>
    /// Updates rows of parameters whose gradients are an outer product, <c>g[r, c] = rowScales[r]·columns[c]</c>: the
    /// gradient of a dense layer's weights for a single sample (its output gradient times its input). The same update as
    /// <see cref="Update"/> of those gradients, to the bit; this default computes them a piece at a time and calls it, an
    /// optimizer may apply them without writing them anywhere.
    /// </summary>
    /// <param name="offset">Where the rows start among the step's parameters.</param>
    /// <param name="parameters">The rows, <c>rowScales.Length × columns.Length</c> values, row after row.</param>
    /// <param name="rowScales">One factor per row.</param>
    /// <param name="columns">One factor per column.</param>
    /// <exception cref="ArgumentException">The parameters are not as many as rows times columns, or lie outside the step's parameters.</exception>
    void UpdateOuterProduct(int offset, Span<T> parameters, ReadOnlySpan<T> rowScales, ReadOnlySpan<T> columns) =>
        OuterProducts.UpdateByPieces(this, offset, parameters, rowScales, columns);
}

using System;
using System.Numerics;

namespace NetGen;

/// <summary><see cref="IOptimizer{T}.Step"/> of an <see cref="IElementwiseOptimizer{T}"/>: a step begun, then one update of every parameter.</summary>
internal static class WholeStep
{
    public static void Run<T>(IElementwiseOptimizer<T> optimizer, Span<T> parameters, ReadOnlySpan<T> gradients)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ParameterCountGuard.CheckLengths(parameters.Length, gradients.Length);
        optimizer.BeginStep(parameters.Length);
        optimizer.Update(0, parameters, gradients);
    }
}

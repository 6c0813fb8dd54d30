using System;
using System.Numerics;

namespace NetGen;

/// <summary>Samples for training or evaluation: each sample's inputs and its targets, stored one sample after the other.</summary>
/// <typeparam name="T"><see cref="float"/> or <see cref="double"/>.</typeparam>
public sealed class Dataset<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[] _inputs;
    private readonly T[] _targets;

    /// <summary>Wraps inputs and targets (the arrays are used, not copied).</summary>
    /// <param name="inputs">Count × <paramref name="inputSize"/> values.</param>
    /// <param name="targets">Count × <paramref name="targetSize"/> values: one-hot classes, or the values to regress.</param>
    /// <param name="inputSize">The number of inputs per sample.</param>
    /// <param name="targetSize">The number of targets per sample (the network's output size).</param>
    /// <exception cref="ArgumentException">The sizes are not positive, or the arrays do not hold the same whole number of samples.</exception>
    public Dataset(T[] inputs, T[] targets, int inputSize, int targetSize)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(targetSize);
        if (inputs.Length % inputSize != 0)
        {
            throw new ArgumentException($"The inputs hold {inputs.Length} values, not a whole number of samples of {inputSize}.", nameof(inputs));
        }
        int count = inputs.Length / inputSize;
        if (targets.Length != count * targetSize)
        {
            throw new ArgumentException(
                $"The inputs hold {count} samples, so the targets must hold {count} × {targetSize} = {count * targetSize} values; they hold {targets.Length}.",
                nameof(targets));
        }
        _inputs = inputs;
        _targets = targets;
        InputSize = inputSize;
        TargetSize = targetSize;
        Count = count;
    }

    /// <summary>The number of samples.</summary>
    public int Count { get; }

    /// <summary>The number of inputs per sample.</summary>
    public int InputSize { get; }

    /// <summary>The number of targets per sample.</summary>
    public int TargetSize { get; }

    /// <summary>All inputs, sample after sample.</summary>
    public ReadOnlySpan<T> Inputs => _inputs;

    /// <summary>All targets, sample after sample.</summary>
    public ReadOnlySpan<T> Targets => _targets;

    /// <summary>The inputs of sample <paramref name="index"/>.</summary>
    public ReadOnlySpan<T> InputOf(int index) => _inputs.AsSpan(index * InputSize, InputSize);

    /// <summary>The targets of sample <paramref name="index"/>.</summary>
    public ReadOnlySpan<T> TargetOf(int index) => _targets.AsSpan(index * TargetSize, TargetSize);
}

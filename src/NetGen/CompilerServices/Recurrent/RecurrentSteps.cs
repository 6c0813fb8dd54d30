using System;
using System.Numerics;
using System.Numerics.Tensors;

namespace NetGen.CompilerServices;

/// <summary>
/// What the recurrent cells' kernels share: the product with the previous state, the recurrent weights' gradients over a
/// sequence, and the checks of their arguments. Sequences are time-major, <c>[steps, batch, features]</c>, so that every
/// step's slice is a contiguous <c>[batch, features]</c> matrix the dense kernels take as it is.
/// </summary>
internal static class RecurrentSteps
{
    /// <summary>
    /// <c>z = W_hh·previous + b_hh</c> for one step, over <paramref name="gates"/> rows of <paramref name="weights"/>; an empty
    /// <paramref name="previous"/> is the zero state (PyTorch's default initial state), an empty <paramref name="biases"/> none.
    /// </summary>
    internal static void HiddenProduct<T>(ReadOnlySpan<T> previous, ReadOnlySpan<T> weights, ReadOnlySpan<T> biases, Span<T> z, int batch, int units, int gates)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!previous.IsEmpty)
        {
            DenseKernels.Forward(previous, weights, biases, z, batch, units, gates);
            return;
        }
        for (int s = 0; s < batch; s++)
        {
            Span<T> row = z.Slice(s * gates, gates);
            if (biases.IsEmpty)
            {
                row.Clear();
            }
            else
            {
                biases.CopyTo(row);
            }
        }
    }

    /// <summary>
    /// <c>∂W_hh += Σ_t dz_t·h_{t-1}ᵀ</c> and <c>∂b_hh += Σ_t dz_t</c> over a sequence: <paramref name="hiddenPreactivationGradients"/>
    /// <c>[steps, batch, gates]</c>, the states <paramref name="outputs"/> <c>[steps, batch, units]</c> and the initial state
    /// (empty: zero, which adds nothing to ∂W_hh). An empty <paramref name="biasGradients"/> is a cell without recurrent biases.
    /// </summary>
    internal static void HiddenWeightGradients<T>(
        ReadOnlySpan<T> hiddenPreactivationGradients, ReadOnlySpan<T> initialHidden, ReadOnlySpan<T> outputs,
        Span<T> weightGradients, Span<T> biasGradients, int steps, int batch, int units, int gates)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int gateStep = batch * gates;
        if (steps > 1) // h_{t-1} of steps 1..T-1 are the outputs of steps 0..T-2: one product
        {
            DenseKernels.ParameterGradients(hiddenPreactivationGradients[gateStep..], outputs[..((steps - 1) * batch * units)],
                weightGradients, Span<T>.Empty, (steps - 1) * batch, units, gates, accumulate: true);
        }
        if (!initialHidden.IsEmpty)
        {
            DenseKernels.ParameterGradients(hiddenPreactivationGradients[..gateStep], initialHidden, weightGradients, Span<T>.Empty,
                batch, units, gates, accumulate: true);
        }
        if (!biasGradients.IsEmpty)
        {
            for (int row = 0; row < steps * batch; row++)
            {
                TensorPrimitives.Add(biasGradients, hiddenPreactivationGradients.Slice(row * gates, gates), biasGradients);
            }
        }
    }

    /// <summary><c>target += source</c>, element by element.</summary>
    internal static void Add<T>(ReadOnlySpan<T> source, Span<T> target) where T : unmanaged, IFloatingPointIeee754<T> =>
        TensorPrimitives.Add(target, source, target);

    /// <summary>Copies <paramref name="source"/> to <paramref name="target"/>, or clears it when <paramref name="source"/> is empty (the zero state).</summary>
    internal static void CopyOrClear<T>(ReadOnlySpan<T> source, Span<T> target) where T : unmanaged
    {
        if (source.IsEmpty)
        {
            target.Clear();
        }
        else
        {
            source.CopyTo(target);
        }
    }

    internal static T Sigmoid<T>(T x) where T : IFloatingPointIeee754<T> => T.One / (T.One + T.Exp(-x));

    /// <exception cref="ArgumentOutOfRangeException">A size is not positive.</exception>
    internal static void CheckSizes(int steps, int batch, int inputs, int units)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(steps);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batch);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(units);
    }

    /// <exception cref="ArgumentException"><paramref name="actual"/> is not <paramref name="expected"/>.</exception>
    internal static void CheckLength(int actual, int expected, string name, string shape)
    {
        if (actual != expected)
        {
            throw new ArgumentException($"{name} holds {actual} values; it must hold {shape} = {expected}.", name);
        }
    }

    /// <exception cref="ArgumentException"><paramref name="actual"/> is neither 0 nor <paramref name="expected"/>.</exception>
    internal static void CheckOptionalLength(int actual, int expected, string name, string shape, string whenEmpty)
    {
        if (actual != 0 && actual != expected)
        {
            throw new ArgumentException($"{name} holds {actual} values; it must hold {shape} = {expected}, or none (an empty span) for {whenEmpty}.", name);
        }
    }

    /// <summary>
    /// Copies ∂L/∂h_t, <paramref name="hiddenGradient"/>, to step <paramref name="step"/> of <paramref name="hiddenGradients"/>
    /// <c>[steps, batch, units]</c>, unless that is empty (not wanted).
    /// </summary>
    internal static void StoreHiddenGradient<T>(ReadOnlySpan<T> hiddenGradient, Span<T> hiddenGradients, int step)
    {
        if (!hiddenGradients.IsEmpty)
        {
            hiddenGradient.CopyTo(hiddenGradients.Slice(step * hiddenGradient.Length, hiddenGradient.Length));
        }
    }

    internal static void CopyIfWanted<T>(ReadOnlySpan<T> source, Span<T> target)
    {
        if (!target.IsEmpty)
        {
            source.CopyTo(target);
        }
    }

    /// <summary>Checks the sizes and the weights (or their gradients, <paramref name="suffix"/> "Gradients") of a cell with <paramref name="gateCount"/> gates.</summary>
    internal static void CheckParameters(int gateCount, int weightIh, int weightHh, int biasIh, int biasHh, int steps, int batch, int inputs, int units, string suffix = "")
    {
        CheckSizes(steps, batch, inputs, units);
        CheckStacked(weightIh, gateCount, units * inputs, optional: false, "weightIh", suffix, "units·inputs");
        CheckStacked(weightHh, gateCount, units * units, optional: false, "weightHh", suffix, "units·units");
        CheckStacked(biasIh, gateCount, units, optional: true, "biasIh", suffix, "units");
        CheckStacked(biasHh, gateCount, units, optional: true, "biasHh", suffix, "units");
    }

    /// <summary>Checks the length of <paramref name="gateCount"/> stacked blocks; the message is built only when it throws (the checks run at every call).</summary>
    private static void CheckStacked(int actual, int gateCount, int perGate, bool optional, string name, string suffix, string perGateShape)
    {
        int expected = gateCount * perGate;
        if (actual == expected || (optional && actual == 0))
        {
            return;
        }
        string shape = gateCount == 1 ? perGateShape : $"{gateCount}·{perGateShape}";
        string whenEmpty = optional ? ", or none (an empty span) for a cell without biases" : "";
        throw new ArgumentException($"{name}{suffix} holds {actual} values; it must hold {shape} = {expected}{whenEmpty}.", name + suffix);
    }

    internal static void CheckStates(int input, int initialHidden, int outputs, int steps, int batch, int inputs, int units)
    {
        CheckLength(input, steps * batch * inputs, nameof(input), "steps·batch·inputs");
        CheckOptionalLength(initialHidden, batch * units, nameof(initialHidden), "batch·units", "the zero state");
        CheckLength(outputs, steps * batch * units, nameof(outputs), "steps·batch·units");
    }

    internal static void CheckGradients(
        int outputGradients, int finalHiddenGradients, int inputGradients, int initialHiddenGradients, int hiddenGradients, int steps, int batch, int inputs, int units)
    {
        CheckOptionalLength(outputGradients, steps * batch * units, nameof(outputGradients), "steps·batch·units", "no gradient of the outputs");
        CheckOptionalLength(finalHiddenGradients, batch * units, nameof(finalHiddenGradients), "batch·units", "no gradient of the final state");
        CheckOptionalLength(inputGradients, steps * batch * inputs, nameof(inputGradients), "steps·batch·inputs", "not wanted");
        CheckOptionalLength(initialHiddenGradients, batch * units, nameof(initialHiddenGradients), "batch·units", "not wanted");
        CheckOptionalLength(hiddenGradients, steps * batch * units, nameof(hiddenGradients), "steps·batch·units", "not wanted");
    }
}

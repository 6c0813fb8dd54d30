using System;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

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
    /// Below this many inputs the input products go through <c>W_ihᵀ</c>: the dense kernels vectorize along the inputs, and
    /// a row of 28 (row-by-row MNIST) is one vector and a scalar tail, which made <c>∂W_ih</c> 5 times slower per FLOP than
    /// <c>∂W_hh</c> (10 of a 28 ms LSTM step at batch 64); transposed, the products run along the 3 or 4·units gates instead.
    /// </summary>
    internal const int NarrowInputs = 64;

    /// <summary>
    /// <c>z = W_ih·x + b_ih</c> for every row of <paramref name="input"/> <c>[rows, inputs]</c> at once, into
    /// <paramref name="z"/> <c>[rows, gates]</c>: for narrow inputs as <c>z = b + x·W_ihᵀ</c> (the input-gradient product of
    /// the dense kernels, which runs along the gates), else as a dense layer.
    /// </summary>
    internal static void InputProduct<T>(ReadOnlySpan<T> input, ReadOnlySpan<T> weights, ReadOnlySpan<T> biases, Span<T> z, int rows, int inputs, int gates)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (inputs >= NarrowInputs)
        {
            DenseKernels.Forward(input, weights, biases, z, rows, inputs, gates);
            return;
        }
        Span<T> transposed = WeightLayoutCache<T>.Get(weights, new WeightBlocks(1, 0, 0, gates * inputs), WeightLayout.Transposed, gates * inputs, out bool current);
        if (!current)
        {
            Transpose(weights, transposed, gates, inputs);
        }
        unsafe
        {
            // Split over the rows, each thread its own: split over the inputs, as the input-gradient product splits, each
            // thread would write a whole [rows, gates] of partial sums to be added afterwards.
            fixed (T* x = input, transposedWeights = transposed, b = biases, products = z)
            {
                var arguments = new InputProductArguments<T>(
                    new(x, input.Length), new(transposedWeights, transposed.Length), new(b, biases.Length), new(products, z.Length), inputs, gates);
                KernelThreading.RunRanges(&InputProductRows<T>, (nint)(&arguments), rows, (long)rows * inputs * gates);
            }
        }
    }

    private readonly record struct InputProductArguments<T>(
        FixedSpan<T> Input, FixedSpan<T> TransposedWeights, FixedSpan<T> Biases, FixedSpan<T> Z, int Inputs, int Gates)
        where T : unmanaged;

    /// <summary>Rows <c>[first, end)</c> of <see cref="InputProduct"/>'s narrow case: <c>z = b + x·W_ihᵀ</c>.</summary>
    private static unsafe void InputProductRows<T>(nint arguments, int first, int end) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ref readonly InputProductArguments<T> a = ref *(InputProductArguments<T>*)arguments;
        int rows = end - first, gates = a.Gates;
        Span<T> z = a.Z.Span.Slice(first * gates, rows * gates);
        for (int row = 0; row < rows; row++)
        {
            CopyOrClear(a.Biases.Span, z.Slice(row * gates, gates));
        }
        DenseKernels.AccumulateInputGradients(a.Input.Span.Slice(first * a.Inputs, rows * a.Inputs), a.TransposedWeights.Span, z, rows, gates, a.Inputs);
    }

    /// <summary>
    /// <c>∂W_ih += Σ_rows dz·xᵀ</c> and <c>∂b_ih += Σ_rows dz</c> (an empty <paramref name="biasGradients"/>: no biases) over
    /// <paramref name="preactivationGradients"/> <c>[rows, gates]</c> and <paramref name="input"/> <c>[rows, inputs]</c>; for
    /// narrow inputs as <c>∂W_ihᵀ = xᵀ·dz</c>, along the gates (see <see cref="NarrowInputs"/>), added back transposed.
    /// </summary>
    internal static void InputWeightGradients<T>(
        ReadOnlySpan<T> preactivationGradients, ReadOnlySpan<T> input, Span<T> weightGradients, Span<T> biasGradients, int rows, int inputs, int gates)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (inputs >= NarrowInputs)
        {
            DenseKernels.ParameterGradients(preactivationGradients, input, weightGradients, biasGradients, rows, inputs, gates, accumulate: true);
            return;
        }
        Span<T> transposed = TransposeBuffer<T>.Get(inputs * gates);
        DenseKernels.ParameterGradients(input, preactivationGradients, transposed, Span<T>.Empty, rows, gates, inputs, accumulate: false);
        AddTransposed(transposed, weightGradients, inputs, gates);
        AddRows(preactivationGradients, biasGradients, rows, gates);
    }

    /// <summary>How many rows of the source a transposition takes at a time: their lines stay in L1 while its columns are read.</summary>
    private const int TransposeBlock = 32;

    /// <summary><c>target[c, r] = source[r, c]</c> for <paramref name="source"/> <c>[rows, columns]</c>.</summary>
    private static void Transpose<T>(ReadOnlySpan<T> source, Span<T> target, int rows, int columns) where T : unmanaged
    {
        ref T s0 = ref MemoryMarshal.GetReference(source);
        ref T t0 = ref MemoryMarshal.GetReference(target);
        for (int start = 0; start < rows; start += TransposeBlock)
        {
            int end = Math.Min(start + TransposeBlock, rows);
            for (int c = 0; c < columns; c++)
            {
                for (int r = start; r < end; r++)
                {
                    Unsafe.Add(ref t0, c * rows + r) = Unsafe.Add(ref s0, r * columns + c);
                }
            }
        }
    }

    /// <summary><c>target[r, c] += source[c, r]</c> for <paramref name="target"/> <c>[rows, columns]</c>.</summary>
    private static void AddTransposed<T>(ReadOnlySpan<T> source, Span<T> target, int columns, int rows) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ref T s0 = ref MemoryMarshal.GetReference(source);
        ref T t0 = ref MemoryMarshal.GetReference(target);
        for (int start = 0; start < rows; start += TransposeBlock)
        {
            int end = Math.Min(start + TransposeBlock, rows);
            for (int c = 0; c < columns; c++)
            {
                for (int r = start; r < end; r++)
                {
                    Unsafe.Add(ref t0, r * columns + c) += Unsafe.Add(ref s0, c * rows + r);
                }
            }
        }
    }

    /// <summary>
    /// The transposed input weights' gradients, <c>[inputs, gates]</c>: a buffer per thread and type, allocated on
    /// a thread's first call (and again only for a larger layer), so that a training step allocates nothing.
    /// </summary>
    private static class TransposeBuffer<T>
    {
        [ThreadStatic]
        private static T[]? t_values;

        internal static Span<T> Get(int length)
        {
            if (t_values is null || t_values.Length < length)
            {
                t_values = new T[length];
            }
            return t_values.AsSpan(0, length);
        }
    }

    /// <summary>
    /// <c>sums += Σ_rows values[row]</c> over <paramref name="rows"/> rows of <paramref name="width"/>; nothing when
    /// <paramref name="sums"/> is empty. Split over the columns, so that the threads keep working between the sequence's
    /// products (a whole sequence's rows take long enough for an idle worker to block), each column summed in the same order.
    /// </summary>
    private static void AddRows<T>(ReadOnlySpan<T> values, Span<T> sums, int rows, int width) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (sums.IsEmpty)
        {
            return;
        }
        unsafe
        {
            fixed (T* v = values, total = sums)
            {
                var arguments = new AddRowsArguments<T>(new(v, values.Length), new(total, sums.Length), rows, width);
                KernelThreading.RunRanges(&AddRowsColumns<T>, (nint)(&arguments), width, (long)rows * width);
            }
        }
    }

    private readonly record struct AddRowsArguments<T>(FixedSpan<T> Values, FixedSpan<T> Sums, int Rows, int Width) where T : unmanaged;

    private static unsafe void AddRowsColumns<T>(nint arguments, int first, int end) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ref readonly AddRowsArguments<T> a = ref *(AddRowsArguments<T>*)arguments;
        Span<T> sums = a.Sums.Span[first..end];
        ReadOnlySpan<T> values = a.Values.Span;
        for (int row = 0; row < a.Rows; row++)
        {
            TensorPrimitives.Add(sums, values.Slice(row * a.Width + first, end - first), sums);
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
        AddRows(hiddenPreactivationGradients, biasGradients, steps * batch, gates);
    }

    /// <summary>The multiply-adds of a sequence's recurrent products: what decides whether its samples are split over threads.</summary>
    internal static long RecurrentWork(int steps, int batch, int units, int gates) => (long)steps * batch * units * gates;

    /// <summary><paramref name="span"/>'s slice, or <paramref name="span"/> itself when it is empty (the zero state, no gradient).</summary>
    internal static ReadOnlySpan<T> SliceUnlessEmpty<T>(ReadOnlySpan<T> span, int start, int length) => span.IsEmpty ? span : span.Slice(start, length);

    /// <inheritdoc cref="SliceUnlessEmpty{T}(ReadOnlySpan{T}, int, int)"/>
    internal static Span<T> SliceUnlessEmpty<T>(Span<T> span, int start, int length) => span.IsEmpty ? span : span.Slice(start, length);

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

    /// <exception cref="ArgumentOutOfRangeException">A size is not positive.</exception>
    internal static void CheckSizes(int steps, int batch, int inputs, int units)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(steps);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batch);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(units);
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
        SpanLengths.Check(input, steps * batch * inputs, nameof(input), "steps·batch·inputs");
        SpanLengths.CheckOptional(initialHidden, batch * units, nameof(initialHidden), "batch·units", "the zero state");
        SpanLengths.Check(outputs, steps * batch * units, nameof(outputs), "steps·batch·units");
    }

    internal static void CheckGradients(
        int outputGradients, int finalHiddenGradients, int inputGradients, int initialHiddenGradients, int hiddenGradients, int steps, int batch, int inputs, int units)
    {
        SpanLengths.CheckOptional(outputGradients, steps * batch * units, nameof(outputGradients), "steps·batch·units", "no gradient of the outputs");
        SpanLengths.CheckOptional(finalHiddenGradients, batch * units, nameof(finalHiddenGradients), "batch·units", "no gradient of the final state");
        SpanLengths.CheckOptional(inputGradients, steps * batch * inputs, nameof(inputGradients), "steps·batch·inputs", "not wanted");
        SpanLengths.CheckOptional(initialHiddenGradients, batch * units, nameof(initialHiddenGradients), "batch·units", "not wanted");
        SpanLengths.CheckOptional(hiddenGradients, steps * batch * units, nameof(hiddenGradients), "steps·batch·units", "not wanted");
    }
}

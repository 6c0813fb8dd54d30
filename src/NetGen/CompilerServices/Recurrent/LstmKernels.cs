using System;
using System.ComponentModel;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using static NetGen.CompilerServices.RecurrentSteps;

namespace NetGen.CompilerServices;

/// <summary>
/// PyTorch's <c>nn.LSTM</c> cell over a whole sequence for a batch, forward and backpropagation through time, with its
/// definitions, gate order (i, f, g, o) and weight layout, so that a PyTorch state dict maps one to one:
/// <c>i = σ(W_ii x + b_ii + W_hi h + b_hi)</c>, <c>f = σ(W_if x + b_if + W_hf h + b_hf)</c>, <c>g = tanh(W_ig x + b_ig + W_hg h + b_hg)</c>,
/// <c>o = σ(W_io x + b_io + W_ho h + b_ho)</c>, <c>c_t = f⊙c_{t-1} + i⊙g</c>, <c>h_t = o⊙tanh(c_t)</c>.
/// Weights are row-major, <c>weight_ih</c> <c>[4·units, inputs]</c> and <c>weight_hh</c> <c>[4·units, units]</c>, the gates
/// stacked in the order i, f, g, o; <c>bias_ih</c> and <c>bias_hh</c> <c>[4·units]</c>. Sequences are time-major (PyTorch's
/// default, <c>batch_first = false</c>; every step is then one contiguous <c>[batch, ·]</c> matrix for the dense kernels): inputs <c>[steps, batch, inputs]</c>, outputs <c>[steps, batch, units]</c>; states
/// <c>[batch, units]</c>. Nothing is allocated: the caller passes the caches and scratch, sized by the <c>…Length</c> methods.
/// This API is for use by the code the NetGen source generator writes and should not be called directly.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class LstmKernels
{
    /// <summary>The length of the gate cache <see cref="Forward"/> fills and <see cref="Backward"/> reads: <c>steps·batch·4·units</c>.</summary>
    public static int GatesLength(int steps, int batch, int units) => steps * batch * 4 * units;

    /// <summary>The length of <see cref="Forward"/>'s scratch: <c>batch·4·units</c>.</summary>
    public static int ForwardScratchLength(int batch, int units) => batch * 4 * units;

    /// <summary>The length of <see cref="Backward"/>'s workspace: <c>steps·batch·4·units + 2·batch·units</c>.</summary>
    public static int BackwardWorkspaceLength(int steps, int batch, int units) => steps * batch * 4 * units + 2 * batch * units;

    /// <summary>
    /// Runs the cell over the sequence: writes every step's hidden state to <paramref name="outputs"/> (the last step's is
    /// <c>h_n</c>), every step's cell state to <paramref name="cells"/> (the last is <c>c_n</c>) and the activated gates
    /// i, f, g, o of every step to <paramref name="gates"/> <c>[steps, batch, 4·units]</c> for <see cref="Backward"/>.
    /// Empty initial states are zero (PyTorch's default); empty biases are a cell without them (<c>bias = false</c>).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive.</exception>
    /// <exception cref="ArgumentException">A span's length is not the one its shape gives (optional ones: nor 0).</exception>
    public static void Forward<T>(
        ReadOnlySpan<T> input, ReadOnlySpan<T> weightIh, ReadOnlySpan<T> weightHh, ReadOnlySpan<T> biasIh, ReadOnlySpan<T> biasHh,
        ReadOnlySpan<T> initialHidden, ReadOnlySpan<T> initialCell, Span<T> outputs, Span<T> cells, Span<T> gates, Span<T> scratch,
        int steps, int batch, int inputs, int units)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckParameters(4, weightIh.Length, weightHh.Length, biasIh.Length, biasHh.Length, steps, batch, inputs, units);
        CheckStates(input.Length, initialHidden.Length, outputs.Length, steps, batch, inputs, units);
        SpanLengths.CheckOptional(initialCell.Length, batch * units, nameof(initialCell), "batch·units", "the zero state");
        SpanLengths.Check(cells.Length, steps * batch * units, nameof(cells), "steps·batch·units");
        SpanLengths.Check(gates.Length, GatesLength(steps, batch, units), nameof(gates), "steps·batch·4·units");
        SpanLengths.Check(scratch.Length, ForwardScratchLength(batch, units), nameof(scratch), "batch·4·units");

        int width = 4 * units;
        InputProduct(input, weightIh, biasIh, gates, steps * batch, inputs, width); // W_ih·x + b_ih for every step at once
        unsafe
        {
            fixed (T* weights = weightHh, biases = biasHh, hidden0 = initialHidden, cell0 = initialCell, hidden = outputs, cell = cells, gate = gates, z = scratch)
            {
                var arguments = new ForwardArguments<T>(
                    new(weights, weightHh.Length), new(biases, biasHh.Length), new(hidden0, initialHidden.Length), new(cell0, initialCell.Length),
                    new(hidden, outputs.Length), new(cell, cells.Length), new(gate, gates.Length), new(z, scratch.Length), steps, batch, units);
                if (batch == 1)
                {
                    var published = new OneSampleRecurrence.PublishedSteps();
                    arguments = arguments with { Published = (nint)(&published), Parts = OneSampleRecurrence.Parts(units, 4) };
                    OneSampleRecurrence.Run(&ForwardUnits<T>, (nint)(&arguments), arguments.Parts, steps, units, 4);
                }
                else
                {
                    KernelThreading.RunRanges(&ForwardSamples<T>, (nint)(&arguments), batch, RecurrentWork(steps, batch, units, width));
                }
            }
        }
    }

    /// <summary>The spans <see cref="Forward"/> hands to each range of samples, fixed for the duration of the call.</summary>
    private readonly record struct ForwardArguments<T>(
        FixedSpan<T> WeightHh, FixedSpan<T> BiasHh, FixedSpan<T> InitialHidden, FixedSpan<T> InitialCell,
        FixedSpan<T> Outputs, FixedSpan<T> Cells, FixedSpan<T> Gates, FixedSpan<T> Scratch, int Steps, int Batch, int Units,
        nint Published = 0, int Parts = 1)
        where T : unmanaged;

    private static unsafe void ForwardSamples<T>(nint arguments, int first, int end) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ref readonly ForwardArguments<T> a = ref *(ForwardArguments<T>*)arguments;
        ForwardSamples(a.WeightHh.Span, a.BiasHh.Span, a.InitialHidden.Span, a.InitialCell.Span, a.Outputs.Span, a.Cells.Span, a.Gates.Span,
            a.Scratch.Span, a.Steps, a.Batch, a.Units, first, end);
    }

    /// <summary>
    /// The recurrence of <see cref="Forward"/> for samples <c>[first, end)</c>, whose steps depend on no other sample: each
    /// range runs on its own thread, from the input products in <paramref name="gates"/> to the outputs.
    /// </summary>
    private static void ForwardSamples<T>(
        ReadOnlySpan<T> weightHh, ReadOnlySpan<T> biasHh, ReadOnlySpan<T> initialHidden, ReadOnlySpan<T> initialCell,
        Span<T> outputs, Span<T> cells, Span<T> gates, Span<T> scratch, int steps, int batch, int units, int first, int end)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int width = 4 * units, stateStep = batch * units, rows = end - first, state = rows * units;
        Span<T> z = scratch.Slice(first * width, rows * width);
        for (int t = 0; t < steps; t++)
        {
            ReadOnlySpan<T> previousHidden = t == 0 ? SliceUnlessEmpty(initialHidden, first * units, state) : outputs.Slice((t - 1) * stateStep + first * units, state);
            ReadOnlySpan<T> previousCell = t == 0 ? SliceUnlessEmpty(initialCell, first * units, state) : cells.Slice((t - 1) * stateStep + first * units, state);
            HiddenProduct(previousHidden, weightHh, biasHh, z, rows, units, width);
            for (int s = 0; s < rows; s++)
            {
                Span<T> gate = gates.Slice((t * batch + first + s) * width, width);
                ReadOnlySpan<T> recurrent = z.Slice(s * width, width);
                int row = t * stateStep + (first + s) * units;
                Step(gate[..units], gate.Slice(units, units), gate.Slice(2 * units, units), gate[(3 * units)..],
                    recurrent[..units], recurrent.Slice(units, units), recurrent.Slice(2 * units, units), recurrent[(3 * units)..],
                    previousCell.IsEmpty ? previousCell : previousCell.Slice(s * units, units), cells.Slice(row, units), outputs.Slice(row, units));
            }
        }
    }

    private static unsafe void ForwardUnits<T>(nint arguments, int first, int end) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ref readonly ForwardArguments<T> a = ref *(ForwardArguments<T>*)arguments;
        ForwardUnits(new OneSampleRecurrence<T>(first, end, a.Parts, a.Published, a.WeightHh.Span, a.Units, 4),
            a.BiasHh.Span, a.InitialHidden.Span, a.InitialCell.Span, a.Outputs.Span, a.Cells.Span, a.Gates.Span, a.Steps, a.Units);
    }

    /// <summary>The recurrence of <see cref="Forward"/> for one sample, over <paramref name="part"/>'s units (<see cref="OneSampleRecurrence{T}"/>).</summary>
    private static void ForwardUnits<T>(
        OneSampleRecurrence<T> part, ReadOnlySpan<T> biasHh, ReadOnlySpan<T> initialHidden, ReadOnlySpan<T> initialCell,
        Span<T> outputs, Span<T> cells, Span<T> gates, int steps, int units)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int width = 4 * units, start = part.Start, length = part.Length;
        Span<T> z = part.Z, gate = part.Gates, cell = part.States[..length], hidden = part.States.Slice(length, length);
        for (int t = 0; t < steps; t++)
        {
            if (t > 0)
            {
                part.WaitForStep(t - 1, outputs.Slice((t - 1) * units, units));
            }
            ReadOnlySpan<T> previousHidden = t == 0 ? initialHidden : outputs.Slice((t - 1) * units, units);
            ReadOnlySpan<T> previousCell = t == 0 ? initialCell : cells.Slice((t - 1) * units, units);
            part.HiddenProduct(previousHidden, biasHh);
            Span<T> stepGates = gates.Slice(t * width, width);
            part.GatherGates(stepGates);
            Step(part.Block(gate, 0), part.Block(gate, 1), part.Block(gate, 2), part.Block(gate, 3),
                part.Block(z, 0), part.Block(z, 1), part.Block(z, 2), part.Block(z, 3),
                previousCell.IsEmpty ? previousCell : previousCell.Slice(start, length), cell, hidden);
            part.ScatterGates(stepGates);
            cell.CopyTo(cells.Slice(t * units + start, length));
            hidden.CopyTo(outputs.Slice(t * units + start, length));
            part.Publish(t);
        }
    }

    /// <summary>
    /// One step's gates and states for some units of one sample: <paramref name="input"/>, <paramref name="forget"/>,
    /// <paramref name="candidate"/> and <paramref name="output"/> hold <c>W_i· x + b_i·</c> and receive the activated gates
    /// after adding <c>W_h· h + b_h·</c> (<paramref name="hi"/> to <paramref name="ho"/>); <paramref name="previousCell"/> empty
    /// is the zero state.
    /// </summary>
    private static void Step<T>(
        Span<T> input, Span<T> forget, Span<T> candidate, Span<T> output, ReadOnlySpan<T> hi, ReadOnlySpan<T> hf, ReadOnlySpan<T> hg, ReadOnlySpan<T> ho,
        ReadOnlySpan<T> previousCell, Span<T> cell, Span<T> hidden)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        TensorPrimitives.Add(input, hi, input);
        GateActivations.Sigmoid(input, input);
        TensorPrimitives.Add(forget, hf, forget);
        GateActivations.Sigmoid(forget, forget);
        TensorPrimitives.Add(candidate, hg, candidate);
        GateActivations.Tanh(candidate, candidate);
        TensorPrimitives.Add(output, ho, output);
        GateActivations.Sigmoid(output, output);
        TensorPrimitives.Multiply(input, candidate, cell); // i⊙g
        if (!previousCell.IsEmpty)
        {
            TensorPrimitives.MultiplyAdd(forget, previousCell, cell, cell); // + f⊙c_{t-1}
        }
        GateActivations.Tanh(cell, hidden);
        TensorPrimitives.Multiply(hidden, output, hidden);
    }

    /// <summary>
    /// Backpropagation through time of a <see cref="Forward"/> call (same input, weights, initial states, and the outputs,
    /// cells and gates it wrote). The loss's gradients come as <paramref name="outputGradients"/> <c>[steps, batch, units]</c>
    /// (every step's output; empty: none, as for a layer returning only its last state) and the gradients of the final hidden
    /// and cell states <c>[batch, units]</c> (empty: none). Adds the weights' and biases' gradients to the gradient spans
    /// (empty bias gradients for a cell without biases) and the input's to <paramref name="inputGradients"/> (empty: not
    /// wanted); writes the initial states' gradients (empty: not wanted). For the gradient monitor,
    /// <paramref name="hiddenGradients"/> <c>[steps, batch, units]</c> (empty: not wanted) receives ∂L/∂h_t for every step t:
    /// the whole gradient reaching h_t, from the output at t and through step t + 1 (at the last step, from the final
    /// state's gradient).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive.</exception>
    /// <exception cref="ArgumentException">A span's length is not the one its shape gives (optional ones: nor 0).</exception>
    public static void Backward<T>(
        ReadOnlySpan<T> input, ReadOnlySpan<T> weightIh, ReadOnlySpan<T> weightHh, ReadOnlySpan<T> initialHidden, ReadOnlySpan<T> initialCell,
        ReadOnlySpan<T> outputs, ReadOnlySpan<T> cells, ReadOnlySpan<T> gates,
        ReadOnlySpan<T> outputGradients, ReadOnlySpan<T> finalHiddenGradients, ReadOnlySpan<T> finalCellGradients,
        Span<T> weightIhGradients, Span<T> weightHhGradients, Span<T> biasIhGradients, Span<T> biasHhGradients,
        Span<T> inputGradients, Span<T> initialHiddenGradients, Span<T> hiddenGradients, Span<T> initialCellGradients, Span<T> workspace,
        int steps, int batch, int inputs, int units)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckParameters(4, weightIhGradients.Length, weightHhGradients.Length, biasIhGradients.Length, biasHhGradients.Length, steps, batch, inputs, units, "Gradients");
        CheckParameters(4, weightIh.Length, weightHh.Length, 0, 0, steps, batch, inputs, units);
        CheckStates(input.Length, initialHidden.Length, outputs.Length, steps, batch, inputs, units);
        SpanLengths.CheckOptional(initialCell.Length, batch * units, nameof(initialCell), "batch·units", "the zero state");
        SpanLengths.Check(cells.Length, steps * batch * units, nameof(cells), "steps·batch·units");
        SpanLengths.Check(gates.Length, GatesLength(steps, batch, units), nameof(gates), "steps·batch·4·units");
        CheckGradients(outputGradients.Length, finalHiddenGradients.Length, inputGradients.Length, initialHiddenGradients.Length, hiddenGradients.Length, steps, batch, inputs, units);
        SpanLengths.CheckOptional(finalCellGradients.Length, batch * units, nameof(finalCellGradients), "batch·units", "no gradient of the final cell state");
        SpanLengths.CheckOptional(initialCellGradients.Length, batch * units, nameof(initialCellGradients), "batch·units", "not wanted");
        SpanLengths.Check(workspace.Length, BackwardWorkspaceLength(steps, batch, units), nameof(workspace), "steps·batch·4·units + 2·batch·units");

        int width = 4 * units, stateStep = batch * units;
        Span<T> preactivationGradients = workspace[..(steps * batch * width)];
        Span<T> hiddenGradient = workspace.Slice(steps * batch * width, stateStep);
        Span<T> cellGradient = workspace.Slice(steps * batch * width + stateStep, stateStep);
        CopyOrClear(finalHiddenGradients, hiddenGradient);
        CopyOrClear(finalCellGradients, cellGradient);
        unsafe
        {
            fixed (T* weights = weightHh, cell0 = initialCell, cell = cells, gate = gates, dOutputs = outputGradients, dHiddens = hiddenGradients,
                dz = preactivationGradients, dHidden = hiddenGradient, dCell = cellGradient)
            {
                var arguments = new BackwardArguments<T>(
                    new(weights, weightHh.Length), new(cell0, initialCell.Length), new(cell, cells.Length), new(gate, gates.Length),
                    new(dOutputs, outputGradients.Length), new(dHiddens, hiddenGradients.Length), new(dz, preactivationGradients.Length),
                    new(dHidden, hiddenGradient.Length), new(dCell, cellGradient.Length), !initialHiddenGradients.IsEmpty, steps, batch, units);
                KernelThreading.RunRanges(&BackwardSamples<T>, (nint)(&arguments), batch, RecurrentWork(steps, batch, units, width));
            }
        }
        CopyIfWanted(hiddenGradient, initialHiddenGradients);
        CopyIfWanted(cellGradient, initialCellGradients);
        // The input and the recurrent products share the pre-activations, so their gradients are the same.
        InputWeightGradients(preactivationGradients, input, weightIhGradients, biasIhGradients, steps * batch, inputs, width);
        HiddenWeightGradients(preactivationGradients, initialHidden, outputs, weightHhGradients, biasHhGradients, steps, batch, units, width);
        if (!inputGradients.IsEmpty)
        {
            DenseKernels.AccumulateInputGradients(preactivationGradients, weightIh, inputGradients, steps * batch, inputs, width);
        }
    }

    /// <summary>The spans <see cref="Backward"/> hands to each range of samples, fixed for the duration of the call.</summary>
    private readonly record struct BackwardArguments<T>(
        FixedSpan<T> WeightHh, FixedSpan<T> InitialCell, FixedSpan<T> Cells, FixedSpan<T> Gates, FixedSpan<T> OutputGradients,
        FixedSpan<T> HiddenGradients, FixedSpan<T> PreactivationGradients, FixedSpan<T> HiddenGradient, FixedSpan<T> CellGradient,
        bool WantsInitialHiddenGradient, int Steps, int Batch, int Units)
        where T : unmanaged;

    private static unsafe void BackwardSamples<T>(nint arguments, int first, int end) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ref readonly BackwardArguments<T> a = ref *(BackwardArguments<T>*)arguments;
        BackwardSamples<T>(a.WeightHh.Span, a.InitialCell.Span, a.Cells.Span, a.Gates.Span, a.OutputGradients.Span, a.HiddenGradients.Span,
            a.PreactivationGradients.Span, a.HiddenGradient.Span, a.CellGradient.Span, a.WantsInitialHiddenGradient, a.Steps, a.Batch, a.Units, first, end);
    }

    /// <summary>
    /// Backpropagation through time of <see cref="Backward"/> for samples <c>[first, end)</c>, from the final states'
    /// gradients in <paramref name="hiddenGradient"/> and <paramref name="cellGradient"/> to the initial states' and every
    /// step's pre-activation gradients: no sample's depend on another's, so each range runs on its own thread.
    /// </summary>
    private static void BackwardSamples<T>(
        ReadOnlySpan<T> weightHh, ReadOnlySpan<T> initialCell, ReadOnlySpan<T> cells, ReadOnlySpan<T> gates, ReadOnlySpan<T> outputGradients,
        Span<T> hiddenGradients, Span<T> preactivationGradients, Span<T> hiddenGradient, Span<T> cellGradient, bool wantsInitialHiddenGradient,
        int steps, int batch, int units, int first, int end)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int width = 4 * units, stateStep = batch * units, rows = end - first, state = rows * units;
        Span<T> dh = hiddenGradient.Slice(first * units, state), dc = cellGradient.Slice(first * units, state);
        for (int t = steps - 1; t >= 0; t--)
        {
            int stepRows = t * stateStep + first * units;
            if (!outputGradients.IsEmpty)
            {
                Add(outputGradients.Slice(stepRows, state), dh);
            }
            CopyIfWanted(dh, SliceUnlessEmpty(hiddenGradients, stepRows, state));
            ReadOnlySpan<T> previousCell = t == 0 ? SliceUnlessEmpty(initialCell, first * units, state) : cells.Slice(stepRows - stateStep, state);
            Span<T> stepGradients = preactivationGradients.Slice((t * batch + first) * width, rows * width);
            for (int s = 0; s < rows; s++)
            {
                int row = s * units;
                Span<T> dz = stepGradients.Slice(s * width, width);
                GateActivations.Tanh(cells.Slice(stepRows + row, units), dz[(3 * units)..]); // read back by CellGradients
                CellGradients(gates.Slice((t * batch + first + s) * width, width), SliceUnlessEmpty(previousCell, row, units),
                    dh.Slice(row, units), dc.Slice(row, units), dz, units);
            }
            if (t == 0 && !wantsInitialHiddenGradient)
            {
                break; // ∂L/∂h_{-1} = W_hhᵀ·dz_0 only feeds the initial state's gradient
            }
            dh.Clear();
            DenseKernels.AccumulateInputGradients(stepGradients, weightHh, dh, rows, units, width);
        }
    }

    /// <summary>
    /// One sample's gate pre-activation gradients at one step (<paramref name="dz"/>, whose o block holds tanh(c_t) on
    /// entry), from ∂L/∂h_t and ∂L/∂c_t; <paramref name="cellGradient"/> becomes ∂L/∂c_{t-1} (its path through f).
    /// </summary>
    private static void CellGradients<T>(
        ReadOnlySpan<T> gate, ReadOnlySpan<T> previousCell, ReadOnlySpan<T> hiddenGradient, Span<T> cellGradient, Span<T> dz, int units)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ref T gate0 = ref MemoryMarshal.GetReference(gate);
        ref T dz0 = ref MemoryMarshal.GetReference(dz);
        ref T dh0 = ref MemoryMarshal.GetReference(hiddenGradient);
        ref T dc0 = ref MemoryMarshal.GetReference(cellGradient);
        ref T cPrevious0 = ref MemoryMarshal.GetReference(previousCell);
        bool zeroState = previousCell.IsEmpty;
        nuint u = (nuint)units, f = u, g = 2 * u, o = 3 * u;
        nuint j = 0;
        if (Vector.IsHardwareAccelerated && Vector<T>.IsSupported)
        {
            Vector<T> one = Vector<T>.One;
            for (; j + (nuint)Vector<T>.Count <= u; j += (nuint)Vector<T>.Count)
            {
                Vector<T> vi = Vector.LoadUnsafe(ref gate0, j), vf = Vector.LoadUnsafe(ref gate0, f + j);
                Vector<T> vg = Vector.LoadUnsafe(ref gate0, g + j), vo = Vector.LoadUnsafe(ref gate0, o + j);
                Vector<T> tanhC = Vector.LoadUnsafe(ref dz0, o + j), dh = Vector.LoadUnsafe(ref dh0, j);
                Vector<T> cPrevious = zeroState ? Vector<T>.Zero : Vector.LoadUnsafe(ref cPrevious0, j);
                Vector<T> dc = Vector.LoadUnsafe(ref dc0, j) + dh * vo * (one - tanhC * tanhC);
                (dc * vg * vi * (one - vi)).StoreUnsafe(ref dz0, j);
                (dc * cPrevious * vf * (one - vf)).StoreUnsafe(ref dz0, f + j);
                (dc * vi * (one - vg * vg)).StoreUnsafe(ref dz0, g + j);
                (dh * tanhC * vo * (one - vo)).StoreUnsafe(ref dz0, o + j);
                (dc * vf).StoreUnsafe(ref dc0, j);
            }
        }
        for (; j < u; j++)
        {
            T i = Unsafe.Add(ref gate0, j), vf = Unsafe.Add(ref gate0, f + j), vg = Unsafe.Add(ref gate0, g + j), vo = Unsafe.Add(ref gate0, o + j);
            T tanhC = Unsafe.Add(ref dz0, o + j), dh = Unsafe.Add(ref dh0, j);
            T cPrevious = zeroState ? T.Zero : Unsafe.Add(ref cPrevious0, j);
            T dc = Unsafe.Add(ref dc0, j) + dh * vo * (T.One - tanhC * tanhC);
            Unsafe.Add(ref dz0, j) = dc * vg * i * (T.One - i);
            Unsafe.Add(ref dz0, f + j) = dc * cPrevious * vf * (T.One - vf);
            Unsafe.Add(ref dz0, g + j) = dc * i * (T.One - vg * vg);
            Unsafe.Add(ref dz0, o + j) = dh * tanhC * vo * (T.One - vo);
            Unsafe.Add(ref dc0, j) = dc * vf;
        }
    }
}

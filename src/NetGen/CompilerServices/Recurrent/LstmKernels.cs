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
        CheckOptionalLength(initialCell.Length, batch * units, nameof(initialCell), "batch·units", "the zero state");
        CheckLength(cells.Length, steps * batch * units, nameof(cells), "steps·batch·units");
        CheckLength(gates.Length, GatesLength(steps, batch, units), nameof(gates), "steps·batch·4·units");
        CheckLength(scratch.Length, ForwardScratchLength(batch, units), nameof(scratch), "batch·4·units");

        int width = 4 * units, stateStep = batch * units;
        InputProduct(input, weightIh, biasIh, gates, steps * batch, inputs, width); // W_ih·x + b_ih for every step at once
        for (int t = 0; t < steps; t++)
        {
            ReadOnlySpan<T> previousHidden = t == 0 ? initialHidden : outputs.Slice((t - 1) * stateStep, stateStep);
            ReadOnlySpan<T> previousCell = t == 0 ? initialCell : cells.Slice((t - 1) * stateStep, stateStep);
            HiddenProduct(previousHidden, weightHh, biasHh, scratch, batch, units, width);
            Span<T> stepGates = gates.Slice(t * batch * width, batch * width);
            TensorPrimitives.Add(stepGates, scratch, stepGates);
            for (int s = 0; s < batch; s++)
            {
                Span<T> gate = stepGates.Slice(s * width, width);
                Span<T> inputAndForget = gate[..(2 * units)], candidate = gate.Slice(2 * units, units), output = gate[(3 * units)..];
                GateActivations.Sigmoid(inputAndForget, inputAndForget);
                GateActivations.Tanh(candidate, candidate);
                GateActivations.Sigmoid(output, output);
                Span<T> cell = cells.Slice(t * stateStep + s * units, units), hidden = outputs.Slice(t * stateStep + s * units, units);
                TensorPrimitives.Multiply(gate[..units], candidate, cell); // i⊙g
                if (!previousCell.IsEmpty)
                {
                    TensorPrimitives.MultiplyAdd(gate.Slice(units, units), previousCell.Slice(s * units, units), cell, cell); // + f⊙c_{t-1}
                }
                GateActivations.Tanh(cell, hidden);
                TensorPrimitives.Multiply(hidden, output, hidden);
            }
        }
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
        CheckOptionalLength(initialCell.Length, batch * units, nameof(initialCell), "batch·units", "the zero state");
        CheckLength(cells.Length, steps * batch * units, nameof(cells), "steps·batch·units");
        CheckLength(gates.Length, GatesLength(steps, batch, units), nameof(gates), "steps·batch·4·units");
        CheckGradients(outputGradients.Length, finalHiddenGradients.Length, inputGradients.Length, initialHiddenGradients.Length, hiddenGradients.Length, steps, batch, inputs, units);
        CheckOptionalLength(finalCellGradients.Length, batch * units, nameof(finalCellGradients), "batch·units", "no gradient of the final cell state");
        CheckOptionalLength(initialCellGradients.Length, batch * units, nameof(initialCellGradients), "batch·units", "not wanted");
        CheckLength(workspace.Length, BackwardWorkspaceLength(steps, batch, units), nameof(workspace), "steps·batch·4·units + 2·batch·units");

        int width = 4 * units, stateStep = batch * units;
        Span<T> preactivationGradients = workspace[..(steps * batch * width)];
        Span<T> hiddenGradient = workspace.Slice(steps * batch * width, stateStep);
        Span<T> cellGradient = workspace.Slice(steps * batch * width + stateStep, stateStep);
        CopyOrClear(finalHiddenGradients, hiddenGradient);
        CopyOrClear(finalCellGradients, cellGradient);
        for (int t = steps - 1; t >= 0; t--)
        {
            if (!outputGradients.IsEmpty)
            {
                Add(outputGradients.Slice(t * stateStep, stateStep), hiddenGradient);
            }
            StoreHiddenGradient(hiddenGradient, hiddenGradients, t);
            ReadOnlySpan<T> previousCell = t == 0 ? initialCell : cells.Slice((t - 1) * stateStep, stateStep);
            for (int s = 0; s < batch; s++)
            {
                int row = s * units;
                Span<T> dz = preactivationGradients.Slice((t * batch + s) * width, width);
                GateActivations.Tanh(cells.Slice(t * stateStep + row, units), dz[(3 * units)..]); // read back by CellGradients
                CellGradients(gates.Slice((t * batch + s) * width, width), previousCell.IsEmpty ? previousCell : previousCell.Slice(row, units),
                    hiddenGradient.Slice(row, units), cellGradient.Slice(row, units), dz, units);
            }
            if (t == 0 && initialHiddenGradients.IsEmpty)
            {
                break; // ∂L/∂h_{-1} = W_hhᵀ·dz_0 only feeds the initial state's gradient
            }
            hiddenGradient.Clear();
            DenseKernels.AccumulateInputGradients(preactivationGradients.Slice(t * batch * width, batch * width), weightHh, hiddenGradient, batch, units, width);
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

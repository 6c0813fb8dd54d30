using System;
using System.ComponentModel;
using System.Numerics;
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
        DenseKernels.Forward(input, weightIh, biasIh, gates, steps * batch, inputs, width); // W_ih·x + b_ih for every step at once
        for (int t = 0; t < steps; t++)
        {
            ReadOnlySpan<T> previousHidden = t == 0 ? initialHidden : outputs.Slice((t - 1) * stateStep, stateStep);
            ReadOnlySpan<T> previousCell = t == 0 ? initialCell : cells.Slice((t - 1) * stateStep, stateStep);
            HiddenProduct(previousHidden, weightHh, biasHh, scratch, batch, units, width);
            for (int s = 0; s < batch; s++)
            {
                Span<T> gate = gates.Slice((t * batch + s) * width, width);
                ReadOnlySpan<T> recurrent = scratch.Slice(s * width, width);
                for (int j = 0; j < units; j++)
                {
                    T i = Sigmoid(gate[j] + recurrent[j]);
                    T f = Sigmoid(gate[units + j] + recurrent[units + j]);
                    T g = T.Tanh(gate[2 * units + j] + recurrent[2 * units + j]);
                    T o = Sigmoid(gate[3 * units + j] + recurrent[3 * units + j]);
                    (gate[j], gate[units + j], gate[2 * units + j], gate[3 * units + j]) = (i, f, g, o);
                    T cPrevious = previousCell.IsEmpty ? T.Zero : previousCell[s * units + j];
                    T c = f * cPrevious + i * g;
                    int e = t * stateStep + s * units + j;
                    cells[e] = c;
                    outputs[e] = o * T.Tanh(c);
                }
            }
        }
    }

    /// <summary>
    /// Backpropagation through time of a <see cref="Forward"/> call (same input, weights, initial states, and the outputs,
    /// cells and gates it wrote). The loss's gradients come as <paramref name="outputGradients"/> <c>[steps, batch, units]</c>
    /// (every step's output; empty: none, as for a layer returning only its last state) and the gradients of the final hidden
    /// and cell states <c>[batch, units]</c> (empty: none). Adds the weights' and biases' gradients to the gradient spans
    /// (empty bias gradients for a cell without biases) and the input's to <paramref name="inputGradients"/> (empty: not
    /// wanted); writes the initial states' gradients (empty: not wanted).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive.</exception>
    /// <exception cref="ArgumentException">A span's length is not the one its shape gives (optional ones: nor 0).</exception>
    public static void Backward<T>(
        ReadOnlySpan<T> input, ReadOnlySpan<T> weightIh, ReadOnlySpan<T> weightHh, ReadOnlySpan<T> initialHidden, ReadOnlySpan<T> initialCell,
        ReadOnlySpan<T> outputs, ReadOnlySpan<T> cells, ReadOnlySpan<T> gates,
        ReadOnlySpan<T> outputGradients, ReadOnlySpan<T> finalHiddenGradients, ReadOnlySpan<T> finalCellGradients,
        Span<T> weightIhGradients, Span<T> weightHhGradients, Span<T> biasIhGradients, Span<T> biasHhGradients,
        Span<T> inputGradients, Span<T> initialHiddenGradients, Span<T> initialCellGradients, Span<T> workspace,
        int steps, int batch, int inputs, int units)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckParameters(4, weightIhGradients.Length, weightHhGradients.Length, biasIhGradients.Length, biasHhGradients.Length, steps, batch, inputs, units, "Gradients");
        CheckParameters(4, weightIh.Length, weightHh.Length, 0, 0, steps, batch, inputs, units);
        CheckStates(input.Length, initialHidden.Length, outputs.Length, steps, batch, inputs, units);
        CheckOptionalLength(initialCell.Length, batch * units, nameof(initialCell), "batch·units", "the zero state");
        CheckLength(cells.Length, steps * batch * units, nameof(cells), "steps·batch·units");
        CheckLength(gates.Length, GatesLength(steps, batch, units), nameof(gates), "steps·batch·4·units");
        CheckGradients(outputGradients.Length, finalHiddenGradients.Length, inputGradients.Length, initialHiddenGradients.Length, steps, batch, inputs, units);
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
            ReadOnlySpan<T> previousCell = t == 0 ? initialCell : cells.Slice((t - 1) * stateStep, stateStep);
            for (int s = 0; s < batch; s++)
            {
                ReadOnlySpan<T> gate = gates.Slice((t * batch + s) * width, width);
                Span<T> dz = preactivationGradients.Slice((t * batch + s) * width, width);
                for (int j = 0; j < units; j++)
                {
                    int e = s * units + j;
                    T i = gate[j], f = gate[units + j], g = gate[2 * units + j], o = gate[3 * units + j];
                    T tanhC = T.Tanh(cells[t * stateStep + e]);
                    T cPrevious = previousCell.IsEmpty ? T.Zero : previousCell[e];
                    T dh = hiddenGradient[e];
                    T dc = cellGradient[e] + dh * o * (T.One - tanhC * tanhC);
                    dz[j] = dc * g * i * (T.One - i);
                    dz[units + j] = dc * cPrevious * f * (T.One - f);
                    dz[2 * units + j] = dc * i * (T.One - g * g);
                    dz[3 * units + j] = dh * tanhC * o * (T.One - o);
                    cellGradient[e] = dc * f;
                }
            }
            hiddenGradient.Clear();
            DenseKernels.AccumulateInputGradients(preactivationGradients.Slice(t * batch * width, batch * width), weightHh, hiddenGradient, batch, units, width);
        }
        CopyIfWanted(hiddenGradient, initialHiddenGradients);
        CopyIfWanted(cellGradient, initialCellGradients);
        // The input and the recurrent products share the pre-activations, so their gradients are the same.
        DenseKernels.ParameterGradients(preactivationGradients, input, weightIhGradients, biasIhGradients, steps * batch, inputs, width, accumulate: true);
        HiddenWeightGradients(preactivationGradients, initialHidden, outputs, weightHhGradients, biasHhGradients, steps, batch, units, width);
        if (!inputGradients.IsEmpty)
        {
            DenseKernels.AccumulateInputGradients(preactivationGradients, weightIh, inputGradients, steps * batch, inputs, width);
        }
    }
}

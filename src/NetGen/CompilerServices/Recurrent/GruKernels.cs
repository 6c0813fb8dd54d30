using System;
using System.ComponentModel;
using System.Numerics;
using static NetGen.CompilerServices.RecurrentSteps;

namespace NetGen.CompilerServices;

/// <summary>
/// PyTorch's <c>nn.GRU</c> cell (Keras's <c>GRU</c> with <c>reset_after = true</c>: the reset gate multiplies the recurrent
/// product, bias included) over a whole sequence for a batch, forward and backpropagation through time, with its
/// definitions, gate order (r, z, n) and weight layout, so that a PyTorch state dict maps one to one:
/// <c>r = σ(W_ir x + b_ir + W_hr h + b_hr)</c>, <c>z = σ(W_iz x + b_iz + W_hz h + b_hz)</c>,
/// <c>n = tanh(W_in x + b_in + r⊙(W_hn h + b_hn))</c>, <c>h_t = (1 − z)⊙n + z⊙h_{t-1}</c>.
/// Weights are row-major, <c>weight_ih</c> <c>[3·units, inputs]</c> and <c>weight_hh</c> <c>[3·units, units]</c>, the gates
/// stacked in the order r, z, n; <c>bias_ih</c> and <c>bias_hh</c> <c>[3·units]</c>. Sequences are time-major (PyTorch's
/// default, <c>batch_first = false</c>; every step is then one contiguous <c>[batch, ·]</c> matrix for the dense kernels): inputs <c>[steps, batch, inputs]</c>, outputs <c>[steps, batch, units]</c>; states
/// <c>[batch, units]</c>. Nothing is allocated: the caller passes the caches and scratch, sized by the <c>…Length</c> methods.
/// This API is for use by the code the NetGen source generator writes and should not be called directly.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class GruKernels
{
    /// <summary>
    /// The length of the gate cache <see cref="Forward"/> fills and <see cref="Backward"/> reads: <c>steps·batch·4·units</c>
    /// (the activated r, z, n <c>[steps, batch, 3·units]</c>, then <c>W_hn h + b_hn</c> <c>[steps, batch, units]</c>).
    /// </summary>
    public static int GatesLength(int steps, int batch, int units) => steps * batch * 4 * units;

    /// <summary>The length of <see cref="Forward"/>'s scratch: <c>batch·3·units</c>.</summary>
    public static int ForwardScratchLength(int batch, int units) => batch * 3 * units;

    /// <summary>The length of <see cref="Backward"/>'s workspace: <c>2·steps·batch·3·units + batch·units</c>.</summary>
    public static int BackwardWorkspaceLength(int steps, int batch, int units) => 2 * steps * batch * 3 * units + batch * units;

    /// <summary>
    /// Runs the cell over the sequence: writes every step's hidden state to <paramref name="outputs"/> (the last step's is
    /// <c>h_n</c>) and the gates of every step to <paramref name="gates"/> for <see cref="Backward"/>.
    /// An empty initial state is zero (PyTorch's default); empty biases are a cell without them (<c>bias = false</c>).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive.</exception>
    /// <exception cref="ArgumentException">A span's length is not the one its shape gives (optional ones: nor 0).</exception>
    public static void Forward<T>(
        ReadOnlySpan<T> input, ReadOnlySpan<T> weightIh, ReadOnlySpan<T> weightHh, ReadOnlySpan<T> biasIh, ReadOnlySpan<T> biasHh,
        ReadOnlySpan<T> initialHidden, Span<T> outputs, Span<T> gates, Span<T> scratch, int steps, int batch, int inputs, int units)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckParameters(3, weightIh.Length, weightHh.Length, biasIh.Length, biasHh.Length, steps, batch, inputs, units);
        CheckStates(input.Length, initialHidden.Length, outputs.Length, steps, batch, inputs, units);
        CheckLength(gates.Length, GatesLength(steps, batch, units), nameof(gates), "steps·batch·4·units");
        CheckLength(scratch.Length, ForwardScratchLength(batch, units), nameof(scratch), "batch·3·units");

        int width = 3 * units, stateStep = batch * units;
        Span<T> activated = gates[..(steps * batch * width)];
        Span<T> recurrentCandidates = gates[(steps * batch * width)..];
        DenseKernels.Forward(input, weightIh, biasIh, activated, steps * batch, inputs, width); // W_ih·x + b_ih for every step at once
        for (int t = 0; t < steps; t++)
        {
            ReadOnlySpan<T> previous = t == 0 ? initialHidden : outputs.Slice((t - 1) * stateStep, stateStep);
            HiddenProduct(previous, weightHh, biasHh, scratch, batch, units, width);
            for (int s = 0; s < batch; s++)
            {
                Span<T> gate = activated.Slice((t * batch + s) * width, width);
                ReadOnlySpan<T> recurrent = scratch.Slice(s * width, width);
                for (int j = 0; j < units; j++)
                {
                    int e = s * units + j;
                    T r = Sigmoid(gate[j] + recurrent[j]);
                    T z = Sigmoid(gate[units + j] + recurrent[units + j]);
                    T hn = recurrent[2 * units + j];
                    T n = T.Tanh(gate[2 * units + j] + r * hn);
                    (gate[j], gate[units + j], gate[2 * units + j]) = (r, z, n);
                    recurrentCandidates[t * stateStep + e] = hn;
                    T hPrevious = previous.IsEmpty ? T.Zero : previous[e];
                    outputs[t * stateStep + e] = (T.One - z) * n + z * hPrevious;
                }
            }
        }
    }

    /// <summary>
    /// Backpropagation through time of a <see cref="Forward"/> call (same input, weights and initial state, and the outputs
    /// and gates it wrote). The loss's gradients come as <paramref name="outputGradients"/> <c>[steps, batch, units]</c>
    /// (every step's output; empty: none, as for a layer returning only its last state) and the gradient of the final
    /// state <c>[batch, units]</c> (empty: none). Adds the weights' and biases' gradients to the gradient spans (empty bias
    /// gradients for a cell without biases) and the input's to <paramref name="inputGradients"/> (empty: not wanted); writes
    /// the initial state's gradient (empty: not wanted).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive.</exception>
    /// <exception cref="ArgumentException">A span's length is not the one its shape gives (optional ones: nor 0).</exception>
    public static void Backward<T>(
        ReadOnlySpan<T> input, ReadOnlySpan<T> weightIh, ReadOnlySpan<T> weightHh, ReadOnlySpan<T> initialHidden,
        ReadOnlySpan<T> outputs, ReadOnlySpan<T> gates, ReadOnlySpan<T> outputGradients, ReadOnlySpan<T> finalHiddenGradients,
        Span<T> weightIhGradients, Span<T> weightHhGradients, Span<T> biasIhGradients, Span<T> biasHhGradients,
        Span<T> inputGradients, Span<T> initialHiddenGradients, Span<T> workspace, int steps, int batch, int inputs, int units)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckParameters(3, weightIhGradients.Length, weightHhGradients.Length, biasIhGradients.Length, biasHhGradients.Length, steps, batch, inputs, units, "Gradients");
        CheckParameters(3, weightIh.Length, weightHh.Length, 0, 0, steps, batch, inputs, units);
        CheckStates(input.Length, initialHidden.Length, outputs.Length, steps, batch, inputs, units);
        CheckLength(gates.Length, GatesLength(steps, batch, units), nameof(gates), "steps·batch·4·units");
        CheckGradients(outputGradients.Length, finalHiddenGradients.Length, inputGradients.Length, initialHiddenGradients.Length, steps, batch, inputs, units);
        CheckLength(workspace.Length, BackwardWorkspaceLength(steps, batch, units), nameof(workspace), "2·steps·batch·3·units + batch·units");

        int width = 3 * units, stateStep = batch * units, sequence = steps * batch * width;
        ReadOnlySpan<T> activated = gates[..sequence];
        ReadOnlySpan<T> recurrentCandidates = gates[sequence..];
        // The input and the recurrent products' pre-activation gradients differ in the candidate n only: r scales the recurrent one.
        Span<T> inputPreactivationGradients = workspace[..sequence];
        Span<T> hiddenPreactivationGradients = workspace.Slice(sequence, sequence);
        Span<T> hiddenGradient = workspace.Slice(2 * sequence, stateStep);
        CopyOrClear(finalHiddenGradients, hiddenGradient);
        for (int t = steps - 1; t >= 0; t--)
        {
            if (!outputGradients.IsEmpty)
            {
                Add(outputGradients.Slice(t * stateStep, stateStep), hiddenGradient);
            }
            ReadOnlySpan<T> previous = t == 0 ? initialHidden : outputs.Slice((t - 1) * stateStep, stateStep);
            for (int s = 0; s < batch; s++)
            {
                ReadOnlySpan<T> gate = activated.Slice((t * batch + s) * width, width);
                Span<T> dx = inputPreactivationGradients.Slice((t * batch + s) * width, width);
                Span<T> dh = hiddenPreactivationGradients.Slice((t * batch + s) * width, width);
                for (int j = 0; j < units; j++)
                {
                    int e = s * units + j;
                    T r = gate[j], z = gate[units + j], n = gate[2 * units + j];
                    T hPrevious = previous.IsEmpty ? T.Zero : previous[e];
                    T d = hiddenGradient[e];
                    T dn = d * (T.One - z) * (T.One - n * n);
                    T dr = dn * recurrentCandidates[t * stateStep + e] * r * (T.One - r);
                    T dz = d * (hPrevious - n) * z * (T.One - z);
                    (dx[j], dx[units + j], dx[2 * units + j]) = (dr, dz, dn);
                    (dh[j], dh[units + j], dh[2 * units + j]) = (dr, dz, dn * r);
                    hiddenGradient[e] = d * z;
                }
            }
            DenseKernels.AccumulateInputGradients(hiddenPreactivationGradients.Slice(t * batch * width, batch * width), weightHh, hiddenGradient, batch, units, width);
        }
        CopyIfWanted(hiddenGradient, initialHiddenGradients);
        DenseKernels.ParameterGradients(inputPreactivationGradients, input, weightIhGradients, biasIhGradients, steps * batch, inputs, width, accumulate: true);
        HiddenWeightGradients(hiddenPreactivationGradients, initialHidden, outputs, weightHhGradients, biasHhGradients, steps, batch, units, width);
        if (!inputGradients.IsEmpty)
        {
            DenseKernels.AccumulateInputGradients(inputPreactivationGradients, weightIh, inputGradients, steps * batch, inputs, width);
        }
    }
}

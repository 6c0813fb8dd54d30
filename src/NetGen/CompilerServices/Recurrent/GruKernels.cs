using System;
using System.ComponentModel;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
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
        SpanLengths.Check(gates.Length, GatesLength(steps, batch, units), nameof(gates), "steps·batch·4·units");
        SpanLengths.Check(scratch.Length, ForwardScratchLength(batch, units), nameof(scratch), "batch·3·units");

        int width = 3 * units;
        InputProduct(input, weightIh, biasIh, gates[..(steps * batch * width)], steps * batch, inputs, width); // W_ih·x + b_ih for every step at once
        unsafe
        {
            fixed (T* weights = weightHh, biases = biasHh, hidden0 = initialHidden, hidden = outputs, gate = gates, z = scratch)
            {
                var arguments = new ForwardArguments<T>(new(weights, weightHh.Length), new(biases, biasHh.Length), new(hidden0, initialHidden.Length),
                    new(hidden, outputs.Length), new(gate, gates.Length), new(z, scratch.Length), steps, batch, units);
                if (batch == 1)
                {
                    var published = new OneSampleRecurrence.PublishedSteps();
                    arguments = arguments with { Published = (nint)(&published), Parts = OneSampleRecurrence.Parts(units, 3) };
                    OneSampleRecurrence.Run(&ForwardUnits<T>, (nint)(&arguments), arguments.Parts, steps, units, 3);
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
        FixedSpan<T> WeightHh, FixedSpan<T> BiasHh, FixedSpan<T> InitialHidden, FixedSpan<T> Outputs, FixedSpan<T> Gates, FixedSpan<T> Scratch,
        int Steps, int Batch, int Units, nint Published = 0, int Parts = 1)
        where T : unmanaged;

    private static unsafe void ForwardSamples<T>(nint arguments, int first, int end) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ref readonly ForwardArguments<T> a = ref *(ForwardArguments<T>*)arguments;
        ForwardSamples(a.WeightHh.Span, a.BiasHh.Span, a.InitialHidden.Span, a.Outputs.Span, a.Gates.Span, a.Scratch.Span, a.Steps, a.Batch, a.Units, first, end);
    }

    /// <summary>
    /// The recurrence of <see cref="Forward"/> for samples <c>[first, end)</c>, whose steps depend on no other sample: each
    /// range runs on its own thread, from the input products in <paramref name="gates"/> to the outputs.
    /// </summary>
    private static void ForwardSamples<T>(
        ReadOnlySpan<T> weightHh, ReadOnlySpan<T> biasHh, ReadOnlySpan<T> initialHidden, Span<T> outputs, Span<T> gates, Span<T> scratch,
        int steps, int batch, int units, int first, int end)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int width = 3 * units, stateStep = batch * units, rows = end - first, state = rows * units;
        Span<T> activated = gates[..(steps * batch * width)];
        Span<T> recurrentCandidates = gates[(steps * batch * width)..];
        Span<T> z = scratch.Slice(first * width, rows * width);
        for (int t = 0; t < steps; t++)
        {
            int stepRows = t * stateStep + first * units;
            ReadOnlySpan<T> previous = t == 0 ? SliceUnlessEmpty(initialHidden, first * units, state) : outputs.Slice(stepRows - stateStep, state);
            HiddenProduct(previous, weightHh, biasHh, z, rows, units, width);
            for (int s = 0; s < rows; s++)
            {
                Span<T> gate = activated.Slice((t * batch + first + s) * width, width);
                ReadOnlySpan<T> recurrent = z.Slice(s * width, width);
                Step(gate[..units], gate.Slice(units, units), gate.Slice(2 * units, units), recurrent[..units], recurrent.Slice(units, units),
                    recurrent.Slice(2 * units, units), recurrentCandidates.Slice(stepRows + s * units, units),
                    previous.IsEmpty ? previous : previous.Slice(s * units, units), outputs.Slice(stepRows + s * units, units));
            }
        }
    }

    private static unsafe void ForwardUnits<T>(nint arguments, int first, int end) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ref readonly ForwardArguments<T> a = ref *(ForwardArguments<T>*)arguments;
        ForwardUnits(new OneSampleRecurrence<T>(first, end, a.Parts, a.Published, a.WeightHh.Span, a.Units, 3),
            a.BiasHh.Span, a.InitialHidden.Span, a.Outputs.Span, a.Gates.Span, a.Steps, a.Units);
    }

    /// <summary>The recurrence of <see cref="Forward"/> for one sample, over <paramref name="part"/>'s units (<see cref="OneSampleRecurrence{T}"/>).</summary>
    private static void ForwardUnits<T>(
        OneSampleRecurrence<T> part, ReadOnlySpan<T> biasHh, ReadOnlySpan<T> initialHidden, Span<T> outputs, Span<T> gates, int steps, int units)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int width = 3 * units, start = part.Start, length = part.Length;
        Span<T> activated = gates[..(steps * width)];
        Span<T> recurrentCandidates = gates[(steps * width)..];
        Span<T> z = part.Z, gate = part.Gates, hn = part.States[..length], hidden = part.States.Slice(length, length);
        for (int t = 0; t < steps; t++)
        {
            if (t > 0)
            {
                part.WaitForStep(t - 1, outputs.Slice((t - 1) * units, units));
            }
            ReadOnlySpan<T> previous = t == 0 ? initialHidden : outputs.Slice((t - 1) * units, units);
            part.HiddenProduct(previous, biasHh);
            Span<T> stepGates = activated.Slice(t * width, width);
            part.GatherGates(stepGates);
            Step(part.Block(gate, 0), part.Block(gate, 1), part.Block(gate, 2), part.Block(z, 0), part.Block(z, 1), part.Block(z, 2), hn,
                previous.IsEmpty ? previous : previous.Slice(start, length), hidden);
            part.ScatterGates(stepGates);
            hn.CopyTo(recurrentCandidates.Slice(t * units + start, length));
            hidden.CopyTo(outputs.Slice(t * units + start, length));
            part.Publish(t);
        }
    }

    /// <summary>
    /// One step's gates and state for some units of one sample: <paramref name="reset"/>, <paramref name="update"/> and
    /// <paramref name="candidate"/> hold <c>W_i· x + b_i·</c> and receive the activated gates; <paramref name="hr"/>,
    /// <paramref name="hz"/>, <paramref name="hn"/> are <c>W_h· h + b_h·</c>, the last kept in <paramref name="hnCache"/> for
    /// the backward pass; <paramref name="previous"/> empty is the zero state.
    /// </summary>
    private static void Step<T>(
        Span<T> reset, Span<T> update, Span<T> candidate, ReadOnlySpan<T> hr, ReadOnlySpan<T> hz, ReadOnlySpan<T> hn, Span<T> hnCache,
        ReadOnlySpan<T> previous, Span<T> hidden)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        TensorPrimitives.Add(reset, hr, reset);
        GateActivations.Sigmoid(reset, reset);
        TensorPrimitives.Add(update, hz, update);
        GateActivations.Sigmoid(update, update);
        hn.CopyTo(hnCache);
        TensorPrimitives.MultiplyAdd(reset, hn, candidate, candidate); // W_in x + b_in + r⊙(W_hn h + b_hn)
        GateActivations.Tanh(candidate, candidate);
        if (previous.IsEmpty)
        {
            TensorPrimitives.Multiply(update, candidate, hidden); // h = n − z⊙n, as (1 − z)⊙n + z⊙0
            TensorPrimitives.Subtract(candidate, hidden, hidden);
        }
        else
        {
            TensorPrimitives.Subtract(previous, candidate, hidden); // h = n + z⊙(h_{t-1} − n)
            TensorPrimitives.MultiplyAdd(update, hidden, candidate, hidden);
        }
    }

    /// <summary>
    /// Backpropagation through time of a <see cref="Forward"/> call (same input, weights and initial state, and the outputs
    /// and gates it wrote). The loss's gradients come as <paramref name="outputGradients"/> <c>[steps, batch, units]</c>
    /// (every step's output; empty: none, as for a layer returning only its last state) and the gradient of the final
    /// state <c>[batch, units]</c> (empty: none). Adds the weights' and biases' gradients to the gradient spans (empty bias
    /// gradients for a cell without biases) and the input's to <paramref name="inputGradients"/> (empty: not wanted); writes
    /// the initial state's gradient (empty: not wanted). For the gradient monitor, <paramref name="hiddenGradients"/>
    /// <c>[steps, batch, units]</c> (empty: not wanted) receives ∂L/∂h_t for every step t: the whole gradient reaching h_t,
    /// from the output at t and through step t + 1 (at the last step, from the final state's gradient).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive.</exception>
    /// <exception cref="ArgumentException">A span's length is not the one its shape gives (optional ones: nor 0).</exception>
    public static void Backward<T>(
        ReadOnlySpan<T> input, ReadOnlySpan<T> weightIh, ReadOnlySpan<T> weightHh, ReadOnlySpan<T> initialHidden,
        ReadOnlySpan<T> outputs, ReadOnlySpan<T> gates, ReadOnlySpan<T> outputGradients, ReadOnlySpan<T> finalHiddenGradients,
        Span<T> weightIhGradients, Span<T> weightHhGradients, Span<T> biasIhGradients, Span<T> biasHhGradients,
        Span<T> inputGradients, Span<T> initialHiddenGradients, Span<T> hiddenGradients, Span<T> workspace, int steps, int batch, int inputs, int units)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckParameters(3, weightIhGradients.Length, weightHhGradients.Length, biasIhGradients.Length, biasHhGradients.Length, steps, batch, inputs, units, "Gradients");
        CheckParameters(3, weightIh.Length, weightHh.Length, 0, 0, steps, batch, inputs, units);
        CheckStates(input.Length, initialHidden.Length, outputs.Length, steps, batch, inputs, units);
        SpanLengths.Check(gates.Length, GatesLength(steps, batch, units), nameof(gates), "steps·batch·4·units");
        CheckGradients(outputGradients.Length, finalHiddenGradients.Length, inputGradients.Length, initialHiddenGradients.Length, hiddenGradients.Length, steps, batch, inputs, units);
        SpanLengths.Check(workspace.Length, BackwardWorkspaceLength(steps, batch, units), nameof(workspace), "2·steps·batch·3·units + batch·units");

        int width = 3 * units, stateStep = batch * units, sequence = steps * batch * width;
        // The input and the recurrent products' pre-activation gradients differ in the candidate n only: r scales the recurrent one.
        Span<T> inputPreactivationGradients = workspace[..sequence];
        Span<T> hiddenPreactivationGradients = workspace.Slice(sequence, sequence);
        Span<T> hiddenGradient = workspace.Slice(2 * sequence, stateStep);
        CopyOrClear(finalHiddenGradients, hiddenGradient);
        unsafe
        {
            fixed (T* weights = weightHh, hidden0 = initialHidden, hidden = outputs, gate = gates, dOutputs = outputGradients, dHiddens = hiddenGradients,
                dzInput = inputPreactivationGradients, dzHidden = hiddenPreactivationGradients, dHidden = hiddenGradient)
            {
                var arguments = new BackwardArguments<T>(
                    new(weights, weightHh.Length), new(hidden0, initialHidden.Length), new(hidden, outputs.Length), new(gate, gates.Length),
                    new(dOutputs, outputGradients.Length), new(dHiddens, hiddenGradients.Length), new(dzInput, inputPreactivationGradients.Length),
                    new(dzHidden, hiddenPreactivationGradients.Length), new(dHidden, hiddenGradient.Length), !initialHiddenGradients.IsEmpty, steps, batch, units);
                KernelThreading.RunRanges(&BackwardSamples<T>, (nint)(&arguments), batch, RecurrentWork(steps, batch, units, width));
            }
        }
        CopyIfWanted(hiddenGradient, initialHiddenGradients);
        InputWeightGradients(inputPreactivationGradients, input, weightIhGradients, biasIhGradients, steps * batch, inputs, width);
        HiddenWeightGradients(hiddenPreactivationGradients, initialHidden, outputs, weightHhGradients, biasHhGradients, steps, batch, units, width);
        if (!inputGradients.IsEmpty)
        {
            DenseKernels.AccumulateInputGradients(inputPreactivationGradients, weightIh, inputGradients, steps * batch, inputs, width);
        }
    }

    /// <summary>The spans <see cref="Backward"/> hands to each range of samples, fixed for the duration of the call.</summary>
    private readonly record struct BackwardArguments<T>(
        FixedSpan<T> WeightHh, FixedSpan<T> InitialHidden, FixedSpan<T> Outputs, FixedSpan<T> Gates, FixedSpan<T> OutputGradients,
        FixedSpan<T> HiddenGradients, FixedSpan<T> InputPreactivationGradients, FixedSpan<T> HiddenPreactivationGradients,
        FixedSpan<T> HiddenGradient, bool WantsInitialHiddenGradient, int Steps, int Batch, int Units)
        where T : unmanaged;

    private static unsafe void BackwardSamples<T>(nint arguments, int first, int end) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ref readonly BackwardArguments<T> a = ref *(BackwardArguments<T>*)arguments;
        BackwardSamples<T>(a.WeightHh.Span, a.InitialHidden.Span, a.Outputs.Span, a.Gates.Span, a.OutputGradients.Span, a.HiddenGradients.Span,
            a.InputPreactivationGradients.Span, a.HiddenPreactivationGradients.Span, a.HiddenGradient.Span, a.WantsInitialHiddenGradient,
            a.Steps, a.Batch, a.Units, first, end);
    }

    /// <summary>
    /// Backpropagation through time of <see cref="Backward"/> for samples <c>[first, end)</c>, from the final state's gradient
    /// in <paramref name="hiddenGradient"/> to the initial state's and every step's pre-activation gradients: no sample's
    /// depend on another's, so each range runs on its own thread.
    /// </summary>
    private static void BackwardSamples<T>(
        ReadOnlySpan<T> weightHh, ReadOnlySpan<T> initialHidden, ReadOnlySpan<T> outputs, ReadOnlySpan<T> gates, ReadOnlySpan<T> outputGradients,
        Span<T> hiddenGradients, Span<T> inputPreactivationGradients, Span<T> hiddenPreactivationGradients, Span<T> hiddenGradient,
        bool wantsInitialHiddenGradient, int steps, int batch, int units, int first, int end)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int width = 3 * units, stateStep = batch * units, sequence = steps * batch * width, rows = end - first, state = rows * units;
        ReadOnlySpan<T> activated = gates[..sequence];
        ReadOnlySpan<T> recurrentCandidates = gates[sequence..];
        Span<T> dh = hiddenGradient.Slice(first * units, state);
        for (int t = steps - 1; t >= 0; t--)
        {
            int stepRows = t * stateStep + first * units;
            if (!outputGradients.IsEmpty)
            {
                Add(outputGradients.Slice(stepRows, state), dh);
            }
            CopyIfWanted(dh, SliceUnlessEmpty(hiddenGradients, stepRows, state));
            ReadOnlySpan<T> previous = t == 0 ? SliceUnlessEmpty(initialHidden, first * units, state) : outputs.Slice(stepRows - stateStep, state);
            for (int s = 0; s < rows; s++)
            {
                int row = s * units, gateRow = (t * batch + first + s) * width;
                CellGradients(activated.Slice(gateRow, width), recurrentCandidates.Slice(stepRows + row, units),
                    SliceUnlessEmpty(previous, row, units), dh.Slice(row, units),
                    inputPreactivationGradients.Slice(gateRow, width), hiddenPreactivationGradients.Slice(gateRow, width), units);
            }
            if (t == 0 && !wantsInitialHiddenGradient)
            {
                break; // ∂L/∂h_{-1} = W_hhᵀ·dz_0 only feeds the initial state's gradient
            }
            DenseKernels.AccumulateInputGradients(hiddenPreactivationGradients.Slice((t * batch + first) * width, rows * width), weightHh, dh, rows, units, width);
        }
    }

    /// <summary>
    /// One sample's pre-activation gradients at one step, of the input product (<paramref name="dx"/>: r, z, n) and of the
    /// recurrent one (<paramref name="dh"/>: the same but n's scaled by r), from ∂L/∂h_t in <paramref name="hiddenGradient"/>,
    /// which becomes its part through z, <c>∂L/∂h_t⊙z</c> (the recurrent product adds the rest).
    /// </summary>
    private static void CellGradients<T>(
        ReadOnlySpan<T> gate, ReadOnlySpan<T> recurrentCandidate, ReadOnlySpan<T> previous, Span<T> hiddenGradient, Span<T> dx, Span<T> dh, int units)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ref T gate0 = ref MemoryMarshal.GetReference(gate);
        ref T hn0 = ref MemoryMarshal.GetReference(recurrentCandidate);
        ref T previous0 = ref MemoryMarshal.GetReference(previous);
        ref T d0 = ref MemoryMarshal.GetReference(hiddenGradient);
        ref T dx0 = ref MemoryMarshal.GetReference(dx);
        ref T dh0 = ref MemoryMarshal.GetReference(dh);
        bool zeroState = previous.IsEmpty;
        nuint u = (nuint)units, z = u, n = 2 * u;
        nuint j = 0;
        if (Vector.IsHardwareAccelerated && Vector<T>.IsSupported)
        {
            Vector<T> one = Vector<T>.One;
            for (; j + (nuint)Vector<T>.Count <= u; j += (nuint)Vector<T>.Count)
            {
                Vector<T> vr = Vector.LoadUnsafe(ref gate0, j), vz = Vector.LoadUnsafe(ref gate0, z + j), vn = Vector.LoadUnsafe(ref gate0, n + j);
                Vector<T> hPrevious = zeroState ? Vector<T>.Zero : Vector.LoadUnsafe(ref previous0, j);
                Vector<T> d = Vector.LoadUnsafe(ref d0, j);
                Vector<T> dn = d * (one - vz) * (one - vn * vn);
                Vector<T> dr = dn * Vector.LoadUnsafe(ref hn0, j) * vr * (one - vr);
                Vector<T> dz = d * (hPrevious - vn) * vz * (one - vz);
                dr.StoreUnsafe(ref dx0, j); dz.StoreUnsafe(ref dx0, z + j); dn.StoreUnsafe(ref dx0, n + j);
                dr.StoreUnsafe(ref dh0, j); dz.StoreUnsafe(ref dh0, z + j); (dn * vr).StoreUnsafe(ref dh0, n + j);
                (d * vz).StoreUnsafe(ref d0, j);
            }
        }
        for (; j < u; j++)
        {
            T r = Unsafe.Add(ref gate0, j), vz = Unsafe.Add(ref gate0, z + j), vn = Unsafe.Add(ref gate0, n + j);
            T hPrevious = zeroState ? T.Zero : Unsafe.Add(ref previous0, j);
            T d = Unsafe.Add(ref d0, j);
            T dn = d * (T.One - vz) * (T.One - vn * vn);
            T dr = dn * Unsafe.Add(ref hn0, j) * r * (T.One - r);
            T dz = d * (hPrevious - vn) * vz * (T.One - vz);
            (Unsafe.Add(ref dx0, j), Unsafe.Add(ref dx0, z + j), Unsafe.Add(ref dx0, n + j)) = (dr, dz, dn);
            (Unsafe.Add(ref dh0, j), Unsafe.Add(ref dh0, z + j), Unsafe.Add(ref dh0, n + j)) = (dr, dz, dn * r);
            Unsafe.Add(ref d0, j) = d * vz;
        }
    }
}

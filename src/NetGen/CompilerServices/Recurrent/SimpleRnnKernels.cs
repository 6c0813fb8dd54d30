using System;
using System.ComponentModel;
using System.Numerics;
using System.Numerics.Tensors;
using static NetGen.CompilerServices.RecurrentSteps;

namespace NetGen.CompilerServices;

/// <summary>
/// PyTorch's <c>nn.RNN</c> cell (Keras's <c>SimpleRNN</c>) over a whole sequence for a batch, forward and backpropagation
/// through time, with its definition and weight layout, so that a PyTorch state dict maps one to one:
/// <c>h_t = act(W_ih x_t + b_ih + W_hh h_{t-1} + b_hh)</c>, <c>act</c> tanh or ReLU. Weights are row-major,
/// <c>weight_ih</c> <c>[units, inputs]</c> and <c>weight_hh</c> <c>[units, units]</c>; <c>bias_ih</c> and <c>bias_hh</c>
/// <c>[units]</c>. Sequences are time-major (PyTorch's default, <c>batch_first = false</c>; every step is then one contiguous <c>[batch, ·]</c> matrix for the dense kernels): inputs
/// <c>[steps, batch, inputs]</c>, outputs <c>[steps, batch, units]</c>; states <c>[batch, units]</c>. Nothing is allocated:
/// the caller passes the scratch, sized by the <c>…Length</c> methods. The outputs are all <see cref="Backward"/> needs.
/// This API is for use by the code the NetGen source generator writes and should not be called directly.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class SimpleRnnKernels
{
    /// <summary>The length of <see cref="Forward"/>'s scratch: <c>batch·units</c>.</summary>
    public static int ForwardScratchLength(int batch, int units) => batch * units;

    /// <summary>The length of <see cref="Backward"/>'s workspace: <c>steps·batch·units + batch·units</c>.</summary>
    public static int BackwardWorkspaceLength(int steps, int batch, int units) => (steps + 1) * batch * units;

    /// <summary>
    /// Runs the cell over the sequence: writes every step's hidden state to <paramref name="outputs"/> (the last step's is
    /// <c>h_n</c>). An empty initial state is zero (PyTorch's default); empty biases are a cell without them (<c>bias = false</c>).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive, or <paramref name="activation"/> is not a defined value.</exception>
    /// <exception cref="ArgumentException">A span's length is not the one its shape gives (optional ones: nor 0).</exception>
    public static void Forward<T>(
        ReadOnlySpan<T> input, ReadOnlySpan<T> weightIh, ReadOnlySpan<T> weightHh, ReadOnlySpan<T> biasIh, ReadOnlySpan<T> biasHh,
        ReadOnlySpan<T> initialHidden, Span<T> outputs, Span<T> scratch, SimpleRnnActivation activation, int steps, int batch, int inputs, int units)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckActivation(activation);
        CheckParameters(1, weightIh.Length, weightHh.Length, biasIh.Length, biasHh.Length, steps, batch, inputs, units);
        CheckStates(input.Length, initialHidden.Length, outputs.Length, steps, batch, inputs, units);
        SpanLengths.Check(scratch.Length, ForwardScratchLength(batch, units), nameof(scratch), "batch·units");

        InputProduct(input, weightIh, biasIh, outputs, steps * batch, inputs, units); // W_ih·x + b_ih for every step at once
        unsafe
        {
            fixed (T* weights = weightHh, biases = biasHh, hidden0 = initialHidden, hidden = outputs, z = scratch)
            {
                var arguments = new ForwardArguments<T>(new(weights, weightHh.Length), new(biases, biasHh.Length), new(hidden0, initialHidden.Length),
                    new(hidden, outputs.Length), new(z, scratch.Length), activation, steps, batch, units);
                if (batch == 1)
                {
                    var published = new OneSampleRecurrence.PublishedSteps();
                    arguments = arguments with { Published = (nint)(&published), Parts = OneSampleRecurrence.Parts(units, 1) };
                    OneSampleRecurrence.Run(&ForwardUnits<T>, (nint)(&arguments), arguments.Parts, steps, units, 1);
                }
                else
                {
                    KernelThreading.RunRanges(&ForwardSamples<T>, (nint)(&arguments), batch, RecurrentWork(steps, batch, units, units));
                }
            }
        }
    }

    /// <summary>The spans <see cref="Forward"/> hands to each range of samples, fixed for the duration of the call.</summary>
    private readonly record struct ForwardArguments<T>(
        FixedSpan<T> WeightHh, FixedSpan<T> BiasHh, FixedSpan<T> InitialHidden, FixedSpan<T> Outputs, FixedSpan<T> Scratch,
        SimpleRnnActivation Activation, int Steps, int Batch, int Units, nint Published = 0, int Parts = 1)
        where T : unmanaged;

    private static unsafe void ForwardSamples<T>(nint arguments, int first, int end) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ref readonly ForwardArguments<T> a = ref *(ForwardArguments<T>*)arguments;
        ForwardSamples(a.WeightHh.Span, a.BiasHh.Span, a.InitialHidden.Span, a.Outputs.Span, a.Scratch.Span, a.Activation, a.Steps, a.Batch, a.Units, first, end);
    }

    /// <summary>
    /// The recurrence of <see cref="Forward"/> for samples <c>[first, end)</c>, whose steps depend on no other sample: each
    /// range runs on its own thread, from the input products in <paramref name="outputs"/> to the states.
    /// </summary>
    private static void ForwardSamples<T>(
        ReadOnlySpan<T> weightHh, ReadOnlySpan<T> biasHh, ReadOnlySpan<T> initialHidden, Span<T> outputs, Span<T> scratch,
        SimpleRnnActivation activation, int steps, int batch, int units, int first, int end)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int stateStep = batch * units, rows = end - first, length = rows * units;
        Span<T> z = scratch.Slice(first * units, length);
        for (int t = 0; t < steps; t++)
        {
            int stepRows = t * stateStep + first * units;
            ReadOnlySpan<T> previous = t == 0 ? SliceUnlessEmpty(initialHidden, first * units, length) : outputs.Slice(stepRows - stateStep, length);
            HiddenProduct(previous, weightHh, biasHh, z, rows, units, units);
            Step(outputs.Slice(stepRows, length), z, activation);
        }
    }

    private static unsafe void ForwardUnits<T>(nint arguments, int first, int end) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ref readonly ForwardArguments<T> a = ref *(ForwardArguments<T>*)arguments;
        ForwardUnits(new OneSampleRecurrence<T>(first, end, a.Parts, a.Published, a.WeightHh.Span, a.Units, 1),
            a.BiasHh.Span, a.InitialHidden.Span, a.Outputs.Span, a.Activation, a.Steps, a.Units);
    }

    /// <summary>The recurrence of <see cref="Forward"/> for one sample, over <paramref name="part"/>'s units (<see cref="OneSampleRecurrence{T}"/>).</summary>
    private static void ForwardUnits<T>(
        OneSampleRecurrence<T> part, ReadOnlySpan<T> biasHh, ReadOnlySpan<T> initialHidden, Span<T> outputs,
        SimpleRnnActivation activation, int steps, int units)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Span<T> z = part.Z, state = part.States[..part.Length];
        for (int t = 0; t < steps; t++)
        {
            if (t > 0)
            {
                part.WaitForStep(t - 1, outputs.Slice((t - 1) * units, units));
            }
            part.HiddenProduct(t == 0 ? initialHidden : outputs.Slice((t - 1) * units, units), biasHh);
            Span<T> stepState = outputs.Slice(t * units + part.Start, part.Length);
            stepState.CopyTo(state);
            Step(state, z, activation);
            state.CopyTo(stepState);
            part.Publish(t);
        }
    }

    /// <summary><c>state = activation(state + z)</c>, <paramref name="state"/> holding <c>W_ih·x + b_ih</c>.</summary>
    private static void Step<T>(Span<T> state, ReadOnlySpan<T> z, SimpleRnnActivation activation) where T : unmanaged, IFloatingPointIeee754<T>
    {
        TensorPrimitives.Add(state, z, state);
        if (activation == SimpleRnnActivation.Tanh)
        {
            GateActivations.Tanh(state, state);
        }
        else
        {
            TensorPrimitives.Max(state, T.Zero, state);
        }
    }

    /// <summary>
    /// Backpropagation through time of a <see cref="Forward"/> call (same input, weights, initial state and activation, and
    /// the outputs it wrote). The loss's gradients come as <paramref name="outputGradients"/> <c>[steps, batch, units]</c>
    /// (every step's output; empty: none, as for a layer returning only its last state) and the gradient of the final state
    /// <c>[batch, units]</c> (empty: none). Adds the weights' and biases' gradients to the gradient spans (empty bias
    /// gradients for a cell without biases) and the input's to <paramref name="inputGradients"/> (empty: not wanted); writes
    /// the initial state's gradient (empty: not wanted). For the gradient monitor, <paramref name="hiddenGradients"/>
    /// <c>[steps, batch, units]</c> (empty: not wanted) receives ∂L/∂h_t for every step t: the whole gradient reaching h_t,
    /// from the output at t and through step t + 1 (at the last step, from the final state's gradient).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive, or <paramref name="activation"/> is not a defined value.</exception>
    /// <exception cref="ArgumentException">A span's length is not the one its shape gives (optional ones: nor 0).</exception>
    public static void Backward<T>(
        ReadOnlySpan<T> input, ReadOnlySpan<T> weightIh, ReadOnlySpan<T> weightHh, ReadOnlySpan<T> initialHidden,
        ReadOnlySpan<T> outputs, ReadOnlySpan<T> outputGradients, ReadOnlySpan<T> finalHiddenGradients,
        Span<T> weightIhGradients, Span<T> weightHhGradients, Span<T> biasIhGradients, Span<T> biasHhGradients,
        Span<T> inputGradients, Span<T> initialHiddenGradients, Span<T> hiddenGradients, Span<T> workspace, SimpleRnnActivation activation,
        int steps, int batch, int inputs, int units)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckActivation(activation);
        CheckParameters(1, weightIhGradients.Length, weightHhGradients.Length, biasIhGradients.Length, biasHhGradients.Length, steps, batch, inputs, units, "Gradients");
        CheckParameters(1, weightIh.Length, weightHh.Length, 0, 0, steps, batch, inputs, units);
        CheckStates(input.Length, initialHidden.Length, outputs.Length, steps, batch, inputs, units);
        CheckGradients(outputGradients.Length, finalHiddenGradients.Length, inputGradients.Length, initialHiddenGradients.Length, hiddenGradients.Length, steps, batch, inputs, units);
        SpanLengths.Check(workspace.Length, BackwardWorkspaceLength(steps, batch, units), nameof(workspace), "(steps + 1)·batch·units");

        int stateStep = batch * units, sequence = steps * stateStep;
        Span<T> preactivationGradients = workspace[..sequence];
        Span<T> hiddenGradient = workspace.Slice(sequence, stateStep);
        CopyOrClear(finalHiddenGradients, hiddenGradient);
        unsafe
        {
            fixed (T* weights = weightHh, hidden = outputs, dOutputs = outputGradients, dHiddens = hiddenGradients, dz = preactivationGradients, dHidden = hiddenGradient)
            {
                var arguments = new BackwardArguments<T>(new(weights, weightHh.Length), new(hidden, outputs.Length), new(dOutputs, outputGradients.Length),
                    new(dHiddens, hiddenGradients.Length), new(dz, preactivationGradients.Length), new(dHidden, hiddenGradient.Length),
                    !initialHiddenGradients.IsEmpty, activation, steps, batch, units);
                KernelThreading.RunRanges(&BackwardSamples<T>, (nint)(&arguments), batch, RecurrentWork(steps, batch, units, units));
            }
        }
        CopyIfWanted(hiddenGradient, initialHiddenGradients);
        // The input and the recurrent products share the pre-activation, so their gradients are the same.
        InputWeightGradients(preactivationGradients, input, weightIhGradients, biasIhGradients, steps * batch, inputs, units);
        HiddenWeightGradients(preactivationGradients, initialHidden, outputs, weightHhGradients, biasHhGradients, steps, batch, units, units);
        if (!inputGradients.IsEmpty)
        {
            DenseKernels.AccumulateInputGradients(preactivationGradients, weightIh, inputGradients, steps * batch, inputs, units);
        }
    }

    /// <summary>The spans <see cref="Backward"/> hands to each range of samples, fixed for the duration of the call.</summary>
    private readonly record struct BackwardArguments<T>(
        FixedSpan<T> WeightHh, FixedSpan<T> Outputs, FixedSpan<T> OutputGradients, FixedSpan<T> HiddenGradients, FixedSpan<T> PreactivationGradients,
        FixedSpan<T> HiddenGradient, bool WantsInitialHiddenGradient, SimpleRnnActivation Activation, int Steps, int Batch, int Units)
        where T : unmanaged;

    private static unsafe void BackwardSamples<T>(nint arguments, int first, int end) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ref readonly BackwardArguments<T> a = ref *(BackwardArguments<T>*)arguments;
        BackwardSamples<T>(a.WeightHh.Span, a.Outputs.Span, a.OutputGradients.Span, a.HiddenGradients.Span, a.PreactivationGradients.Span,
            a.HiddenGradient.Span, a.WantsInitialHiddenGradient, a.Activation, a.Steps, a.Batch, a.Units, first, end);
    }

    /// <summary>
    /// Backpropagation through time of <see cref="Backward"/> for samples <c>[first, end)</c>, from the final state's gradient
    /// in <paramref name="hiddenGradient"/> to the initial state's and every step's pre-activation gradients: no sample's
    /// depend on another's, so each range runs on its own thread.
    /// </summary>
    private static void BackwardSamples<T>(
        ReadOnlySpan<T> weightHh, ReadOnlySpan<T> outputs, ReadOnlySpan<T> outputGradients, Span<T> hiddenGradients, Span<T> preactivationGradients,
        Span<T> hiddenGradient, bool wantsInitialHiddenGradient, SimpleRnnActivation activation, int steps, int batch, int units, int first, int end)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int stateStep = batch * units, rows = end - first, length = rows * units;
        Span<T> dh = hiddenGradient.Slice(first * units, length);
        for (int t = steps - 1; t >= 0; t--)
        {
            int stepRows = t * stateStep + first * units;
            if (!outputGradients.IsEmpty)
            {
                Add(outputGradients.Slice(stepRows, length), dh);
            }
            CopyIfWanted(dh, SliceUnlessEmpty(hiddenGradients, stepRows, length));
            ReadOnlySpan<T> state = outputs.Slice(stepRows, length);
            Span<T> dz = preactivationGradients.Slice(stepRows, length);
            // Both derivatives from the output: tanh' = 1 − h², ReLU' = 1 where h > 0 (0 at 0, as PyTorch).
            if (activation == SimpleRnnActivation.Tanh)
            {
                TensorPrimitives.Multiply(state, state, dz);
                TensorPrimitives.Multiply(dz, dh, dz);
                TensorPrimitives.Subtract(dh, dz, dz); // d − h²·d
            }
            else
            {
                for (int e = 0; e < length; e++)
                {
                    dz[e] = state[e] > T.Zero ? dh[e] : T.Zero;
                }
            }
            if (t == 0 && !wantsInitialHiddenGradient)
            {
                break; // ∂L/∂h_{-1} = W_hhᵀ·dz_0 only feeds the initial state's gradient
            }
            dh.Clear();
            DenseKernels.AccumulateInputGradients(dz, weightHh, dh, rows, units, units);
        }
    }

    private static void CheckActivation(SimpleRnnActivation activation)
    {
        if (activation is not (SimpleRnnActivation.Tanh or SimpleRnnActivation.Relu))
        {
            throw new ArgumentOutOfRangeException(nameof(activation), activation, "The activation must be SimpleRnnActivation.Tanh or SimpleRnnActivation.Relu.");
        }
    }
}

using System.Numerics.Tensors;
using NetGen.CompilerServices;

namespace NetGen.Compare;

/// <summary>
/// The NetGen side of the recurrent cases, composed of the kernels as generated code composes them (until a declared network
/// replaces it): one LSTM or GRU layer over a time-major sequence <c>[steps, batch, inputs]</c>, a dense head on the last
/// step's hidden state, softmax cross-entropy (mean over the batch) and plain SGD. Every buffer is allocated here, once.
/// Parameters, in PyTorch's state-dict order: <c>weight_ih_l0</c>, <c>weight_hh_l0</c>, <c>bias_ih_l0</c>, <c>bias_hh_l0</c>,
/// then the head's weight <c>[classes, units]</c> and bias.
/// </summary>
public sealed class NetGenRecurrent
{
    private readonly float[] _outputs, _cells, _gates, _scratch, _workspace, _logits, _logitGradients, _finalHiddenGradients, _targets;

    public NetGenRecurrent(RecurrentCell cell, int steps, int inputs, int units, int classes, int maxBatch, int seed)
    {
        Cell = cell;
        (Steps, Inputs, Units, Classes, MaxBatch) = (steps, inputs, units, classes, maxBatch);
        int width = GateCount * units;
        Sizes = [width * inputs, width * units, width, width, classes * units, classes];
        Parameters = new float[Sizes.Sum()];
        Gradients = new float[Parameters.Length];
        // PyTorch's defaults: U(±1/√units) for the cell, U(±1/√fan-in) for nn.Linear (fan-in = units here too).
        var random = new Random(seed);
        float bound = 1 / MathF.Sqrt(units);
        foreach (ref float p in Parameters.AsSpan())
        {
            p = (float)(random.NextDouble() * 2 - 1) * bound;
        }
        _outputs = new float[steps * maxBatch * units];
        _cells = cell == RecurrentCell.Lstm ? new float[steps * maxBatch * units] : [];
        _gates = new float[cell == RecurrentCell.Lstm ? LstmKernels.GatesLength(steps, maxBatch, units) : GruKernels.GatesLength(steps, maxBatch, units)];
        _scratch = new float[cell == RecurrentCell.Lstm ? LstmKernels.ForwardScratchLength(maxBatch, units) : GruKernels.ForwardScratchLength(maxBatch, units)];
        _workspace = new float[cell == RecurrentCell.Lstm ? LstmKernels.BackwardWorkspaceLength(steps, maxBatch, units) : GruKernels.BackwardWorkspaceLength(steps, maxBatch, units)];
        _logits = new float[maxBatch * classes];
        _logitGradients = new float[maxBatch * classes];
        _finalHiddenGradients = new float[maxBatch * units];
        _targets = new float[maxBatch * classes];
    }

    public RecurrentCell Cell { get; }

    public int Steps { get; }

    public int Inputs { get; }

    public int Units { get; }

    public int Classes { get; }

    public int MaxBatch { get; }

    public int GateCount => Cell == RecurrentCell.Lstm ? 4 : 3;

    /// <summary>The lengths of weight_ih, weight_hh, bias_ih, bias_hh, head weight, head bias.</summary>
    public int[] Sizes { get; }

    public float[] Parameters { get; }

    /// <summary>The gradients of the last <see cref="TrainStep"/> (before its update was applied).</summary>
    public float[] Gradients { get; }

    /// <summary>
    /// The floating-point operations (2 per multiply-add) of the products of a training step: forward W_ih·x for every step
    /// and W_hh·h from the second step on (h_0 is zero); backward ∂W_ih, and W_hhᵀ·dz and ∂W_hh from the second step on
    /// (h_0's gradient is not wanted, and h_0 is zero); the head 3 times.
    /// </summary>
    public double TrainingFlops(int batch)
    {
        double rows = GateCount * Units;
        return 2 * batch * (2 * Steps * rows * Inputs + 3 * (Steps - 1) * rows * Units + 3.0 * Classes * Units);
    }

    /// <summary>The floating-point operations of the products of one forward pass.</summary>
    public double ForwardFlops(int batch) => 2.0 * batch * (GateCount * Units * (Steps * Inputs + (Steps - 1) * Units) + Classes * Units);

    /// <summary>The logits <c>[batch, classes]</c> of the sequences <paramref name="input"/> <c>[steps, batch, inputs]</c>.</summary>
    public void Forward(ReadOnlySpan<float> input, Span<float> logits, int batch)
    {
        ReadOnlySpan<float> last = RunCell(input, batch);
        DenseKernels.Forward(last, Slice(4), Slice(5), logits[..(batch * Classes)], batch, Units, Classes);
    }

    /// <summary>One SGD step on the batch; returns the mean loss before the step.</summary>
    public float TrainStep(ReadOnlySpan<float> input, ReadOnlySpan<long> labels, int batch, float learningRate)
    {
        ComputeGradients(input, labels, batch, out float loss);
        TensorPrimitives.MultiplyAdd(Gradients, -learningRate, Parameters, Parameters);
        return loss;
    }

    /// <summary>The gradients of the mean loss into <see cref="Gradients"/> (overwritten).</summary>
    public void ComputeGradients(ReadOnlySpan<float> input, ReadOnlySpan<long> labels, int batch, out float loss)
    {
        int classes = Classes, units = Units, stateStep = batch * units;
        Span<float> logits = _logits.AsSpan(0, batch * classes), logitGradients = _logitGradients.AsSpan(0, batch * classes);
        ReadOnlySpan<float> last = RunCell(input, batch);
        DenseKernels.Forward(last, Slice(4), Slice(5), logits, batch, units, classes);
        Span<float> targets = _targets.AsSpan(0, batch * classes);
        targets.Clear();
        double sum = 0;
        for (int s = 0; s < batch; s++)
        {
            targets[s * classes + (int)labels[s]] = 1;
            sum += Losses.SoftmaxCrossEntropyGradient<float>(logits.Slice(s * classes, classes), targets.Slice(s * classes, classes),
                1f / batch, logitGradients.Slice(s * classes, classes));
        }
        loss = (float)(sum / batch);
        Gradients.AsSpan().Clear();
        DenseKernels.ParameterGradients<float>(logitGradients, last, GradientSlice(4), GradientSlice(5), batch, units, classes, accumulate: false);
        Span<float> finalHiddenGradients = _finalHiddenGradients.AsSpan(0, stateStep);
        finalHiddenGradients.Clear();
        DenseKernels.AccumulateInputGradients<float>(logitGradients, Slice(4), finalHiddenGradients, batch, units, classes);
        int steps = Steps, inputs = Inputs;
        Span<float> outputs = _outputs.AsSpan(0, steps * stateStep);
        if (Cell == RecurrentCell.Lstm)
        {
            LstmKernels.Backward<float>(input, Slice(0), Slice(1), [], [], outputs, _cells.AsSpan(0, steps * stateStep),
                _gates.AsSpan(0, LstmKernels.GatesLength(steps, batch, units)), [], finalHiddenGradients, [],
                GradientSlice(0), GradientSlice(1), GradientSlice(2), GradientSlice(3), [], [], [], [],
                _workspace.AsSpan(0, LstmKernels.BackwardWorkspaceLength(steps, batch, units)), steps, batch, inputs, units);
        }
        else
        {
            GruKernels.Backward<float>(input, Slice(0), Slice(1), [], outputs, _gates.AsSpan(0, GruKernels.GatesLength(steps, batch, units)),
                [], finalHiddenGradients, GradientSlice(0), GradientSlice(1), GradientSlice(2), GradientSlice(3), [], [], [],
                _workspace.AsSpan(0, GruKernels.BackwardWorkspaceLength(steps, batch, units)), steps, batch, inputs, units);
        }
    }

    /// <summary>Runs the cell from the zero state; returns the last step's hidden state <c>[batch, units]</c>.</summary>
    private ReadOnlySpan<float> RunCell(ReadOnlySpan<float> input, int batch)
    {
        int steps = Steps, inputs = Inputs, units = Units, stateStep = batch * units;
        Span<float> outputs = _outputs.AsSpan(0, steps * stateStep);
        if (Cell == RecurrentCell.Lstm)
        {
            LstmKernels.Forward<float>(input, Slice(0), Slice(1), Slice(2), Slice(3), [], [], outputs, _cells.AsSpan(0, steps * stateStep),
                _gates.AsSpan(0, LstmKernels.GatesLength(steps, batch, units)), _scratch.AsSpan(0, LstmKernels.ForwardScratchLength(batch, units)),
                steps, batch, inputs, units);
        }
        else
        {
            GruKernels.Forward<float>(input, Slice(0), Slice(1), Slice(2), Slice(3), [], outputs,
                _gates.AsSpan(0, GruKernels.GatesLength(steps, batch, units)), _scratch.AsSpan(0, GruKernels.ForwardScratchLength(batch, units)),
                steps, batch, inputs, units);
        }
        return outputs[((steps - 1) * stateStep)..];
    }

    private int Offset(int index) => Sizes.AsSpan(0, index).ToArray().Sum();

    private ReadOnlySpan<float> Slice(int index) => Parameters.AsSpan(Offsets[index], Sizes[index]);

    private Span<float> GradientSlice(int index) => Gradients.AsSpan(Offsets[index], Sizes[index]);

    private int[] Offsets => _offsets ??= [.. Enumerable.Range(0, Sizes.Length).Select(Offset)];

    private int[]? _offsets;
}

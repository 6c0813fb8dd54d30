using NetGen.Generators.Emit;
using NetGen.Generators.Gradients.Recurrent;
using NetGen.Generators.Model;

namespace NetGen.Generators.Layers.Recurrent;

/// <summary>
/// Writes a recurrent layer: its four parameter spans in PyTorch's layout, their initialization, its caches over every
/// step, and its forward pass and backpropagation through time over <c>SimpleRnnKernels</c>, <c>LstmKernels</c> or
/// <c>GruKernels</c>. The network's sequences are batch-major (each sample's steps together); the cell kernels run
/// time-major, so the layer keeps a time-major copy of its input (<c>_x</c>) and its states (<c>_h</c>) and moves between
/// the two with <c>SequenceLayout</c>.
/// </summary>
internal sealed class RecurrentWriter : LayerWriter
{
    private const string Layout = "global::NetGen.CompilerServices.SequenceLayout";

    private readonly RecurrentLayer _layer;

    public RecurrentWriter(NetworkModel network, RecurrentLayer layer)
        : base(network, layer) => _layer = layer;

    private string Kernels => "global::NetGen.CompilerServices." + _layer.Cell switch
    {
        RecurrentCell.Lstm => "LstmKernels",
        RecurrentCell.Gru => "GruKernels",
        _ => "SimpleRnnKernels",
    };

    private bool IsLstm => _layer.Cell == RecurrentCell.Lstm;

    private bool HasGates => _layer.Cell != RecurrentCell.SimpleRnn;

    private string Steps => Literals.Integer(_layer.Steps);

    private string Inputs => Literals.Integer(_layer.Inputs);

    private string Units => Literals.Integer(_layer.Units);

    private string GateRows => Literals.Integer(_layer.Gates * _layer.Units);

    private string Sizes(string batch) => $"steps: {Steps}, batch: {batch}, inputs: {Inputs}, units: {Units}";

    private string Activation => $"global::NetGen.CompilerServices.SimpleRnnActivation.{(_layer.CellActivation == ActivationKind.ReLU ? "Relu" : "Tanh")}";

    private string GateOrder => _layer.Cell switch
    {
        RecurrentCell.Lstm => " (gates i, f, g, o)",
        RecurrentCell.Gru => " (gates r, z, n)",
        _ => "",
    };

    public override void WriteFields(SourceWriter w)
    {
        w.Line($"// {Name}'s caches over every step, time-major [steps, batch, ·]: its input, its hidden states{(IsLstm ? ", its cell states" : "")}" +
               $"{(HasGates ? ", its gates" : "")}; the kernels' scratch and workspace.");
        w.Line($"private readonly {T}[] _x{N};");
        w.Line($"private readonly {T}[] _h{N};");
        if (IsLstm)
        {
            w.Line($"private readonly {T}[] _c{N};");
        }
        if (HasGates)
        {
            w.Line($"private readonly {T}[] _gates{N};");
        }
        w.Line($"private readonly {T}[] _scratch{N};");
        w.Line($"private readonly {T}[] _workspace{N};");
        if (_layer.ReturnSequences)
        {
            w.Line($"private readonly {T}[] _dh{N}; // the loss's ∂loss/∂h at every step, time-major");
        }
        w.Line($"private readonly {T}[] _hiddenGradients{N}; // the total ∂loss/∂h at every step, time-major, for HiddenStateGradients");
        if (Buffers.InputGradient(Layer) is not null)
        {
            w.Line($"private readonly {T}[] _dx{N}; // ∂loss/∂x at every step, time-major");
        }
    }

    public override void WriteAllocations(SourceWriter w)
    {
        string sequence = $"maxBatchSize * {Literals.Integer(_layer.Steps * _layer.Units)}";
        w.Line($"_x{N} = new {T}[maxBatchSize * {Literals.Integer(_layer.Input.Size)}];");
        w.Line($"_h{N} = new {T}[{sequence}];");
        if (IsLstm)
        {
            w.Line($"_c{N} = new {T}[{sequence}];");
        }
        if (HasGates)
        {
            w.Line($"_gates{N} = new {T}[{Kernels}.GatesLength({Steps}, maxBatchSize, {Units})];");
        }
        w.Line($"_scratch{N} = new {T}[{Kernels}.ForwardScratchLength(maxBatchSize, {Units})];");
        w.Line($"_workspace{N} = new {T}[{Kernels}.BackwardWorkspaceLength({Steps}, maxBatchSize, {Units})];");
        if (_layer.ReturnSequences)
        {
            w.Line($"_dh{N} = new {T}[{sequence}];");
        }
        w.Line($"_hiddenGradients{N} = new {T}[{sequence}];");
        if (Buffers.InputGradient(Layer) is not null)
        {
            w.Line($"_dx{N} = new {T}[maxBatchSize * {Literals.Integer(_layer.Input.Size)}];");
        }
    }

    public override void WriteProperties(SourceWriter w)
    {
        string inputShape = $"[{GateRows}, {Inputs}]", recurrentShape = $"[{GateRows}, {Units}]";
        int inputCount = (int)_layer.LongInputWeightCount, recurrentCount = _layer.WeightCount - inputCount, biasCount = _layer.Gates * _layer.Units;
        string recurrentOffset = $"{Name}WeightOffset + {Literals.Integer(inputCount)}";
        string recurrentBiasOffset = $"{Name}BiasOffset + {Literals.Integer(biasCount)}";
        WriteSpanProperty(w, $"{Name}InputWeights", "_parameters", $"{Name}WeightOffset", inputCount, $"{Name}'s input weights (PyTorch's weight_ih), {inputShape} row-major{GateOrder}.");
        WriteSpanProperty(w, $"{Name}RecurrentWeights", "_parameters", recurrentOffset, recurrentCount, $"{Name}'s recurrent weights (PyTorch's weight_hh), {recurrentShape} row-major{GateOrder}.");
        if (_layer.BiasCount > 0)
        {
            WriteSpanProperty(w, $"{Name}InputBiases", "_parameters", $"{Name}BiasOffset", biasCount, $"{Name}'s input biases (PyTorch's bias_ih), {GateRows}{GateOrder}.");
            WriteSpanProperty(w, $"{Name}RecurrentBiases", "_parameters", recurrentBiasOffset, biasCount, $"{Name}'s recurrent biases (PyTorch's bias_hh), {GateRows}{GateOrder}.");
        }
        WriteSpanProperty(w, $"{Name}InputWeightGradients", "_gradients", $"{Name}WeightOffset", inputCount, $"The gradient of {Name}'s input weights, {inputShape} row-major.");
        WriteSpanProperty(w, $"{Name}RecurrentWeightGradients", "_gradients", recurrentOffset, recurrentCount, $"The gradient of {Name}'s recurrent weights, {recurrentShape} row-major.");
        if (_layer.BiasCount > 0)
        {
            WriteSpanProperty(w, $"{Name}InputBiasGradients", "_gradients", $"{Name}BiasOffset", biasCount, $"The gradient of {Name}'s input biases.");
            WriteSpanProperty(w, $"{Name}RecurrentBiasGradients", "_gradients", recurrentBiasOffset, biasCount, $"The gradient of {Name}'s recurrent biases.");
        }
    }

    public override void WriteInitialization(SourceWriter w)
    {
        int gateRows = _layer.Gates * _layer.Units;
        w.Line($"// {Name}: input weights {_layer.InputWeightInit}, recurrent weights {_layer.RecurrentWeightInit}, biases {_layer.BiasInitDescription}");
        w.Line(_layer.InputWeightInit.Call($"{Name}InputWeights", _layer.Inputs, gateRows));
        w.Line(_layer.RecurrentWeightInit.Call($"{Name}RecurrentWeights", _layer.Units, gateRows));
        if (_layer.BiasInit is null)
        {
            return;
        }
        w.Line(_layer.BiasInit.Call($"{Name}InputBiases", _layer.Units, gateRows));
        w.Line(_layer.BiasInit.Call($"{Name}RecurrentBiases", _layer.Units, gateRows));
        string inputGate = $"{Name}InputBiases.Slice(0, {Units})", forgetGate = $"{Name}InputBiases.Slice({Units}, {Units})";
        string recurrentGates = $"{Name}RecurrentBiases.Slice(0, {Literals.Integer(2 * _layer.Units)})";
        if (_layer.ChronoMaxDependency > 0)
        {
            w.Line($"// chrono initialization (Tallec & Ollivier 2018): forget bias log U[1, {_layer.ChronoMaxDependency - 1}] per unit, input bias its opposite");
            w.Line($"global::NetGen.Initializers.Chrono({inputGate}, {forgetGate}, maxDependency: {Literals.Integer(_layer.ChronoMaxDependency)}, random);");
            w.Line($"{recurrentGates}.Clear();");
        }
        else if (_layer.ForgetBias is double forget)
        {
            w.Line($"// the forget gate's total bias {forget.ToString("R", System.Globalization.CultureInfo.InvariantCulture)} (Keras's unit_forget_bias): in bias_ih, 0 in bias_hh");
            w.Line($"{forgetGate}.Fill({Literals.Number(forget, Network.Precision)});");
            w.Line($"{Name}RecurrentBiases.Slice({Units}, {Units}).Clear();");
        }
    }

    public override string ForwardCall => $"Forward{Name}({Buffers.Input(Layer)}, batchSize);";

    public override void WriteForward(SourceWriter w)
    {
        string result = _layer.ReturnSequences ? $"every step's hidden state into _z{N}" : $"the last step's hidden state into _z{N}";
        WriteMethodHeader(w, $"{Name} forward, {_layer.Kind} {_layer.Input} -> {_layer.Output}: runs the cell over the {Steps} steps from a zero state " +
                             $"(the input made time-major in _x{N}), then writes {result}.");
        using (w.Block($"private void Forward{Name}(global::System.ReadOnlySpan<{T}> input, int batchSize)"))
        {
            w.Line($"global::System.Span<{T}> x = {NewBatchSpan($"_x{N}", Layer.Input)};");
            w.Line($"{Layout}.ToTimeMajor(input.Slice(0, x.Length), x, batchSize, steps: {Steps}, features: {Inputs});");
            WriteCaches(w, "Span");
            w.Line($"global::System.Span<{T}> scratch = new(_scratch{N}, 0, {Kernels}.ForwardScratchLength(batchSize, {Units}));");
            string biases = _layer.BiasCount > 0 ? $"{Name}InputBiases, {Name}RecurrentBiases" : "biasIh: default, biasHh: default";
            string states = _layer.Cell switch
            {
                RecurrentCell.Lstm => "initialHidden: default, initialCell: default, outputs: h, cells: c, gates, scratch",
                RecurrentCell.Gru => "initialHidden: default, outputs: h, gates, scratch",
                _ => $"initialHidden: default, outputs: h, scratch, {Activation}",
            };
            w.Line($"{Kernels}.Forward<{T}>(x, {Name}InputWeights, {Name}RecurrentWeights, {biases},");
            w.Line($"    {states}, {Sizes("batchSize")});");
            if (_layer.ReturnSequences)
            {
                w.Line($"{Layout}.ToBatchMajor<{T}>(h, {BatchSpan($"_z{N}", Layer.Output)}, batchSize, steps: {Steps}, features: {Units});");
            }
            else
            {
                w.Line($"h.Slice({Literals.Integer(_layer.Steps - 1)} * batchSize * {Units}, batchSize * {Units}).CopyTo(_z{N}); // the last step's states are the output");
            }
        }
    }

    /// <summary>The locals over the forward pass's caches: the hidden states h, an LSTM's cell states c, the gated cells' gates.</summary>
    private void WriteCaches(SourceWriter w, string span)
    {
        string sequence = $"batchSize * {Literals.Integer(_layer.Steps * _layer.Units)}";
        w.Line($"global::System.{span}<{T}> h = new(_h{N}, 0, {sequence});");
        if (IsLstm)
        {
            w.Line($"global::System.{span}<{T}> c = new(_c{N}, 0, {sequence});");
        }
        if (HasGates)
        {
            w.Line($"global::System.{span}<{T}> gates = new(_gates{N}, 0, {Kernels}.GatesLength({Steps}, batchSize, {Units}));");
        }
    }

    public override string BackwardCall => $"Backward{Name}(batchSize);";

    public override void WriteBackward(SourceWriter w)
    {
        string? inputGradient = Buffers.InputGradient(Layer);
        string from = _layer.ReturnSequences ? $"_da{N} at every step" : $"_da{N}, the last step's";
        string flow = inputGradient is null ? "" : $", adds ∂loss/∂x to {inputGradient}";
        WriteMethodHeader(w, $"{Name} backward: backpropagation through time from {from}: writes the gradients of its four parameter groups{flow}, " +
                             $"and ∂loss/∂h at every step into _hiddenGradients{N}.");
        string sequence = $"batchSize * {Literals.Integer(_layer.Steps * _layer.Units)}";
        using (w.Block($"private void Backward{Name}(int batchSize)"))
        {
            w.Line($"_gradients.Slice({Name}WeightOffset, {Literals.Integer(_layer.ParameterCount)}).Clear(); // the kernel adds to them");
            w.Line($"global::System.ReadOnlySpan<{T}> x = new(_x{N}, 0, batchSize * {Literals.Integer(_layer.Input.Size)});");
            WriteCaches(w, "ReadOnlySpan");
            string fromLoss;
            if (_layer.ReturnSequences)
            {
                w.Line($"global::System.Span<{T}> dh = new(_dh{N}, 0, {sequence});");
                w.Line($"{Layout}.ToTimeMajor<{T}>({ReadOnlyBatchSpan($"_da{N}", Layer.Output)}, dh, batchSize, steps: {Steps}, features: {Units});");
                fromLoss = "outputGradients: dh, finalHiddenGradients: default";
            }
            else
            {
                fromLoss = $"outputGradients: default, finalHiddenGradients: {ReadOnlyBatchSpan($"_da{N}", Layer.Output)}";
            }
            string dx = "inputGradients: default";
            if (inputGradient is not null)
            {
                w.Line($"global::System.Span<{T}> dx = new(_dx{N}, 0, x.Length);");
                w.Line("dx.Clear(); // the kernel adds to it");
                dx = "inputGradients: dx";
            }
            w.Line($"global::System.Span<{T}> hiddenGradients = new(_hiddenGradients{N}, 0, {sequence});");
            w.Line($"global::System.Span<{T}> workspace = new(_workspace{N}, 0, {Kernels}.BackwardWorkspaceLength({Steps}, batchSize, {Units}));");
            string biasGradients = _layer.BiasCount > 0 ? $"{Name}InputBiasGradients, {Name}RecurrentBiasGradients" : "biasIhGradients: default, biasHhGradients: default";
            string parameters = $"{Name}InputWeightGradients, {Name}RecurrentWeightGradients, {biasGradients}";
            switch (_layer.Cell)
            {
                case RecurrentCell.Lstm:
                    w.Line($"{Kernels}.Backward<{T}>(x, {Name}InputWeights, {Name}RecurrentWeights, initialHidden: default, initialCell: default, outputs: h, cells: c, gates,");
                    w.Line($"    {fromLoss}, finalCellGradients: default,");
                    w.Line($"    {parameters},");
                    w.Line($"    {dx}, initialHiddenGradients: default, hiddenGradients, initialCellGradients: default, workspace, {Sizes("batchSize")});");
                    break;
                case RecurrentCell.Gru:
                    w.Line($"{Kernels}.Backward<{T}>(x, {Name}InputWeights, {Name}RecurrentWeights, initialHidden: default, outputs: h, gates,");
                    w.Line($"    {fromLoss},");
                    w.Line($"    {parameters},");
                    w.Line($"    {dx}, initialHiddenGradients: default, hiddenGradients, workspace, {Sizes("batchSize")});");
                    break;
                default:
                    w.Line($"{Kernels}.Backward<{T}>(x, {Name}InputWeights, {Name}RecurrentWeights, initialHidden: default, outputs: h,");
                    w.Line($"    {fromLoss},");
                    w.Line($"    {parameters},");
                    w.Line($"    {dx}, initialHiddenGradients: default, hiddenGradients, workspace, {Activation}, {Sizes("batchSize")});");
                    break;
            }
            if (inputGradient is not null)
            {
                w.Line($"{Layout}.AddToBatchMajor<{T}>(dx, {BatchSpan(inputGradient, Layer.Input)}, batchSize, steps: {Steps}, features: {Inputs});");
            }
        }
    }
}

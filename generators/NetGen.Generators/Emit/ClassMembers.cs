using System.Collections.Generic;
using System.Linq;
using NetGen.Generators.Gradients;
using NetGen.Generators.Model;

namespace NetGen.Generators.Emit;

/// <summary>Writes the generated class's constants, fields, constructors, properties and <c>Initialize</c>.</summary>
internal static class ClassMembers
{
    public static void WriteConstants(SourceWriter w, NetworkModel network, SummaryTable table)
    {
        w.Line("/// <summary>The number of inputs of one sample.</summary>");
        w.Line($"public const int InputSize = {Literals.Integer(network.Input.Size)};");
        w.Line();
        w.Line("/// <summary>The number of outputs of one sample.</summary>");
        w.Line($"public const int OutputSize = {Literals.Integer(network.Output.Size)};");
        w.Line();
        w.Line("/// <summary>The number of trainable parameters: every layer's weights and biases.</summary>");
        w.Line($"public const int ParameterCount = {Literals.Integer(network.ParameterCount)};");
        w.Line();
        w.Line("/// <summary>The largest batch of a network constructed without <c>maxBatchSize</c>.</summary>");
        w.Line("public const int DefaultMaxBatchSize = 64;");
        w.Line();
        w.Line("/// <summary>The model summary: sizes, and a table of the layers with their shapes, activations, initializers and parameter counts.</summary>");
        w.Line($"public const string Summary = {Literals.String(Summary.Text(network, table))};");
        w.Line();
        var withParameters = network.Layers.Where(layer => layer.ParameterCount > 0 || layer.StateCount > 0).ToList();
        if (withParameters.Count == 0)
        {
            return;
        }
        w.Line("// Where each layer's parameters start in the parameter array (its weights, then its biases), and its state in the state array.");
        foreach (Layer layer in withParameters)
        {
            if (layer.ParameterCount > 0)
            {
                w.Line($"private const int {layer.Name}WeightOffset = {Literals.Integer(layer.WeightOffset)};");
            }
            if (layer.BiasCount > 0)
            {
                w.Line($"private const int {layer.Name}BiasOffset = {Literals.Integer(layer.BiasOffset)};");
            }
            if (layer.StateCount > 0)
            {
                w.Line($"private const int {layer.Name}StateOffset = {Literals.Integer(layer.StateOffset)};");
            }
        }
        w.Line();
    }

    public static void WriteFields(SourceWriter w, NetworkModel network, List<LayerWriter> layers)
    {
        string t = Literals.ElementType(network.Precision);
        w.Line("// Parameters and state may be shared with replicas (CreateReplica); gradients and buffers are each instance's own.");
        w.Line("// Parameters and gradients start on a cache line, so that the kernels' 512-bit loads of them do not straddle two.");
        w.Line(GeneratedCode.Attribute);
        w.Line($"private readonly global::NetGen.AlignedBuffer<{t}> _parameters;");
        w.Line(GeneratedCode.Attribute);
        w.Line($"private readonly {t}[] _state;");
        w.Line(GeneratedCode.Attribute);
        w.Line($"private readonly global::NetGen.AlignedBuffer<{t}> _gradients = new(ParameterCount);");
        w.Line();
        w.Line("// The batch size of the last forward pass, for PreActivations.");
        w.Line("private int _lastBatchSize;");
        w.Line();
        w.Line("// The batch size of the last backward pass, for PreActivationGradients: 0 once a forward pass has run since.");
        w.Line("private int _gradientBatchSize;");
        w.Line();
        w.Line("// 1 while a call runs on the buffers below: a second call at the same time, from another thread, is refused (ExclusiveUse).");
        w.Line("private int _inUse;");
        w.Line();
        w.Line("// For each layer and each sample of a batch: the pre-activation z, the output a (z itself for Identity),");
        w.Line("// da = ∂loss/∂a and dz = ∂loss/∂z (da itself for a hidden Identity layer; the output layer has only dz).");
        for (int i = 0; i < layers.Count; i++)
        {
            Layer layer = network.Layers[i];
            int n = layer.Number;
            string da = Buffers.HasOutputGradient(layer, network) ? $", _da{n}" : "";
            w.Line(GeneratedCode.Attribute);
            w.Line($"private readonly {t}[] _z{n}, _a{n}{da}, _dz{n};");
            layers[i].WriteFields(w);
        }
        w.Line();
    }

    public static void WriteConstructors(SourceWriter w, NetworkModel network, List<LayerWriter> layers)
    {
        string t = Literals.ElementType(network.Precision);
        string name = network.ClassName;
        string state = network.StateCount == 0 ? $"global::System.Array.Empty<{t}>()" : $"new {t}[{Literals.Integer(network.StateCount)}]";
        string largestLayerSize = Literals.Integer((int)network.Layers.Max(layer => layer.LargestBufferPerSample));
        string checkMaxBatchSize = $"global::NetGen.CompilerServices.NetworkArguments.CheckMaxBatchSize(maxBatchSize, largestLayerSize: {largestLayerSize});";
        w.Line("/// <summary>Creates the network, its parameters drawn from their initializers.</summary>");
        w.Line("/// <param name=\"maxBatchSize\">The largest batch <c>Forward</c> and <c>TrainStep</c> will take; buffers are allocated for it here, and never after.</param>");
        w.Line("/// <param name=\"seed\">The seed of the initializers: the same seed gives the same parameters.</param>");
        w.Line("/// <exception cref=\"global::System.ArgumentOutOfRangeException\"><paramref name=\"maxBatchSize\"/> is not positive, or its buffers would not fit in an array.</exception>");
        w.Line(GeneratedCode.Attribute);
        using (w.Block($"public {name}(int maxBatchSize = DefaultMaxBatchSize, int seed = 0)"))
        {
            w.Line(checkMaxBatchSize);
            w.Line("_parameters = new(ParameterCount);");
            w.Line($"_state = {state};");
            w.Line("MaxBatchSize = maxBatchSize;");
            WriteAllocations(w, network, layers);
            w.Line("Initialize(seed);");
        }
        w.Line();
        w.Line("/// <summary>A replica: the same parameters and state arrays as <paramref name=\"source\"/>, its own gradients and buffers.</summary>");
        w.Line(GeneratedCode.Attribute);
        using (w.Block($"private {name}({name} source, int maxBatchSize)"))
        {
            w.Line(checkMaxBatchSize);
            w.Line("_parameters = source._parameters;");
            w.Line("_state = source._state;");
            w.Line("MaxBatchSize = maxBatchSize;");
            WriteAllocations(w, network, layers);
        }
        w.Line();
        w.Line("/// <inheritdoc cref=\"global::NetGen.INetwork{T}.CreateReplica\"/>");
        w.Line(GeneratedCode.Attribute);
        w.Line($"public {name} CreateReplica(int maxBatchSize = 1) => new(this, maxBatchSize) {{ IsTraining = false }};");
        w.Line();
        w.Line($"global::NetGen.INetwork<{t}> global::NetGen.INetwork<{t}>.CreateReplica(int maxBatchSize) => CreateReplica(maxBatchSize);");
        w.Line();
    }

    private static void WriteAllocations(SourceWriter w, NetworkModel network, List<LayerWriter> layers)
    {
        string t = Literals.ElementType(network.Precision);
        for (int i = 0; i < layers.Count; i++)
        {
            Layer layer = network.Layers[i];
            int n = layer.Number;
            string size = $"new {t}[maxBatchSize * {Literals.Integer(layer.Output.Size)}]";
            w.Line($"_z{n} = {size};");
            w.Line(Buffers.HasOwnOutput(layer) ? $"_a{n} = {size};" : $"_a{n} = _z{n};");
            if (Buffers.HasOutputGradient(layer, network))
            {
                w.Line($"_da{n} = {size};");
            }
            w.Line(Buffers.HasOwnPreActivationGradient(layer, network) ? $"_dz{n} = {size};" : $"_dz{n} = _da{n};");
            layers[i].WriteAllocations(w);
        }
    }

    /// <summary>The predicted ratios at lags 0, 1, ... (at most <see cref="MaxLagsListed"/>), four significant digits each.</summary>
    private static string LagGradients(Gradients.Recurrent.RecurrentHorizonPrediction horizon) =>
        "new double[] { " + string.Join(", ", Enumerable.Range(0, System.Math.Min(horizon.SequenceLength, MaxLagsListed)).Select(k => horizon.Ratio(k).ToString("G4", System.Globalization.CultureInfo.InvariantCulture))) + " }";

    /// <summary>Enough for the sequences a lag plot shows, without bloating the generated file of a very long one.</summary>
    private const int MaxLagsListed = 1000;

    private static string Horizon(double steps) => double.IsPositiveInfinity(steps) ? "double.PositiveInfinity" : Literals.Number(steps, PrecisionKind.Double);

    public static void WriteProperties(SourceWriter w, NetworkModel network, List<LayerWriter> layers, GradientProfile profile)
    {
        string t = Literals.ElementType(network.Precision);
        string contract = $"global::NetGen.INetwork<{t}>";
        w.Line("/// <summary>The layers, with their shapes and where their parameters are in <see cref=\"Parameters\"/>.</summary>");
        w.Line(GeneratedCode.Attribute);
        w.Line("public static global::System.Collections.Generic.IReadOnlyList<global::NetGen.LayerInfo> Layers { get; } = new global::NetGen.LayerInfo[]");
        w.Line("{");
        foreach (Layer layer in network.Layers)
        {
            string weightOffset = layer.ParameterCount > 0 ? $"{layer.Name}WeightOffset" : Literals.Integer(layer.WeightOffset);
            string biasOffset = layer.BiasCount > 0 ? $"{layer.Name}BiasOffset" : Literals.Integer(layer.BiasOffset);
            LayerPrediction predicted = profile.Layers[layer.Number - 1];
            w.Line($"    new(\"{layer.Name}\", global::NetGen.LayerKind.{layer.Kind}, {Literals.Integer(layer.Input.Size)}, {Literals.Integer(layer.Output.Size)}, " +
                   $"global::NetGen.Activation.{layer.Activation.Kind}, {weightOffset}, {Literals.Integer(layer.WeightCount)}, {biasOffset}, {Literals.Integer(layer.BiasCount)}, " +
                   $"PredictedGradient: {Literals.Number(predicted.RelativeGradientNorm, PrecisionKind.Double)}, " +
                   $"TypicalGradient: {Literals.Number(predicted.TypicalGradientNorm, PrecisionKind.Double)}" +
                   (predicted.Horizon is { } horizon
                       ? $", MemoryHorizon: {Horizon(horizon.MemoryHorizon)}, FirstStepGradient: {Literals.Number(horizon.FirstStepRatio, PrecisionKind.Double)}, " +
                         $"PredictedLagGradients: {LagGradients(horizon)}"
                       : "") +
                   (layer.Input.IsSequence ? $", InputSteps: {Literals.Integer(layer.Input.Steps)}" : "") +
                   (layer.Input.IsImage ? $", InputChannels: {Literals.Integer(layer.Input.Channels)}" : "") +
                   (layer.Output.IsImage ? $", OutputChannels: {Literals.Integer(layer.Output.Channels)}" : "") + "),");
        }
        w.Line("};");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line("public int MaxBatchSize { get; }");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line("public bool IsTraining { get; set; } = true;");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line($"public global::NetGen.Loss Loss => global::NetGen.Loss.{network.Loss};");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line($"public global::System.Span<{t}> Parameters => _parameters.Span;");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line($"public global::System.Span<{t}> Gradients => _gradients.Span;");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line($"public global::System.Span<{t}> State => _state;");
        w.Line();
        foreach (LayerWriter layer in layers)
        {
            layer.WriteProperties(w);
        }
        w.Line($"int {contract}.InputSize => InputSize;");
        w.Line();
        w.Line($"int {contract}.OutputSize => OutputSize;");
        w.Line();
        w.Line($"int {contract}.ParameterCount => ParameterCount;");
        w.Line();
        w.Line($"global::System.Collections.Generic.IReadOnlyList<global::NetGen.LayerInfo> {contract}.Layers => Layers;");
        w.Line();
    }

    public static void WriteInitialize(SourceWriter w, List<LayerWriter> layers)
    {
        w.Line("/// <inheritdoc/>");
        w.Line(GeneratedCode.Attribute);
        using (w.Block("public void Initialize(int seed)"))
        {
            w.Line("global::NetGen.SeededRandom random = new(seed);");
            foreach (LayerWriter layer in layers)
            {
                layer.WriteInitialization(w);
            }
        }
        w.Line();
    }
}

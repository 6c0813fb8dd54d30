using NetGen.Generators.Emit;
using NetGen.Generators.Model;

namespace NetGen.Generators.Layers.Dropout;

/// <summary>Writes a dropout layer: its mask and its generator, and its forward and backward methods over <c>DropoutKernels</c>.</summary>
internal sealed class DropoutWriter : LayerWriter
{
    private const string Kernels = "global::NetGen.CompilerServices.DropoutKernels";

    private readonly DropoutLayer _layer;

    public DropoutWriter(NetworkModel network, DropoutLayer layer)
        : base(network, layer) => _layer = layer;

    private string Features => Literals.Integer(_layer.Output.Size);

    private string Rate => _layer.Rate.ToString("R", System.Globalization.CultureInfo.InvariantCulture);

    public override void WriteFields(SourceWriter w)
    {
        w.Line($"// {Name}'s mask of the last training batch (0 where dropped, 1 / (1 − rate) where kept), and its generator, seeded by Initialize.");
        w.Line(GeneratedCode.Attribute);
        w.Line($"private readonly {T}[] _mask{N};");
        w.Line($"private global::NetGen.SeededRandom _dropoutRandom{N};");
    }

    public override void WriteAllocations(SourceWriter w)
    {
        w.Line($"_mask{N} = new {T}[maxBatchSize * {Features}];");
        w.Line($"_dropoutRandom{N} = new global::NetGen.SeededRandom({N});");
    }

    public override void WriteInitialization(SourceWriter w)
    {
        w.Line($"// {Name}: its masks' generator, from the seed and the layer's number");
        w.Line($"_dropoutRandom{N} = new global::NetGen.SeededRandom(seed * 1000003L + {N});");
    }

    public override string ForwardCall => $"Forward{Name}({Buffers.Input(Layer)}, batchSize);";

    public override void WriteForward(SourceWriter w)
    {
        WriteMethodHeader(w, $"{Name} forward, dropout of {Features} features at rate {Rate}: in training mode _a{N} = x ⊙ a new mask, else _a{N} = x.");
        using (w.Block($"private void Forward{Name}(global::System.ReadOnlySpan<{T}> input, int batchSize)"))
        {
            w.Line($"global::System.ReadOnlySpan<{T}> x = input.Slice(0, batchSize * {Features});");
            using (w.Block("if (IsTraining)"))
            {
                w.Line($"{Kernels}.Forward<{T}>(x, {BatchSpan($"_a{N}", Layer.Output)}, {BatchSpan($"_mask{N}", Layer.Output)}, rate: {Rate}, _dropoutRandom{N});");
            }
            using (w.Block("else"))
            {
                w.Line($"x.CopyTo({BatchSpan($"_a{N}", Layer.Output)});");
            }
        }
    }

    public override string BackwardCall => $"Backward{Name}(batchSize);";

    public override void WriteBackward(SourceWriter w)
    {
        string? inputGradient = Buffers.InputGradient(Layer);
        if (inputGradient is null)
        {
            WriteEmptyBackward(w);
            return;
        }
        WriteMethodHeader(w, $"{Name} backward: adds _da{N} ⊙ the mask (training mode) or _da{N} (inference mode) to {inputGradient}.");
        using (w.Block($"private void Backward{Name}(int batchSize)"))
        {
            w.Line($"global::System.ReadOnlySpan<{T}> da = {NewBatchSpan($"_da{N}", Layer.Output)};");
            w.Line($"global::System.Span<{T}> dx = {NewBatchSpan(inputGradient, Layer.Input)};");
            using (w.Block("if (IsTraining)"))
            {
                w.Line($"{Kernels}.Backward<{T}>(da, {ReadOnlyBatchSpan($"_mask{N}", Layer.Output)}, dx);");
            }
            using (w.Block("else"))
            {
                w.Line($"global::NetGen.Kernels.Add<{T}>(dx, da, dx);");
            }
        }
    }
}

using NetGen.Generators.Model;

namespace NetGen.Generators.Emit;

/// <summary>
/// Writes one layer's share of the generated class. Every layer has the buffers <see cref="Buffers"/> names (z, a, da,
/// dz); a kind adds its own fields, parameter properties, initialization, and its forward and backward methods.
/// </summary>
internal abstract class LayerWriter
{
    protected LayerWriter(NetworkModel network, Layer layer)
    {
        Network = network;
        Layer = layer;
        T = Literals.ElementType(network.Precision);
    }

    protected NetworkModel Network { get; }

    protected Layer Layer { get; }

    /// <summary>The element type, <c>float</c> or <c>double</c>.</summary>
    protected string T { get; }

    protected string Name => Layer.Name;

    protected int N => Layer.Number;

    /// <summary>Fields beyond the layer's z, a, da and dz, with their comments.</summary>
    public virtual void WriteFields(SourceWriter w)
    {
    }

    /// <summary>The constructor's allocation of those fields, for <c>maxBatchSize</c> samples.</summary>
    public virtual void WriteAllocations(SourceWriter w)
    {
    }

    /// <summary>The public spans over the layer's parameters, gradients and state.</summary>
    public virtual void WriteProperties(SourceWriter w)
    {
    }

    /// <summary>The statements of <c>Initialize(seed)</c> that set the layer's parameters and state; <c>random</c> is in scope.</summary>
    public virtual void WriteInitialization(SourceWriter w)
    {
    }

    /// <summary>The statement of <c>RunForward</c> that runs the layer.</summary>
    public abstract string ForwardCall { get; }

    public abstract void WriteForward(SourceWriter w);

    /// <summary>The statement of <c>Backpropagate</c> that runs the layer backward.</summary>
    public abstract string BackwardCall { get; }

    public abstract void WriteBackward(SourceWriter w);

    /// <summary>The statement of <c>UpdateRunningStatistics</c> that moves the layer's running statistics, if it has any.</summary>
    public virtual void WriteRunningStatisticsUpdate(SourceWriter w)
    {
    }

    /// <summary>Whether its backward method updates its parameters itself when given an optimizer (else they are updated after the backward pass).</summary>
    public virtual bool UpdatesItsParameters => false;

    /// <summary><c>new global::System.Span&lt;float&gt;(_z3, 0, batchSize * 64)</c>: the batch's part of a per-sample array.</summary>
    protected string BatchSpan(string array, Shape shape) => Literals.SpanOf(T, array, "0", $"batchSize * {Literals.Integer(shape.Size)}");

    /// <summary>
    /// The backward method of a parameterless layer that reads the network's inputs, whose gradient nobody wants: an empty
    /// <c>Backward{Name}(int batchSize)</c>, so that the backward pass calls every layer alike.
    /// </summary>
    protected void WriteEmptyBackward(SourceWriter w)
    {
        WriteMethodHeader(w, $"{Name} backward: nothing to do, its input is the network's.");
        using (w.Block($"private void Backward{Name}(int batchSize)"))
        {
        }
    }

    /// <summary><c>new(_z3, 0, batchSize * 64)</c>: the same, for a local whose declaration names the span type.</summary>
    protected static string NewBatchSpan(string array, Shape shape) => $"new({array}, 0, batchSize * {Literals.Integer(shape.Size)})";

    protected string ReadOnlyBatchSpan(string array, Shape shape) =>
        $"new global::System.ReadOnlySpan<{T}>({array}, 0, batchSize * {Literals.Integer(shape.Size)})";

    protected void WriteSpanProperty(SourceWriter w, string name, string array, string offset, int length, string doc)
    {
        w.Line($"/// <summary>{doc}</summary>");
        string span = array == "_state" ? Literals.SpanOf(T, array, offset, Literals.Integer(length)) : $"{array}.Slice({offset}, {Literals.Integer(length)})";
        w.Line($"public global::System.Span<{T}> {name} => {span};");
        w.Line();
    }

    protected static void WriteMethodHeader(SourceWriter w, string summary)
    {
        w.Line($"/// <summary>{summary}</summary>");
        w.Line(GeneratedCode.Attribute);
    }
}

using NetGen.Generators.Model;

namespace NetGen.Generators.Emit;

/// <summary>Writes the two loss methods of a network: the batch loss, and the batch loss with the output layer's <c>dz</c>.</summary>
internal sealed class LossWriter
{
    private readonly SourceWriter _w;
    private readonly NetworkModel _spec;
    private readonly string _t;

    /// <summary>On a sequence output the loss is per step: its rows are every step of every sample (PyTorch's loss on [batch·steps, classes]).</summary>
    private bool PerStep => _spec.Output.IsSequence;

    private string RowLength => PerStep ? Literals.Integer(_spec.Output.Features) : "OutputSize";

    private string RowCount => PerStep ? $"batchSize * {Literals.Integer(_spec.Output.Steps)}" : "batchSize";

    public LossWriter(SourceWriter writer, NetworkModel spec)
    {
        _w = writer;
        _spec = spec;
        _t = Literals.ElementType(spec.Precision);
    }

    public void WriteLoss()
    {
        _w.Line($"/// <summary>{Description()}</summary>");
        _w.Line(GeneratedCode.Attribute);
        using (_w.Block($"private {_t} OutputLoss(global::System.ReadOnlySpan<{_t}> targets, int batchSize)"))
        {
            WriteSampleLoop($"global::NetGen.Losses.{LossFunction()}<{_t}>({Row(LossInput())}, targets.Slice(row, {RowLength}))");
        }
    }

    public void WriteLossAndGradient()
    {
        Layer output = _spec.OutputLayer;
        int n = output.Number;
        _w.Line($"/// <summary>{Description()} Also writes _dz{n} = ∂loss/∂z{n}: {GradientDescription()}.</summary>");
        _w.Line(GeneratedCode.Attribute);
        using (_w.Block($"private {_t} OutputLossAndGradient(global::System.ReadOnlySpan<{_t}> targets, int batchSize)"))
        {
            string divisor = IsMeanOverSamplesOnly ? (PerStep ? $"({RowCount})" : "batchSize") : "(batchSize * OutputSize)";
            _w.Line($"{_t} scale = {Literals.Number(1, _spec.Precision)} / {divisor};");
            bool needsDerivative = _spec.Loss == LossKind.MeanSquaredError && !output.Activation.IsIdentity;
            string gradientName = needsDerivative ? $"∂loss/∂a{n} into _dz{n}" : $"_dz{n}";
            _w.Line($"// Writes {gradientName} for each sample.");
            WriteSampleLoop(
                $"global::NetGen.Losses.{LossFunction()}{GradientSuffix()}<{_t}>({Row(LossInput())}, targets.Slice(row, {RowLength}), scale, {Row($"_dz{n}")})",
                afterLoop: needsDerivative ? () => ActivationWriter.WriteDerivativeInPlace(_w, output, _spec.Precision) : null);
        }
    }

    /// <summary>Writes a loop that sums the per-sample loss in double and returns its batch mean.</summary>
    private void WriteSampleLoop(string sampleLoss, System.Action? afterLoop = null)
    {
        _w.Line("double sum = 0;");
        using (_w.Block(PerStep ? $"for (int step = 0; step < {RowCount}; step++)" : "for (int sample = 0; sample < batchSize; sample++)"))
        {
            _w.Line(PerStep ? $"int row = step * {RowLength};" : "int row = sample * OutputSize;");
            _w.Line($"sum += {sampleLoss};");
        }
        afterLoop?.Invoke();
        string divisor = IsMeanOverSamplesOnly ? (PerStep ? $"((double){RowCount})" : "batchSize") : "((double)batchSize * OutputSize)";
        _w.Line($"return ({_t})(sum / {divisor});");
    }

    private string Row(string buffer) => Literals.SpanOf(_t, buffer, "row", RowLength);

    /// <summary>Softmax cross-entropy sums over the classes of a sample; the other losses average over every output.</summary>
    private bool IsMeanOverSamplesOnly => _spec.Loss == LossKind.SoftmaxCrossEntropy;

    /// <summary>The losses on logits read z; the others read the activation a.</summary>
    private string LossInput()
    {
        int n = _spec.OutputLayer.Number;
        return _spec.Loss is LossKind.SoftmaxCrossEntropy or LossKind.SigmoidCrossEntropy ? $"_z{n}" : $"_a{n}";
    }

    private string LossFunction() => _spec.Loss switch
    {
        LossKind.SoftmaxCrossEntropy => "SoftmaxCrossEntropy",
        LossKind.SigmoidCrossEntropy => "SigmoidCrossEntropy",
        LossKind.BinaryCrossEntropy => "BinaryCrossEntropy",
        _ => "SquaredError",
    };

    private string GradientSuffix() => _spec.Loss == LossKind.BinaryCrossEntropy ? "PreActivationGradient" : "Gradient";

    private string Description()
    {
        int n = _spec.OutputLayer.Number;
        return _spec.Loss switch
        {
            LossKind.SoftmaxCrossEntropy => PerStep
                ? $"The batch's softmax cross-entropy: −Σ y·log softmax(_z{n}) for each step of each sample, averaged over the steps and samples."
                : $"The batch's softmax cross-entropy: −Σ y·log softmax(_z{n}) for each sample, averaged over the samples.",
            LossKind.SigmoidCrossEntropy => $"The batch's sigmoid cross-entropy on the logits _z{n}, averaged over every output of every sample.",
            LossKind.BinaryCrossEntropy => $"The batch's binary cross-entropy of the sigmoid outputs _a{n}, averaged over every output of every sample.",
            _ => $"The batch's mean squared error: (_a{n} − y)² averaged over every output of every sample.",
        };
    }

    private string GradientDescription()
    {
        int n = _spec.OutputLayer.Number;
        return _spec.Loss switch
        {
            LossKind.SoftmaxCrossEntropy => PerStep ? $"(softmax(_z{n}) − y) / (batchSize·steps)" : $"(softmax(_z{n}) − y) / batchSize",
            LossKind.SigmoidCrossEntropy => $"(σ(_z{n}) − y) / (batchSize·outputs)",
            LossKind.BinaryCrossEntropy => $"(_a{n} − y) / (batchSize·outputs), the sigmoid's derivative cancelling",
            _ when _spec.OutputLayer.Activation.IsIdentity => $"2·(_a{n} − y) / (batchSize·outputs)",
            _ => $"2·(_a{n} − y) / (batchSize·outputs) ⊙ {_spec.OutputLayer.Activation}'(_z{n})",
        };
    }
}

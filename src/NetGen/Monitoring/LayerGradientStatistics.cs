namespace NetGen;

/// <summary>
/// One layer's gradient statistics from the last <see cref="GradientMonitor.Measure"/>. The monitor owns one instance per layer
/// and overwrites it at every measurement: copy the values to keep them.
/// </summary>
public sealed class LayerGradientStatistics
{
    internal LayerGradientStatistics(int index, LayerInfo layer)
    {
        Index = index;
        Layer = layer;
    }

    /// <summary>The layer's index in <see cref="INetwork{T}.Layers"/>.</summary>
    public int Index { get; }

    /// <summary>The layer: name, kind, shape, activation, parameter offsets.</summary>
    public LayerInfo Layer { get; }

    /// <summary>The layer's name, such as <c>Layer1</c>.</summary>
    public string Name => Layer.Name;

    /// <summary>The L2 norm of the layer's weight gradient (0 when the layer has no weights; a PReLU layer's weights are its slopes).</summary>
    public double WeightGradientNorm { get; internal set; }

    /// <summary>The L2 norm of the layer's bias gradient (0 when the layer has no biases).</summary>
    public double BiasGradientNorm { get; internal set; }

    /// <summary>The mean |weight gradient| (NaN when the layer has no weights).</summary>
    public double MeanAbsWeightGradient { get; internal set; }

    /// <summary>The largest |weight gradient| (0 when the layer has no weights).</summary>
    public double MaxAbsWeightGradient { get; internal set; }

    /// <summary>
    /// The fraction of weight-gradient entries with magnitude below <see cref="GradientThresholds.VanishingMedianGradient"/> (1e-5):
    /// above 0.5 exactly when the median |weight gradient| is below 1e-5. NaN when the layer has no weights.
    /// </summary>
    public double SmallWeightGradientFraction { get; internal set; }

    /// <summary>
    /// This layer's weight-gradient norm divided by the next dense layer's (NaN for the last dense layer, for layers that are
    /// not dense, and when both norms are 0).
    /// </summary>
    public double RatioToNextLayer { get; internal set; }

    /// <summary>
    /// For a ReLU layer, the fraction of its units whose pre-activation is at most 0 for every sample of the last batch
    /// (dead units: they pass no gradient); NaN for other activations, and for PReLU and dropout layers, which have no activation
    /// of their own (a dropout layer's zeros are its mask's).
    /// </summary>
    public double DeadUnitFraction { get; internal set; }

    /// <summary>
    /// For a sigmoid or tanh layer, the fraction of pre-activation entries (batch × units) with |z| ≥ 5, where the derivative
    /// is below 0.0067 (sigmoid) or 0.00018 (tanh); a NaN entry counts as saturated. NaN for other activations, and for PReLU and
    /// dropout layers.
    /// </summary>
    public double SaturatedFraction { get; internal set; }

    /// <summary>Whether any of the layer's gradients or pre-activations is NaN or infinite.</summary>
    public bool HasNonFinite { get; internal set; }
}

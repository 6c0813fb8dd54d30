using System.Collections.Generic;

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
        LagGradientValues = layer.Kind is LayerKind.SimpleRNN or LayerKind.LSTM or LayerKind.GRU && layer.InputSteps > 0 ? new double[layer.InputSteps] : [];
    }

    /// <summary>
    /// For a recurrent layer of a network that exposes them (<see cref="IRecurrentNetwork{T}"/>, every generated one): the
    /// measured ∂loss/∂h at lag k = 0, 1, ..., steps − 1 before the layer's last step, relative to the last step's (root mean
    /// squares over the batch and the units), from the last measurement; what <see cref="LayerInfo.PredictedLagGradients"/>
    /// predicts at initialization. Empty for the other layers.
    /// </summary>
    public IReadOnlyList<double> LagGradients => LagGradientValues;

    internal double[] LagGradientValues { get; }

    /// <summary>The layer's index in <see cref="INetwork{T}.Layers"/>.</summary>
    public int Index { get; }

    /// <summary>The layer: name, kind, shape, activation, parameter offsets.</summary>
    public LayerInfo Layer { get; }

    /// <summary>The layer's name, such as <c>Layer1</c>.</summary>
    public string Name => Layer.Name;

    /// <summary>
    /// The root mean square of a sample's own ∂loss/∂z over the layer's units and the batch's samples (the batch size times
    /// <see cref="INetwork{T}.PreActivationGradients"/>, whose loss is the batch's mean): the quantity
    /// <see cref="LayerInfo.PredictedGradient"/> predicts, before it is made relative. NaN when the network gave none.
    /// </summary>
    public double PreActivationGradientRms { get; internal set; }

    /// <summary>
    /// <see cref="PreActivationGradientRms"/> over the output layer's: what <see cref="LayerInfo.PredictedGradient"/> predicts
    /// at initialization, measured. NaN when either is NaN or the output layer's is 0.
    /// </summary>
    public double MeasuredGradient { get; internal set; }

    /// <summary>The L2 norm of the layer's weight gradient (0 when the layer has no weights; a PReLU layer's weights are its slopes).</summary>
    public double WeightGradientNorm { get; internal set; }

    /// <summary>The L2 norm of the layer's bias gradient (0 when the layer has no biases).</summary>
    public double BiasGradientNorm { get; internal set; }

    /// <summary>The mean |weight gradient| over every entry, zeros included (NaN when the layer has no weights).</summary>
    public double MeanAbsWeightGradient { get; internal set; }

    /// <summary>The largest |weight gradient| (0 when the layer has no weights).</summary>
    public double MaxAbsWeightGradient { get; internal set; }

    /// <summary>
    /// The fraction of weight-gradient entries that are exactly 0 (BTTackler's "rate0"). An entry is exactly 0 when the weight's
    /// input was 0 for every sample of the batch (MNIST's border pixels make 38–57 % of a first layer's entries 0 in a batch of
    /// 64) or when its unit passed no gradient for any sample (a dead ReLU unit). NaN when the layer has no weights.
    /// </summary>
    public double ZeroWeightGradientFraction { get; internal set; }

    /// <summary>
    /// The mean |weight gradient| over the entries that are not exactly 0: the quantity of the mean-gradient rules (NGM02, NGM03,
    /// NGM04, NGM06, NGM07). DeepDiagnosis and BTTackler average over every entry; the zeros are left out here because they are
    /// structural (see <see cref="ZeroWeightGradientFraction"/>: inputs that are always 0, dead units, which NGM09 reports), not a
    /// gradient that shrank on its way back, and would otherwise pull a healthy layer's mean toward a vanishing verdict. NaN
    /// when the layer has no weights or every entry is 0 (nothing measured: a fully dead layer is NGM09's to report).
    /// </summary>
    public double MeanAbsNonzeroWeightGradient { get; internal set; }

    /// <summary>
    /// This dense or convolution layer's <see cref="MeanAbsNonzeroWeightGradient"/> divided by the next such layer's (BTTackler's adjacent
    /// quotient; NaN for the last of them, for the other layers, and when either mean is NaN).
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

namespace NetGen;

/// <summary>
/// The detection rules of <see cref="GradientMonitor{T}"/>, each taken from a published dynamic tool, with its threshold
/// (see <see cref="GradientThresholds"/>). "Weight-gradient norm" is the L2 norm of a dense layer's weight gradient or a convolution's kernel gradient; "mean
/// |weight gradient|" is taken over the entries that are not exactly 0 (see
/// <see cref="LayerGradientStatistics.MeanAbsNonzeroWeightGradient"/>: an exact 0 is a weight whose input was 0 for the whole
/// batch, or whose unit is dead, not a gradient that shrank on its way back). docs/monitor.md gives each rule's source and what
/// NetGen changed.
/// </summary>
public enum GradientRule
{
    /// <summary>
    /// NGM01, vanishing (AutoTrainer, Zhang et al., ICSE 2021): the first dense or convolution layer's weight-gradient norm divided by the
    /// last one's is below 1e-3 and the first one's is below 1e-4. AutoTrainer also requires the loss to stall; the monitor
    /// sees gradients only and omits that condition.
    /// </summary>
    VanishingFirstToLastRatio = 1,

    /// <summary>NGM02, vanishing (DeepDiagnosis, Wardat et al., ICSE 2022): a dense or convolution layer's mean |weight gradient| is below 1e-7.</summary>
    VanishingMeanGradient = 2,

    /// <summary>
    /// NGM03, vanishing (BTTackler, Pei et al., KDD 2024, its rule vg_rule1): the median, over the dense and convolution layers, of each layer's
    /// mean |weight gradient| is below 1e-5. Network-wide.
    /// </summary>
    VanishingMedianGradient = 3,

    /// <summary>
    /// NGM04, vanishing (BTTackler, KDD 2024, vg_rule2): the median, over consecutive dense and convolution layers, of a layer's mean |weight
    /// gradient| divided by the next one's is below 1e-4. Network-wide.
    /// </summary>
    VanishingAdjacentRatio = 4,

    /// <summary>NGM05, exploding (AutoTrainer, Zhang et al., ICSE 2021): the first dense or convolution layer's weight-gradient norm divided by the last one's is above 70.</summary>
    ExplodingFirstToLastRatio = 5,

    /// <summary>
    /// NGM06, exploding (BTTackler, KDD 2024, eg_rule1): the median, over the dense and convolution layers, of each layer's mean |weight
    /// gradient| is above 1e4. Network-wide; marks the run as diverged.
    /// </summary>
    ExplodingGradient = 6,

    /// <summary>
    /// NGM07, exploding (BTTackler, KDD 2024, eg_rule2): the median, over consecutive dense and convolution layers, of a layer's mean |weight
    /// gradient| divided by the next one's is above 1e3. Network-wide.
    /// </summary>
    ExplodingAdjacentRatio = 7,

    /// <summary>
    /// NGM08, divergence (DeepDiagnosis, ICSE 2022; AutoTrainer and BTTackler classify it as exploding): a gradient or
    /// pre-activation of the layer is NaN or infinite. Marks the run as diverged.
    /// </summary>
    NonFinite = 8,

    /// <summary>
    /// NGM09, dying ReLU (DeepDiagnosis, ICSE 2022: 70% of ReLU outputs at most 0; AutoTrainer, ICSE 2021: 70%): at least 70% of a
    /// ReLU layer's units have a pre-activation at most 0 for every sample of the batch.
    /// </summary>
    DyingReLU = 9,

    /// <summary>NGM10, saturation (DeepDiagnosis, Wardat et al., ICSE 2022): more than 50% of a sigmoid or tanh layer's pre-activations have |z| ≥ 5.</summary>
    SaturatedActivation = 10,

    /// <summary>
    /// NGM11, divergence (AutoTrainer, ICSE 2021, its "nan_loss" feature, which it diagnoses as exploding): a training loss
    /// recorded since the last measurement (<see cref="GradientMonitor.RecordLoss"/>) is NaN or infinite, or more than 1e4 times
    /// the first loss recorded. Network-wide; marks the run as diverged.
    /// </summary>
    DivergingLoss = 11,
}

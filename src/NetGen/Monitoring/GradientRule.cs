namespace NetGen;

/// <summary>
/// The detection rules of <see cref="GradientMonitor{T}"/>, each taken from a published dynamic tool, with its threshold
/// (see <see cref="GradientThresholds"/>). "Weight-gradient norm" is the L2 norm of a dense layer's weight gradient.
/// </summary>
public enum GradientRule
{
    /// <summary>
    /// NGM01, vanishing (AutoTrainer, Zhang et al., ICSE 2021): the first dense layer's weight-gradient norm divided by the
    /// last one's is below 1e-3 and the first one's is below 1e-4. AutoTrainer also requires the loss to stall; the monitor
    /// sees gradients only and omits that condition.
    /// </summary>
    VanishingFirstToLastRatio = 1,

    /// <summary>NGM02, vanishing (DeepDiagnosis, Wardat et al., ICSE 2022): a dense layer's mean |weight gradient| is below 1e-7.</summary>
    VanishingMeanGradient = 2,

    /// <summary>
    /// NGM03, vanishing (BTTackler, KDD 2024): a dense layer's median |weight gradient| is below 1e-5, measured exactly as
    /// "more than half of the entries are below 1e-5" (one counting pass, no sort).
    /// </summary>
    VanishingMedianGradient = 3,

    /// <summary>NGM04, vanishing (BTTackler, KDD 2024): a dense layer's weight-gradient norm divided by the next dense layer's is below 1e-4.</summary>
    VanishingAdjacentRatio = 4,

    /// <summary>NGM05, exploding (AutoTrainer, Zhang et al., ICSE 2021): the first dense layer's weight-gradient norm divided by the last one's is above 70.</summary>
    ExplodingFirstToLastRatio = 5,

    /// <summary>NGM06, exploding (BTTackler, KDD 2024): a dense layer's largest |weight gradient| is above 1e4.</summary>
    ExplodingGradient = 6,

    /// <summary>NGM07, exploding (BTTackler, KDD 2024): a dense layer's weight-gradient norm divided by the next dense layer's is above 1e3.</summary>
    ExplodingAdjacentRatio = 7,

    /// <summary>NGM08, numeric failure (DeepDiagnosis, Wardat et al., ICSE 2022): a gradient or pre-activation of the layer is NaN or infinite.</summary>
    NonFinite = 8,

    /// <summary>
    /// NGM09, dying ReLU (DeepDiagnosis, ICSE 2022: 70% of ReLU outputs at most 0; AutoTrainer, ICSE 2021: 70%): at least 70% of a
    /// ReLU layer's units have a pre-activation at most 0 for every sample of the batch.
    /// </summary>
    DyingReLU = 9,

    /// <summary>NGM10, saturation (DeepDiagnosis, Wardat et al., ICSE 2022): more than 50% of a sigmoid or tanh layer's pre-activations have |z| ≥ 5.</summary>
    SaturatedActivation = 10,
}

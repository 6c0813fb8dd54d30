namespace NetGen;

/// <summary>The descriptions of every <see cref="GradientRule"/>, in enum order.</summary>
internal static class GradientRuleCatalog
{
    private const string VanishingAdvice =
        "use ReLU with He init (or SELU with LeCun normal init), add residual blocks or batch normalization";

    private const string ExplodingAdvice = "clip gradients by global norm (TrainingOptions.ClipGradientNorm), lower the learning rate";

    private static readonly GradientRuleDescription[] All =
    [
        new(GradientRule.VanishingFirstToLastRatio, "NGM01", "Vanishing gradient", "AutoTrainer (ICSE 2021)",
            "first/last weight-gradient norm ratio (first-layer norm also below 1e-4)", GradientThresholds.VanishingFirstToLastRatio, VanishingAdvice),
        new(GradientRule.VanishingMeanGradient, "NGM02", "Vanishing gradient", "DeepDiagnosis (ICSE 2022)",
            "mean |weight gradient|", GradientThresholds.VanishingMeanGradient, VanishingAdvice),
        new(GradientRule.VanishingMedianGradient, "NGM03", "Vanishing gradient", "BTTackler (KDD 2024)",
            "fraction of |weight gradient| entries below 1e-5 (the median is below 1e-5 when it exceeds 0.5)", 0.5, VanishingAdvice),
        new(GradientRule.VanishingAdjacentRatio, "NGM04", "Vanishing gradient", "BTTackler (KDD 2024)",
            "weight-gradient norm over the next dense layer's", GradientThresholds.VanishingAdjacentRatio, VanishingAdvice),
        new(GradientRule.ExplodingFirstToLastRatio, "NGM05", "Exploding gradient", "AutoTrainer (ICSE 2021)",
            "first/last weight-gradient norm ratio", GradientThresholds.ExplodingFirstToLastRatio, ExplodingAdvice),
        new(GradientRule.ExplodingGradient, "NGM06", "Exploding gradient", "BTTackler (KDD 2024)",
            "largest |weight gradient|", GradientThresholds.ExplodingGradient, ExplodingAdvice),
        new(GradientRule.ExplodingAdjacentRatio, "NGM07", "Exploding gradient", "BTTackler (KDD 2024)",
            "weight-gradient norm over the next dense layer's", GradientThresholds.ExplodingAdjacentRatio, ExplodingAdvice),
        new(GradientRule.NonFinite, "NGM08", "NaN or infinity", "DeepDiagnosis (ICSE 2022)",
            "NaN or infinite gradient or pre-activation entries", 0,
            "lower the learning rate, clip gradients by global norm, check the inputs for NaN and the loss for log(0)"),
        new(GradientRule.DyingReLU, "NGM09", "Dying ReLU", "DeepDiagnosis (ICSE 2022), AutoTrainer (ICSE 2021)",
            "fraction of units with pre-activation <= 0 for every sample", GradientThresholds.DeadUnitFraction,
            "lower the learning rate, use He init, use LeakyReLU or ELU, or add batch normalization"),
        new(GradientRule.SaturatedActivation, "NGM10", "Saturated activation", "DeepDiagnosis (ICSE 2022)",
            "fraction of pre-activations with |z| >= 5", GradientThresholds.SaturatedFraction,
            "use an initializer scaled to fan-in (LeCun or Glorot) with zero biases, normalize the inputs, add batch normalization, or use ReLU"),
    ];

    /// <summary>The number of rules.</summary>
    public static int Count => All.Length;

    /// <summary>The description of rule number <paramref name="index"/> (0-based, in <see cref="GradientRule"/> order).</summary>
    public static GradientRuleDescription At(int index) => All[index];

    /// <summary>The description of <paramref name="rule"/>.</summary>
    public static GradientRuleDescription Of(GradientRule rule) => All[(int)rule - 1];
}

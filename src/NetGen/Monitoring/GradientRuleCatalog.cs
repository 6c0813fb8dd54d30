namespace NetGen;

/// <summary>The descriptions of every <see cref="GradientRule"/>, in enum order.</summary>
internal static class GradientRuleCatalog
{
    private const string VanishingAdvice =
        "use ReLU with He init (or SELU with LeCun normal init), add residual blocks or batch normalization";

    private const string ExplodingAdvice = "clip gradients by global norm (TrainingOptions.ClipGradientNorm), lower the learning rate";

    private const string DivergenceAdvice = "lower the learning rate, clip gradients by global norm (TrainingOptions.ClipGradientNorm)";

    private const string MeanMagnitude = "mean |weight gradient| over its non-zero entries";

    private static readonly GradientRuleDescription[] All =
    [
        new(GradientRule.VanishingFirstToLastRatio, "NGM01", "Vanishing gradient", GradientProblem.Vanishing, "AutoTrainer (ICSE 2021)",
            "first/last weight-gradient norm ratio (first-layer norm also below 1e-4)", GradientThresholds.VanishingFirstToLastRatio, true, VanishingAdvice),
        new(GradientRule.VanishingMeanGradient, "NGM02", "Vanishing gradient", GradientProblem.Vanishing, "DeepDiagnosis (ICSE 2022)",
            MeanMagnitude, GradientThresholds.VanishingMeanGradient, false, VanishingAdvice),
        new(GradientRule.VanishingMedianGradient, "NGM03", "Vanishing gradient", GradientProblem.Vanishing, "BTTackler (KDD 2024)",
            $"median over the dense and convolution layers of their {MeanMagnitude}", GradientThresholds.VanishingMedianGradient, true, VanishingAdvice),
        new(GradientRule.VanishingAdjacentRatio, "NGM04", "Vanishing gradient", GradientProblem.Vanishing, "BTTackler (KDD 2024)",
            $"median over consecutive dense and convolution layers of the quotient of their {MeanMagnitude}", GradientThresholds.VanishingAdjacentRatio, true, VanishingAdvice),
        new(GradientRule.ExplodingFirstToLastRatio, "NGM05", "Exploding gradient", GradientProblem.Exploding, "AutoTrainer (ICSE 2021)",
            "first/last weight-gradient norm ratio", GradientThresholds.ExplodingFirstToLastRatio, true, ExplodingAdvice),
        new(GradientRule.ExplodingGradient, "NGM06", "Exploding gradient", GradientProblem.Exploding, "BTTackler (KDD 2024)",
            $"median over the dense and convolution layers of their {MeanMagnitude}", GradientThresholds.ExplodingGradient, true, ExplodingAdvice),
        new(GradientRule.ExplodingAdjacentRatio, "NGM07", "Exploding gradient", GradientProblem.Exploding, "BTTackler (KDD 2024)",
            $"median over consecutive dense and convolution layers of the quotient of their {MeanMagnitude}", GradientThresholds.ExplodingAdjacentRatio, true, ExplodingAdvice),
        new(GradientRule.NonFinite, "NGM08", "Divergence (NaN or infinity)", GradientProblem.Exploding, "DeepDiagnosis (ICSE 2022), AutoTrainer (ICSE 2021)",
            "NaN or infinite gradient or pre-activation entries", 0, false,
            DivergenceAdvice + "; check the inputs for NaN and the loss for log(0)"),
        new(GradientRule.DyingReLU, "NGM09", "Dying ReLU", GradientProblem.DyingReLU, "DeepDiagnosis (ICSE 2022), AutoTrainer (ICSE 2021)",
            "fraction of units with pre-activation <= 0 for every sample", GradientThresholds.DeadUnitFraction, false,
            "lower the learning rate, use He init, use LeakyReLU or ELU, or add batch normalization"),
        new(GradientRule.SaturatedActivation, "NGM10", "Saturated activation", GradientProblem.Saturation, "DeepDiagnosis (ICSE 2022)",
            "fraction of pre-activations with |z| >= 5", GradientThresholds.SaturatedFraction, false,
            "use an initializer scaled to fan-in (LeCun or Glorot) with zero biases, normalize the inputs, add batch normalization, or use ReLU"),
        new(GradientRule.DivergingLoss, "NGM11", "Divergence (loss)", GradientProblem.Exploding, "AutoTrainer (ICSE 2021)",
            "training loss over the first loss recorded (NaN if the loss is NaN or infinite)", GradientThresholds.DivergingLossFactor, true, DivergenceAdvice),
    ];

    /// <summary>The number of rules.</summary>
    public static int Count => All.Length;

    /// <summary>The description of rule number <paramref name="index"/> (0-based, in <see cref="GradientRule"/> order).</summary>
    public static GradientRuleDescription At(int index) => All[index];

    /// <summary>The description of <paramref name="rule"/>.</summary>
    public static GradientRuleDescription Of(GradientRule rule) => All[(int)rule - 1];
}

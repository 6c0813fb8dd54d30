namespace NetGen;

/// <summary>The thresholds of the <see cref="GradientRule"/>s, as published by the tools each rule cites (docs/monitor.md says where NetGen departs from them and why).</summary>
public static class GradientThresholds
{
    /// <summary>AutoTrainer: vanishing when first/last weight-gradient norm is below this (and <see cref="VanishingFirstLayerNorm"/> holds).</summary>
    public const double VanishingFirstToLastRatio = 1e-3;

    /// <summary>AutoTrainer: vanishing needs the first dense or convolution layer's weight-gradient norm below this too.</summary>
    public const double VanishingFirstLayerNorm = 1e-4;

    /// <summary>DeepDiagnosis: vanishing when a layer's mean |weight gradient| is below this.</summary>
    public const double VanishingMeanGradient = 1e-7;

    /// <summary>BTTackler (p_vg1): vanishing when the median over the dense and convolution layers of their mean |weight gradient| is below this.</summary>
    public const double VanishingMedianGradient = 1e-5;

    /// <summary>BTTackler (p_vg2): vanishing when the median of the mean |weight gradient| quotients of consecutive dense and convolution layers is below this.</summary>
    public const double VanishingAdjacentRatio = 1e-4;

    /// <summary>AutoTrainer: exploding when first/last weight-gradient norm is above this.</summary>
    public const double ExplodingFirstToLastRatio = 70;

    /// <summary>BTTackler (p_eg1): exploding when the median over the dense and convolution layers of their mean |weight gradient| is above this.</summary>
    public const double ExplodingGradient = 1e4;

    /// <summary>BTTackler (p_eg2): exploding when the median of the mean |weight gradient| quotients of consecutive dense and convolution layers is above this.</summary>
    public const double ExplodingAdjacentRatio = 1e3;

    /// <summary>
    /// Diverging loss: a training loss above this many times the first loss recorded. AutoTrainer takes a loss of 1e5 as
    /// diverged, about 4e4 times the 2.3 that a 10-class cross-entropy starts at; NetGen takes the ratio (so the rule holds for
    /// a loss of any scale) and the order of magnitude below.
    /// </summary>
    public const double DivergingLossFactor = 1e4;

    /// <summary>DeepDiagnosis and AutoTrainer: dying ReLU when at least this fraction of a layer's units is dead.</summary>
    public const double DeadUnitFraction = 0.7;

    /// <summary>DeepDiagnosis: saturation when more than this fraction of a sigmoid or tanh layer's pre-activations is saturated.</summary>
    public const double SaturatedFraction = 0.5;

    /// <summary>DeepDiagnosis: a sigmoid or tanh pre-activation is saturated when its magnitude is at least this.</summary>
    public const double SaturatedPreActivation = 5;
}

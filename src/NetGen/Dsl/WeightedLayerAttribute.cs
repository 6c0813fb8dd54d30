using System;

namespace NetGen;

/// <summary>
/// What the layers with weights and biases (<see cref="DenseAttribute"/> and the recurrent ones, <see cref="RecurrentAttribute"/>)
/// share: how their weights and biases are drawn, with each scheme's parameters, and whether they have biases. A recurrent
/// layer's <see cref="Init"/> is its input weights'; its recurrent weights have their own (<see cref="RecurrentAttribute.RecurrentInit"/>).
/// </summary>
public abstract class WeightedLayerAttribute : Attribute
{
    private protected WeightedLayerAttribute()
    {
    }

    /// <summary>
    /// How the weights are initialized. Default <see cref="NetGen.Init.GlorotUniform"/> (as in Keras), except for a dense
    /// <see cref="Activation.SELU"/> layer, whose default is <see cref="NetGen.Init.LeCunNormal"/>: the pairing that makes a
    /// SELU network self-normalizing (Klambauer et al. 2017), and for a recurrent layer with
    /// <see cref="RecurrentDefaults.PyTorch"/>, whose default is <see cref="NetGen.Init.HiddenSizeUniform"/>.
    /// </summary>
    public Init Init { get; set; } = Init.GlorotUniform;

    /// <summary>The weight value when <see cref="Init"/> is <see cref="NetGen.Init.Constant"/>. Default 0.</summary>
    public double InitValue { get; set; }

    /// <summary>The mean of <see cref="NetGen.Init.Normal"/> and <see cref="NetGen.Init.TruncatedNormal"/> weights. Default 0.</summary>
    public double InitMean { get; set; }

    /// <summary>The standard deviation of <see cref="NetGen.Init.Normal"/> and <see cref="NetGen.Init.TruncatedNormal"/> weights. Default 0.05 (Keras); must be positive.</summary>
    public double InitStandardDeviation { get; set; } = 0.05;

    /// <summary>The lower bound of <see cref="NetGen.Init.Uniform"/> weights. Default −0.05 (Keras).</summary>
    public double InitMinimum { get; set; } = -0.05;

    /// <summary>The upper bound of <see cref="NetGen.Init.Uniform"/> weights. Default 0.05 (Keras); must exceed <see cref="InitMinimum"/>.</summary>
    public double InitMaximum { get; set; } = 0.05;

    /// <summary>The scale of <see cref="NetGen.Init.VarianceScaling"/>: the weights' variance is <c>scale / n</c>. Default 1; must be positive.</summary>
    public double InitScale { get; set; } = 1.0;

    /// <summary>The n of <see cref="NetGen.Init.VarianceScaling"/>. Default <see cref="FanMode.FanIn"/>.</summary>
    public FanMode InitFanMode { get; set; } = FanMode.FanIn;

    /// <summary>The distribution of <see cref="NetGen.Init.VarianceScaling"/>. Default <see cref="NetGen.InitDistribution.TruncatedNormal"/> (Keras).</summary>
    public InitDistribution InitDistribution { get; set; } = InitDistribution.TruncatedNormal;

    /// <summary>The factor of <see cref="NetGen.Init.Orthogonal"/> and <see cref="NetGen.Init.Identity"/> weights. Default 1.</summary>
    public double InitGain { get; set; } = 1.0;

    /// <summary>
    /// How the biases are initialized (a recurrent layer's two bias vectors alike). Default <see cref="NetGen.Init.Zeros"/>;
    /// <see cref="NetGen.Init.HiddenSizeUniform"/> for a recurrent layer with <see cref="RecurrentDefaults.PyTorch"/>. Any scheme but
    /// <see cref="NetGen.Init.VarianceScaling"/>, <see cref="NetGen.Init.Orthogonal"/> and <see cref="NetGen.Init.Identity"/>, which need a matrix.
    /// </summary>
    public Init BiasInit { get; set; } = Init.Zeros;

    /// <summary>The bias value when <see cref="BiasInit"/> is <see cref="NetGen.Init.Constant"/>. Default 0.</summary>
    public double BiasInitValue { get; set; }

    /// <summary>The mean of <see cref="NetGen.Init.Normal"/> and <see cref="NetGen.Init.TruncatedNormal"/> biases. Default 0.</summary>
    public double BiasInitMean { get; set; }

    /// <summary>The standard deviation of <see cref="NetGen.Init.Normal"/> and <see cref="NetGen.Init.TruncatedNormal"/> biases. Default 0.05.</summary>
    public double BiasInitStandardDeviation { get; set; } = 0.05;

    /// <summary>The lower bound of <see cref="NetGen.Init.Uniform"/> biases. Default −0.05.</summary>
    public double BiasInitMinimum { get; set; } = -0.05;

    /// <summary>The upper bound of <see cref="NetGen.Init.Uniform"/> biases. Default 0.05.</summary>
    public double BiasInitMaximum { get; set; } = 0.05;

    /// <summary>
    /// Whether the layer has biases. Default true. Turn it off before a normalization, which subtracts the mean and so gives a
    /// bias only a zero gradient (Keras's <c>use_bias</c>, PyTorch's <c>bias</c>).
    /// </summary>
    public bool UseBias { get; set; } = true;
}

using System;

namespace NetGen;

/// <summary>
/// A fully connected layer, <c>a = f(W·x + b)</c>, with <c>W</c> of shape [<see cref="Units"/>, inputs] and
/// inputs = the previous layer's units (or <see cref="NetworkAttribute.Inputs"/> for the first layer).
/// The last dense layer is the network's output.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class DenseAttribute : Attribute
{
    /// <summary>Creates a dense layer.</summary>
    /// <param name="units">The number of outputs of the layer; must be positive.</param>
    /// <param name="activation">The activation; default <see cref="Activation.Identity"/>.</param>
    public DenseAttribute(int units, Activation activation = Activation.Identity)
    {
        Units = units;
        Activation = activation;
    }

    /// <summary>The number of outputs of the layer.</summary>
    public int Units { get; }

    /// <summary>The activation applied to <c>W·x + b</c>.</summary>
    public Activation Activation { get; }

    /// <summary>
    /// How the weights are initialized. Default <see cref="Init.GlorotUniform"/> (as in Keras), except for
    /// <see cref="Activation.SELU"/> layers, whose default is <see cref="NetGen.Init.LeCunNormal"/>: the pairing that makes
    /// a SELU network self-normalizing (Klambauer et al. 2017).
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
    /// How the biases are initialized. Default <see cref="NetGen.Init.Zeros"/>. Any scheme but <see cref="NetGen.Init.VarianceScaling"/>,
    /// <see cref="NetGen.Init.Orthogonal"/> and <see cref="NetGen.Init.Identity"/>, which need a matrix.
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

    /// <summary>The slope for <c>z &lt; 0</c> of <see cref="Activation.LeakyReLU"/>. Default 0.01 (as in PyTorch). Only for LeakyReLU.</summary>
    public double NegativeSlope { get; set; } = 0.01;

    /// <summary>The alpha of <see cref="Activation.ELU"/>. Default 1.0. Only for ELU.</summary>
    public double Alpha { get; set; } = 1.0;

    /// <summary>How many identical layers this attribute declares, one after the other. Default 1; must be positive.</summary>
    public int Repeat { get; set; } = 1;
}

using System;

namespace NetGen;

/// <summary>
/// What the recurrent layers (<see cref="SimpleRNNAttribute"/>, <see cref="LSTMAttribute"/>, <see cref="GRUAttribute"/>)
/// share: their size, what they return, and how their recurrent weights are initialized (the input weights and the biases as
/// every layer with weights, <see cref="WeightedLayerAttribute"/>). A recurrent layer reads a
/// sequence (<see cref="NetworkAttribute.Steps"/> steps of <see cref="NetworkAttribute.Inputs"/> features, or an earlier
/// recurrent layer that returns sequences), runs from a zero state, and keeps PyTorch's parameters and names:
/// <c>weight_ih</c> [gates·units, inputs], <c>weight_hh</c> [gates·units, units], <c>bias_ih</c> and <c>bias_hh</c> [gates·units].
/// </summary>
public abstract class RecurrentAttribute : WeightedLayerAttribute
{
    /// <summary>Creates a recurrent layer of <paramref name="units"/> hidden units.</summary>
    /// <param name="units">The size of the hidden state; must be positive.</param>
    private protected RecurrentAttribute(int units) => Units = units;

    /// <summary>The size of the hidden state, which is the layer's output per step.</summary>
    public int Units { get; }

    /// <summary>
    /// Whether the layer outputs its hidden state at every step (a sequence, for another recurrent layer or a dense layer
    /// applied at every step) rather than at the last step only. Default false (Keras's <c>return_sequences</c>).
    /// </summary>
    public bool ReturnSequences { get; set; }

    /// <summary>Whose defaults the initializers not written take. Default <see cref="RecurrentDefaults.Keras"/>.</summary>
    public RecurrentDefaults Defaults { get; set; } = RecurrentDefaults.Keras;

    /// <summary>
    /// How the recurrent weights <c>weight_hh</c> are drawn. Default <see cref="NetGen.Init.Orthogonal"/> (Keras: one orthogonal
    /// matrix over the stacked gates); <see cref="NetGen.Init.HiddenSizeUniform"/> with <see cref="RecurrentDefaults.PyTorch"/>.
    /// <see cref="NetGen.Init.Identity"/> is Le et al.'s IRNN (2015) with a ReLU <see cref="SimpleRNNAttribute"/>.
    /// </summary>
    public Init RecurrentInit { get; set; } = Init.Orthogonal;

    /// <summary>The weight value when <see cref="RecurrentInit"/> is <see cref="NetGen.Init.Constant"/>. Default 0.</summary>
    public double RecurrentInitValue { get; set; }

    /// <summary>The mean of <see cref="NetGen.Init.Normal"/> and <see cref="NetGen.Init.TruncatedNormal"/> recurrent weights. Default 0.</summary>
    public double RecurrentInitMean { get; set; }

    /// <summary>The standard deviation of <see cref="NetGen.Init.Normal"/> and <see cref="NetGen.Init.TruncatedNormal"/> recurrent weights. Default 0.05; must be positive.</summary>
    public double RecurrentInitStandardDeviation { get; set; } = 0.05;

    /// <summary>The lower bound of <see cref="NetGen.Init.Uniform"/> recurrent weights. Default −0.05.</summary>
    public double RecurrentInitMinimum { get; set; } = -0.05;

    /// <summary>The upper bound of <see cref="NetGen.Init.Uniform"/> recurrent weights. Default 0.05; must exceed <see cref="RecurrentInitMinimum"/>.</summary>
    public double RecurrentInitMaximum { get; set; } = 0.05;

    /// <summary>The scale of <see cref="NetGen.Init.VarianceScaling"/> recurrent weights. Default 1; must be positive.</summary>
    public double RecurrentInitScale { get; set; } = 1.0;

    /// <summary>The n of <see cref="NetGen.Init.VarianceScaling"/> recurrent weights. Default <see cref="FanMode.FanIn"/>.</summary>
    public FanMode RecurrentInitFanMode { get; set; } = FanMode.FanIn;

    /// <summary>The distribution of <see cref="NetGen.Init.VarianceScaling"/> recurrent weights. Default <see cref="NetGen.InitDistribution.TruncatedNormal"/>.</summary>
    public InitDistribution RecurrentInitDistribution { get; set; } = InitDistribution.TruncatedNormal;

    /// <summary>The factor of <see cref="NetGen.Init.Orthogonal"/> and <see cref="NetGen.Init.Identity"/> recurrent weights. Default 1.</summary>
    public double RecurrentInitGain { get; set; } = 1.0;
}

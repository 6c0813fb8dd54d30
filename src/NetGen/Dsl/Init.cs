namespace NetGen;

/// <summary>
/// How a layer's weights (or biases) are drawn at <c>Initialize(seed)</c>.
/// <c>fan_in</c> is the layer's input count, <c>fan_out</c> its output count.
/// </summary>
public enum Init
{
    /// <summary>Glorot/Xavier uniform: U(±√(6 / (fan_in + fan_out))). The default for weights (as in Keras).</summary>
    GlorotUniform = 0,

    /// <summary>Glorot/Xavier normal: N(0, 2 / (fan_in + fan_out)).</summary>
    GlorotNormal = 1,

    /// <summary>He/Kaiming uniform: U(±√(6 / fan_in)). For ReLU-family activations.</summary>
    HeUniform = 2,

    /// <summary>He/Kaiming normal: N(0, 2 / fan_in). For ReLU-family activations.</summary>
    HeNormal = 3,

    /// <summary>LeCun normal: N(0, 1 / fan_in). For SELU (self-normalizing networks).</summary>
    LeCunNormal = 4,

    /// <summary>The old default, U(±1/√fan_in): what PyTorch's <c>nn.Linear</c> still uses.</summary>
    LegacyUniform = 5,

    /// <summary>Standard normal N(0, 1), whatever the fan-in. Kept on purpose: it reproduces the classic saturation failure.</summary>
    StandardNormal = 6,

    /// <summary>All zeros. The default for biases.</summary>
    Zeros = 7,

    /// <summary>Every value equal to the attribute's constant (<see cref="WeightedLayerAttribute.InitValue"/> or <see cref="WeightedLayerAttribute.BiasInitValue"/>).</summary>
    Constant = 8,

    /// <summary>
    /// N(mean, standard deviation²) with <see cref="WeightedLayerAttribute.InitMean"/> and <see cref="WeightedLayerAttribute.InitStandardDeviation"/>
    /// (defaults 0 and 0.05, as Keras's <c>RandomNormal</c>; PyTorch's <c>normal_</c> defaults to 0 and 1).
    /// </summary>
    Normal = 9,

    /// <summary>
    /// U(minimum, maximum) with <see cref="WeightedLayerAttribute.InitMinimum"/> and <see cref="WeightedLayerAttribute.InitMaximum"/>
    /// (defaults −0.05 and 0.05, as Keras's <c>RandomUniform</c>; PyTorch's <c>uniform_</c> defaults to 0 and 1).
    /// </summary>
    Uniform = 10,

    /// <summary>
    /// N(mean, standard deviation²) with values further than two standard deviations from the mean drawn again, as Keras's
    /// <c>TruncatedNormal</c> (its variance is about 0.774 standard deviation²). Same parameters and defaults as <see cref="Normal"/>.
    /// </summary>
    TruncatedNormal = 11,

    /// <summary>
    /// Keras's <c>VarianceScaling</c>: variance <c>scale / n</c>, n being fan_in, fan_out or their mean
    /// (<see cref="WeightedLayerAttribute.InitScale"/>, <see cref="WeightedLayerAttribute.InitFanMode"/>), drawn from
    /// <see cref="WeightedLayerAttribute.InitDistribution"/>. Weights only.
    /// </summary>
    VarianceScaling = 12,

    /// <summary>
    /// A random orthogonal matrix times <see cref="WeightedLayerAttribute.InitGain"/> (Saxe et al. 2014; Keras's <c>Orthogonal</c>,
    /// PyTorch's <c>orthogonal_</c>): orthonormal rows, or columns when there are more rows than columns. Weights only.
    /// </summary>
    Orthogonal = 13,

    /// <summary>
    /// The identity matrix times <see cref="WeightedLayerAttribute.InitGain"/> (Keras's <c>Identity</c>, PyTorch's <c>eye_</c>); for a
    /// non-square matrix, ones on the main diagonal. Weights only.
    /// </summary>
    Identity = 14,

    /// <summary>
    /// U(±1/√units), units being the recurrent layer's hidden size: what PyTorch's <c>nn.RNN</c>, <c>nn.LSTM</c> and
    /// <c>nn.GRU</c> draw every weight and bias from, the input weights included. Recurrent layers only
    /// (<see cref="RecurrentDefaults.PyTorch"/> selects it for all three).
    /// </summary>
    HiddenSizeUniform = 15,

    /// <summary>
    /// Delta-orthogonal (Xiao et al. 2018, "Dynamical Isometry and a Mean Field Theory of CNNs"): a convolution's kernel is
    /// zero except at its centre, where the [outputChannels, inputChannels] matrix is a random orthogonal one times
    /// <see cref="WeightedLayerAttribute.InitGain"/>, so that at initialization the layer maps each input pixel's channels to
    /// the same output pixel isometrically. <see cref="Conv2DAttribute"/> only.
    /// </summary>
    DeltaOrthogonal = 16,
}

/// <summary>Which fan <see cref="Init.VarianceScaling"/> divides its scale by.</summary>
public enum FanMode
{
    /// <summary>The layer's input count (Keras's <c>"fan_in"</c>): keeps the forward signal's variance.</summary>
    FanIn = 0,

    /// <summary>The layer's output count (Keras's <c>"fan_out"</c>): keeps the backward gradient's variance.</summary>
    FanOut = 1,

    /// <summary>The mean of the two (Keras's <c>"fan_avg"</c>), as Glorot's.</summary>
    FanAverage = 2,
}

/// <summary>The distribution <see cref="Init.VarianceScaling"/> draws from; each has the variance <c>scale / n</c> exactly.</summary>
public enum InitDistribution
{
    /// <summary>A normal truncated at two standard deviations, widened to keep the variance (Keras's default, <c>"truncated_normal"</c>).</summary>
    TruncatedNormal = 0,

    /// <summary>A normal (Keras's <c>"untruncated_normal"</c>).</summary>
    Normal = 1,

    /// <summary>A uniform on ±√(3·scale / n) (Keras's <c>"uniform"</c>).</summary>
    Uniform = 2,
}

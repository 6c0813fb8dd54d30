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

    /// <summary>Every value equal to the attribute's constant (<see cref="DenseAttribute.InitValue"/> or <see cref="DenseAttribute.BiasInitValue"/>).</summary>
    Constant = 8,
}

namespace NetGen;

/// <summary>The nonlinearity a <see cref="DenseAttribute"/> layer applies to its pre-activation <c>z = W·x + b</c>.</summary>
public enum Activation
{
    /// <summary><c>f(z) = z</c>. The default: a plain linear layer, or the logits of a classifier.</summary>
    Identity = 0,

    /// <summary><c>f(z) = 1 / (1 + e^-z)</c>. Saturates: its derivative is at most 1/4.</summary>
    Sigmoid = 1,

    /// <summary><c>f(z) = tanh(z)</c>. Saturates: its derivative is at most 1.</summary>
    Tanh = 2,

    /// <summary><c>f(z) = max(0, z)</c>.</summary>
    ReLU = 3,

    /// <summary><c>f(z) = z</c> for <c>z &gt; 0</c>, else <c>slope·z</c>; the slope is <see cref="DenseAttribute.NegativeSlope"/> (default 0.01).</summary>
    LeakyReLU = 4,

    /// <summary><c>f(z) = z</c> for <c>z &gt; 0</c>, else <c>alpha·(e^z − 1)</c>; alpha is <see cref="DenseAttribute.Alpha"/> (default 1.0).</summary>
    ELU = 5,

    /// <summary>Scaled ELU, <c>λ·ELU(z, α)</c> with λ = 1.0507009873554805 and α = 1.6732632423543772 (Klambauer et al. 2017). Pair it with <see cref="Init.LeCunNormal"/>.</summary>
    SELU = 6,

    /// <summary>Softmax over the output layer. Allowed only on the last layer, with <see cref="Loss.SoftmaxCrossEntropy"/>, where it is fused with the loss.</summary>
    Softmax = 7,
}

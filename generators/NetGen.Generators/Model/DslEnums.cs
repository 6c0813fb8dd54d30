namespace NetGen.Generators.Model;

// The generator cannot reference the runtime library (net10.0), so it mirrors the DSL enums by value.
// A test checks that names and values match NetGen.Activation, NetGen.Init, NetGen.Loss, NetGen.Precision and NetGen.LayerKind.

internal enum ActivationKind
{
    Identity = 0,
    Sigmoid = 1,
    Tanh = 2,
    ReLU = 3,
    LeakyReLU = 4,
    ELU = 5,
    SELU = 6,
    Softmax = 7,
}

internal enum InitKind
{
    GlorotUniform = 0,
    GlorotNormal = 1,
    HeUniform = 2,
    HeNormal = 3,
    LeCunNormal = 4,
    LegacyUniform = 5,
    StandardNormal = 6,
    Zeros = 7,
    Constant = 8,
}

internal enum LossKind
{
    MeanSquaredError = 0,
    SoftmaxCrossEntropy = 1,
    SigmoidCrossEntropy = 2,
    BinaryCrossEntropy = 3,
}

internal enum PrecisionKind
{
    Single = 0,
    Double = 1,
}

internal enum LayerKind
{
    Dense = 0,
    BatchNorm = 1,
    LayerNorm = 2,
    Residual = 3,
}

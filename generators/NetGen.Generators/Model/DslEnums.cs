namespace NetGen.Generators.Model;

// The generator cannot reference the runtime library (net10.0), so it mirrors the DSL enums by value.
// A test checks that names and values match NetGen.Activation, NetGen.Init, NetGen.Loss, NetGen.Precision, NetGen.FanMode, NetGen.InitDistribution and NetGen.LayerKind, NetGen.Padding.

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
    Normal = 9,
    Uniform = 10,
    TruncatedNormal = 11,
    VarianceScaling = 12,
    Orthogonal = 13,
    Identity = 14,
    HiddenSizeUniform = 15,
    DeltaOrthogonal = 16,
}

internal enum FanModeKind
{
    FanIn = 0,
    FanOut = 1,
    FanAverage = 2,
}

internal enum InitDistributionKind
{
    TruncatedNormal = 0,
    Normal = 1,
    Uniform = 2,
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
    PReLU = 4,
    Dropout = 5,
    SimpleRNN = 6,
    LSTM = 7,
    GRU = 8,
    Conv2D = 9,
    MaxPool2D = 10,
    AvgPool2D = 11,
    GlobalAveragePool = 12,
    Flatten = 13,
}

internal enum RecurrentDefaultsKind
{
    Keras = 0,
    PyTorch = 1,
}

internal enum PaddingKind
{
    Valid = 0,
    Same = 1,
}

namespace NetGen.Generators.Diagnostics;

/// <summary>
/// Every NetGen diagnostic id, in one place. NG00xx: the declaration is invalid (the generator emits nothing for it).
/// NG01xx is kept for gradient-health analysis.
/// </summary>
public static class DiagnosticIds
{
    public const string NetworkMustBePartial = "NG0001";
    public const string NetworkMustBeTopLevel = "NG0002";
    public const string NetworkMustNotBeGeneric = "NG0003";
    public const string NetworkMustBePlainClass = "NG0004";
    public const string NetworkHasNoLayers = "NG0005";
    public const string DenseWithoutNetwork = "NG0006";
    public const string NetworkNameIsReserved = "NG0007";
    public const string SizeMustBePositive = "NG0010";
    public const string SoftmaxMustBeOutput = "NG0011";
    public const string LossDoesNotFitOutput = "NG0012";
    public const string ArgumentIsIgnored = "NG0013";
    public const string ArgumentOutOfRange = "NG0014";
    public const string UndefinedEnumValue = "NG0015";
    public const string NetworkTooLarge = "NG0016";
    public const string ResidualBlockNotClosed = "NG0020";
    public const string EndResidualWithoutResidual = "NG0021";
    public const string EmptyResidualBlock = "NG0022";
    public const string NestedResidualBlock = "NG0023";
    public const string OutputMustBeDense = "NG0024";
    public const string ResidualWidthMismatch = "NG0025";
    public const string RepeatGroupNotClosed = "NG0026";
    public const string EndRepeatWithoutRepeat = "NG0027";
    public const string EmptyRepeatGroup = "NG0028";
    public const string LayerDoesNotTakeItsInput = "NG0029";
    public const string InputShapeConflict = "NG0030";
    public const string ImageTooSmall = "NG0031";
    public const string PoolDoesNotTile = "NG0032";
    public const string VanishingGradient = "NG0101";
    public const string ExplodingGradient = "NG0102";
    public const string InitializerDoesNotFitActivation = "NG0103";
    public const string DeepNarrowReLUStack = "NG0104";
    public const string BatchNormWithoutSkipConnections = "NG0105";
    public const string ResidualWithoutNormalization = "NG0106";
    public const string SigmoidOutputWithQuadraticLoss = "NG0107";
    public const string FirstLayersLearnSlower = "NG0108";
    public const string FirstLayersLearnFaster = "NG0109";
    public const string ShortMemoryHorizon = "NG0110";
    public const string ExplodingRecurrence = "NG0111";
}

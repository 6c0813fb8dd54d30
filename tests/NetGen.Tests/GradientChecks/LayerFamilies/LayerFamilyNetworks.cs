// Small double-precision networks with the layer kinds and options of the layer-families issue, for the finite-difference
// checks in LayerFamilyGradientCheckTests: PReLU (one slope per feature, and shared; first and hidden), dropout (a mask
// fixed for the check), dense layers without biases, repeated groups, and every initializer with parameters.
namespace NetGen.Tests.GradientChecks.LayerFamilies;

[Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(5, Init = Init.HeNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[PReLU]
[Dense(4, Init = Init.HeUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[PReLU(SharedSlope = true, InitialSlope = 0.1)]
[Dense(3)]
public partial class PReLUPerFeatureAndShared;

[Network(Inputs = 4, Loss = Loss.MeanSquaredError, Precision = Precision.Double)]
[PReLU(InitialSlope = -0.3)]
[Dense(3, Activation.Tanh, Init = Init.Orthogonal, InitGain = 1.2, BiasInit = Init.Normal, BiasInitStandardDeviation = 0.3)]
[Dense(2, Init = Init.Identity, InitGain = 0.9)]
public partial class PReLUFirstOrthogonalIdentity;

[Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(6, Activation.Tanh, Init = Init.Uniform, InitMinimum = -0.8, InitMaximum = 0.9, BiasInit = Init.Uniform)]
[Dropout(0.5)]
[Dense(5, Activation.Sigmoid, Init = Init.TruncatedNormal, InitStandardDeviation = 0.7, BiasInit = Init.TruncatedNormal, BiasInitMean = 0.1)]
[Dropout(0.25)]
[Dense(3)]
public partial class DropoutTwice;

[Network(Inputs = 4, Loss = Loss.SigmoidCrossEntropy, Precision = Precision.Double)]
[Repeat(2)]
[Dense(5, Activation.ELU, UseBias = false, Init = Init.VarianceScaling, InitScale = 2, InitFanMode = FanMode.FanAverage, InitDistribution = InitDistribution.Uniform)]
[LayerNorm(Activation = Activation.Tanh)]
[EndRepeat]
[Residual]
[Dense(3, Activation.SELU, UseBias = false, Init = Init.VarianceScaling, InitFanMode = FanMode.FanOut)]
[EndResidual(Activation = Activation.LeakyReLU, NegativeSlope = 0.2)]
[Dense(2, UseBias = false, Init = Init.Normal, InitMean = 0.05, InitStandardDeviation = 0.5)]
public partial class RepeatedGroupWithoutBiases;

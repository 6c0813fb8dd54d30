// Double-precision networks with residual blocks, batch and layer normalization, for RemedyGradientCheckTests.
namespace NetGen.Tests.GradientChecks.Remedies;

/// <summary>An identity skip around two layers, a ReLU after the sum.</summary>
[Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.Tanh, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Residual]
[Dense(5, Activation.ELU, Alpha = 0.7)]
[Dense(5, Activation.Sigmoid)]
[EndResidual(Activation = Activation.ReLU)]
[Dense(3)]
public partial class ResidualIdentity;

/// <summary>A block right after the inputs that widens them (a learned projection), then two repeated identity blocks.</summary>
[Network(Inputs = 4, Loss = Loss.MeanSquaredError, Precision = Precision.Double)]
[Residual]
[Dense(6, Activation.Tanh)]
[EndResidual(Activation = Activation.Tanh)]
[Residual(Repeat = 2)]
[Dense(6, Activation.LeakyReLU, NegativeSlope = 0.2, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[EndResidual]
[Dense(2, Activation.Sigmoid)]
public partial class ResidualProjection;

/// <summary>Linear, batch normalization, then the nonlinearity; and normalization after a nonlinearity.</summary>
[Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(6)]
[BatchNorm(Activation = Activation.Sigmoid)]
[Dense(5, Activation.Tanh)]
[BatchNorm(Momentum = 0.2, Epsilon = 1e-3)]
[Dense(3)]
public partial class BatchNormStack;

/// <summary>Batch normalization of the network's inputs, and inside repeated residual blocks.</summary>
[Network(Inputs = 4, Loss = Loss.SigmoidCrossEntropy, Precision = Precision.Double)]
[BatchNorm]
[Dense(5, Activation.ELU)]
[Residual(Repeat = 2)]
[Dense(5)]
[BatchNorm(Activation = Activation.SELU)]
[Dense(5)]
[BatchNorm]
[EndResidual(Activation = Activation.ELU)]
[Dense(2)]
public partial class BatchNormResidual;

/// <summary>Layer normalization after a layer and inside a block.</summary>
[Network(Inputs = 4, Loss = Loss.BinaryCrossEntropy, Precision = Precision.Double)]
[Dense(6)]
[LayerNorm(Activation = Activation.Tanh)]
[Residual]
[Dense(6, Activation.Sigmoid)]
[LayerNorm(Epsilon = 1e-3)]
[EndResidual(Activation = Activation.Sigmoid)]
[Dense(2, Activation.Sigmoid)]
public partial class LayerNormResidual;

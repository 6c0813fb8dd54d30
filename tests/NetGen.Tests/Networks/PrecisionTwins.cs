namespace NetGen.Tests.Networks;

// The same network in float and in double, to check that the two precisions compute the same function.

[Network(Inputs = 20, Loss = Loss.SoftmaxCrossEntropy)]
[Dense(16, Activation.Tanh)]
[Dense(12, Activation.ELU, Alpha = 0.5, Init = Init.HeUniform)]
[Dense(8, Activation.SELU, Init = Init.LeCunNormal)]
[Dense(6, Activation.LeakyReLU, NegativeSlope = 0.05, Init = Init.HeNormal)]
[Dense(5, Activation.Sigmoid)]
[Dense(4, Activation.Softmax)]
public partial class TwinSingle;

[Network(Inputs = 20, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(16, Activation.Tanh)]
[Dense(12, Activation.ELU, Alpha = 0.5, Init = Init.HeUniform)]
[Dense(8, Activation.SELU, Init = Init.LeCunNormal)]
[Dense(6, Activation.LeakyReLU, NegativeSlope = 0.05, Init = Init.HeNormal)]
[Dense(5, Activation.Sigmoid)]
[Dense(4, Activation.Softmax)]
public partial class TwinDouble;

using NetGen;

namespace VanishingGradientsSample;

// Nielsen's network of "Neural Networks and Deep Learning", chapter 5, and two twins of the same widths:
// 784 inputs, four hidden layers of 30, ten sigmoid outputs trained with cross-entropy (BCE on sigmoid outputs).

/// <summary>Nielsen's deep sigmoid network: weights N(0, 1/fan_in), biases N(0, 1).</summary>
#pragma warning disable NG0101 // predicted at compile time; this sample measures it on purpose
[Network(Inputs = 784, Loss = Loss.BinaryCrossEntropy, InputMeanSquare = 0.1)]
[Dense(30, Activation.Sigmoid, Init = Init.LeCunNormal, BiasInit = Init.StandardNormal, Repeat = 4)]
[Dense(10, Activation.Sigmoid, Init = Init.LeCunNormal, BiasInit = Init.StandardNormal)]
public partial class TextbookSigmoid;
#pragma warning restore NG0101

/// <summary>The same widths with ReLU and He normal initialization.</summary>
[Network(Inputs = 784, Loss = Loss.BinaryCrossEntropy, InputMeanSquare = 0.1)]
[Dense(30, Activation.ReLU, Init = Init.HeNormal, Repeat = 4)]
[Dense(10, Activation.Sigmoid, Init = Init.LeCunNormal)]
public partial class TextbookReLU;

/// <summary>
/// The same widths, still sigmoid, with three residual blocks <c>x + sigmoid(W·BN(x) + b)</c>. Batch normalization sits
/// before each block's dense layer (pre-activation style), so that layer's biases keep a gradient of their own: a dense
/// layer followed by batch normalization has a bias gradient of 0, the normalization removing any shift.
/// </summary>
[Network(Inputs = 784, Loss = Loss.BinaryCrossEntropy, InputMeanSquare = 0.1)]
[Dense(30, Activation.Sigmoid, Init = Init.LeCunNormal)]
[Residual(Repeat = 3)]
[BatchNorm]
[Dense(30, Activation.Sigmoid, Init = Init.LeCunNormal)]
[EndResidual]
[Dense(10, Activation.Sigmoid, Init = Init.LeCunNormal)]
public partial class TextbookResidualSigmoid;

using NetGen;

namespace VanishingGradientsSample;

// The same depth declared four ways: 784 inputs, 20 hidden layers of 64, ten logits (softmax cross-entropy).
// InputMeanSquare = 0.1: MNIST pixels scaled to [0, 1] have E[x²] ≈ 0.1, which the gradient analysis takes into account.

/// <summary>The deep sigmoid stack, with Keras's default Glorot uniform weights and zero biases.</summary>
// NetGen predicts the failure at compile time (NG0101: the first hidden layer learns ~8E+11x slower than the last;
// the sample measures 7.5e11x); this sample shows it on purpose.
#pragma warning disable NG0101
[Network(Inputs = 784, Loss = Loss.SoftmaxCrossEntropy, InputMeanSquare = 0.1)]
[Dense(64, Activation.Sigmoid, Init = Init.GlorotUniform, Repeat = 20)]
[Dense(10)]
public partial class DeepSigmoidStack;
#pragma warning restore NG0101

/// <summary>Remedy: ReLU with He normal initialization.</summary>
[Network(Inputs = 784, Loss = Loss.SoftmaxCrossEntropy, InputMeanSquare = 0.1)]
[Dense(64, Activation.ReLU, Init = Init.HeNormal, Repeat = 20)]
[Dense(10)]
public partial class DeepReLUHe;

/// <summary>
/// Remedy: the same sigmoid layers, the last 19 in residual blocks <c>x + sigmoid(W·BN(x) + b)</c>, and a batch
/// normalization before the output (the residual stream grows by up to 1 per block: sigmoid outputs are positive).
/// </summary>
[Network(Inputs = 784, Loss = Loss.SoftmaxCrossEntropy, InputMeanSquare = 0.1)]
[Dense(64, Activation.Sigmoid, Init = Init.GlorotUniform)]
[Residual(Repeat = 19)]
[BatchNorm]
[Dense(64, Activation.Sigmoid, Init = Init.GlorotUniform)]
[EndResidual]
[BatchNorm]
[Dense(10)]
public partial class DeepResidualSigmoid;

/// <summary>Remedy: SELU with LeCun normal initialization, the self-normalizing pairing.</summary>
[Network(Inputs = 784, Loss = Loss.SoftmaxCrossEntropy, InputMeanSquare = 0.1)]
[Dense(64, Activation.SELU, Init = Init.LeCunNormal, Repeat = 20)]
[Dense(10)]
public partial class DeepSeluLeCun;

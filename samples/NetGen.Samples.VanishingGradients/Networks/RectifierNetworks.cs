using NetGen;

namespace VanishingGradientsSample;

// He, Zhang, Ren and Sun 2015 ("Delving deep into rectifiers", section 2.2, Figure 3) at this machine's scale: plain ReLU
// CNNs of 30 3x3 convolutions (same padding, 8 filters) on MNIST downsampled to 14x14 by a 2x2 average pooling, then ten
// logits; and He et al. 2016's residual blocks with batch normalization. InputMeanSquare = 0.1: MNIST pixels in [0, 1]
// (the 2x2 average keeps E[x²] near that, a little below).

/// <summary>
/// 30 ReLU convolutions with Glorot ("Xavier") normal kernels: Var[w] = 2/(fan_in + fan_out), which is 1/fan_in (the
/// variance He et al. compare against) for every layer of 8 to 8 channels; the first (1 to 8) gets 2/81.
/// </summary>
// NetGen may predict the vanishing at compile time (NG0101); the experiment measures it on purpose.
#pragma warning disable NG0101
[Network(Height = 28, Width = 28, Loss = Loss.SoftmaxCrossEntropy, InputMeanSquare = 0.1)]
[AvgPool2D(2)]
[Repeat(30)]
[Conv2D(8, 3, Activation.ReLU, Padding = Padding.Same, Init = Init.GlorotNormal)]
[EndRepeat]
[Flatten]
[Dense(10)]
public partial class PlainReLUGlorot;
#pragma warning restore NG0101

/// <summary>The same 30 ReLU convolutions with He normal kernels: Var[w] = 2/fan_in (He et al. 2015, eq. 10).</summary>
[Network(Height = 28, Width = 28, Loss = Loss.SoftmaxCrossEntropy, InputMeanSquare = 0.1)]
[AvgPool2D(2)]
[Repeat(30)]
[Conv2D(8, 3, Activation.ReLU, Padding = Padding.Same, Init = Init.HeNormal)]
[EndRepeat]
[Flatten]
[Dense(10)]
public partial class PlainReLUHe;

/// <summary>
/// He et al. 2016's basic residual block with batch normalization, at the same width: a convolution and a batch
/// normalization with ReLU, then 15 blocks <c>relu(x + BN(conv(relu(BN(conv(x))))))</c>, 31 convolutions in all, He normal
/// kernels without biases (the normalization's shift is the bias).
/// </summary>
[Network(Height = 28, Width = 28, Loss = Loss.SoftmaxCrossEntropy, InputMeanSquare = 0.1)]
[AvgPool2D(2)]
[Conv2D(8, 3, Padding = Padding.Same, Init = Init.HeNormal, UseBias = false)]
[BatchNorm(Activation = Activation.ReLU)]
[Residual(Repeat = 15)]
[Conv2D(8, 3, Padding = Padding.Same, Init = Init.HeNormal, UseBias = false)]
[BatchNorm(Activation = Activation.ReLU)]
[Conv2D(8, 3, Padding = Padding.Same, Init = Init.HeNormal, UseBias = false)]
[BatchNorm]
[EndResidual(Activation = Activation.ReLU)]
[Flatten]
[Dense(10)]
public partial class ResidualReLUBatchNorm;

namespace NetGen.Tests.Convolution;

// Declared convolutional networks for the end-to-end tests (ConvolutionNetworkTests), in double for the gradient checks.
// Smooth activations (tanh, sigmoid) keep the finite differences away from kinks; the max pooling's choices do not change
// under the checks' small steps unless two inputs of a window are within them, which these values are not.

/// <summary>Same padding, max pooling, a strided and padded convolution, then a dense head: 2x8x10 → 3x8x10 → 3x4x5 → 4x2x3 → 24 → 3.</summary>
[Network(Channels = 2, Height = 8, Width = 10, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Conv2D(3, 3, Activation.Tanh, Padding = Padding.Same, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[MaxPool2D(2)]
[Conv2D(4, 3, Activation.Sigmoid, PaddingSize = 1, Stride = 2, BiasInit = Init.Constant, BiasInitValue = -0.1)]
[Flatten]
[Dense(3)]
public partial class StridedConvNet;

/// <summary>Dilation, average pooling, a 1x1 convolution without biases and global average pooling: 1x10x10 → 4x6x6 → 4x3x3 → 5x3x3 → 5 → 2.</summary>
[Network(Channels = 1, Height = 10, Width = 10, Loss = Loss.MeanSquaredError, Precision = Precision.Double)]
[Conv2D(4, 3, Activation.Tanh, Dilation = 2, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[AvgPool2D(2)]
[Conv2D(5, 1, Activation.Tanh, UseBias = false)]
[GlobalAveragePool]
[Dense(2)]
public partial class DilatedConvNet;

/// <summary>A small LeNet-like classifier for the embedded MNIST subset, in float.</summary>
[Network(Height = 28, Width = 28, Loss = Loss.SoftmaxCrossEntropy)]
[Conv2D(8, 5, Activation.ReLU, PaddingSize = 2, Init = Init.HeNormal)]
[MaxPool2D(2)]
[Conv2D(16, 5, Activation.ReLU, Init = Init.HeNormal)]
[MaxPool2D(2)]
[Flatten]
[Dense(64, Activation.ReLU, Init = Init.HeNormal)]
[Dense(10)]
public partial class SmallConvDigits;

/// <summary>Batch normalization per channel and an identity residual block around two convolutions: 2x6x6 → 4x6x6 (BN, tanh) → block → 4x3x3 → 36 → 3.</summary>
[Network(Channels = 2, Height = 6, Width = 6, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Conv2D(4, 3, UseBias = false, Padding = Padding.Same)]
[BatchNorm(Activation = Activation.Tanh)]
[Residual]
[Conv2D(4, 3, Activation.Tanh, Padding = Padding.Same, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Conv2D(4, 3, Padding = Padding.Same, BiasInit = Init.Constant, BiasInitValue = -0.1)]
[EndResidual(Activation = Activation.Tanh)]
[AvgPool2D(2)]
[Flatten]
[Dense(3)]
public partial class NormalizedResidualConvNet;

/// <summary>
/// Two projection skips: a block that halves an odd image and adds channels (3x7x7 → 5x4x4, the skip a 1x1 convolution of
/// stride 2 that reads rows and columns 0, 2, 4, 6), then one that changes only the channels (5x4x4 → 4x4x4, stride 1).
/// </summary>
[Network(Channels = 2, Height = 7, Width = 7, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Conv2D(3, 3, Activation.Tanh, Padding = Padding.Same, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Residual]
[Conv2D(5, 3, Activation.Tanh, Stride = 2, PaddingSize = 1, BiasInit = Init.Constant, BiasInitValue = -0.1)]
[Conv2D(5, 3, Padding = Padding.Same, BiasInit = Init.Constant, BiasInitValue = 0.05)]
[EndResidual(Activation = Activation.Tanh)]
[Residual]
[Conv2D(4, 3, Activation.Tanh, Padding = Padding.Same, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[EndResidual(Activation = Activation.Tanh)]
[Flatten]
[Dense(3)]
public partial class ProjectedResidualConvNet;

/// <summary>A projection skip from the network's input over a non-square image, stride 3: 2x7x5 → 3x3x2 (the skip's gradient is not wanted).</summary>
[Network(Channels = 2, Height = 7, Width = 5, Loss = Loss.MeanSquaredError, Precision = Precision.Double)]
[Residual]
[Conv2D(3, 3, Activation.Tanh, Stride = 3, PaddingSize = 1, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[EndResidual]
[Flatten]
[Dense(2)]
public partial class InputProjectionConvNet;

/// <summary>A ResNet-like downsampling block in float, for the allocation check: 4x8x8 → 8x4x4 with a strided 1x1 projection.</summary>
[Network(Channels = 4, Height = 8, Width = 8, Loss = Loss.SoftmaxCrossEntropy)]
[Residual]
[Conv2D(8, 3, UseBias = false, Stride = 2, PaddingSize = 1, Init = Init.HeNormal)]
[BatchNorm(Activation = Activation.ReLU)]
[Conv2D(8, 3, UseBias = false, Padding = Padding.Same, Init = Init.HeNormal)]
[BatchNorm]
[EndResidual(Activation = Activation.ReLU)]
[GlobalAveragePool]
[Dense(10)]
public partial class DownsamplingResidualConvNet;

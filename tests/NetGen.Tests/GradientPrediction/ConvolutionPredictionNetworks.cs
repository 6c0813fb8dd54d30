// Convolutional networks whose compile-time gradient prediction is compared with a measurement at initialization
// (ConvolutionPredictionTests): plain stacks of 3x3 same-padded convolutions, residual stacks of identity blocks of two
// convolutions with and without batch normalization per channel, each with a pooling or two and a dense head; and a plain
// stack whose dense head is normalized per unit.
namespace NetGen.Tests.GradientPrediction.Convolution;

/// <summary>10 He-ReLU convolutions of 8 channels: 1x12x12 → 5 conv → max pool → 5 conv at 6x6 → 288 → 10.</summary>
[Network(Channels = 1, Height = 12, Width = 12, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Repeat(5)]
[Conv2D(8, 3, Activation.ReLU, Padding = Padding.Same, Init = Init.HeNormal)]
[EndRepeat]
[MaxPool2D(2)]
[Repeat(5)]
[Conv2D(8, 3, Activation.ReLU, Padding = Padding.Same, Init = Init.HeNormal)]
[EndRepeat]
[Flatten]
[Dense(10)]
public partial class ConvReLUHe10;

/// <summary>20 He-ReLU convolutions of 8 channels on 3x8x8: 10 conv → max pool → 10 conv at 4x4 → average pool → 32 → 10.</summary>
[Network(Channels = 3, Height = 8, Width = 8, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Repeat(10)]
[Conv2D(8, 3, Activation.ReLU, Padding = Padding.Same, Init = Init.HeNormal)]
[EndRepeat]
[MaxPool2D(2)]
[Repeat(10)]
[Conv2D(8, 3, Activation.ReLU, Padding = Padding.Same, Init = Init.HeNormal)]
[EndRepeat]
[AvgPool2D(2)]
[Flatten]
[Dense(10)]
public partial class ConvReLUHe20;

/// <summary>30 He-ReLU convolutions of 16 channels on 1x8x8: 15 conv → max pool → 15 conv at 4x4 → 256 → 10.</summary>
[Network(Channels = 1, Height = 8, Width = 8, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Repeat(15)]
[Conv2D(16, 3, Activation.ReLU, Padding = Padding.Same, Init = Init.HeNormal)]
[EndRepeat]
[MaxPool2D(2)]
[Repeat(15)]
[Conv2D(16, 3, Activation.ReLU, Padding = Padding.Same, Init = Init.HeNormal)]
[EndRepeat]
[Flatten]
[Dense(10)]
public partial class ConvReLUHe30;

/// <summary>10 ReLU convolutions of 8 channels with the default Glorot uniform init: the gradient falls toward the input.</summary>
[Network(Channels = 1, Height = 12, Width = 12, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Repeat(5)]
[Conv2D(8, 3, Activation.ReLU, Padding = Padding.Same)]
[EndRepeat]
[MaxPool2D(2)]
[Repeat(5)]
[Conv2D(8, 3, Activation.ReLU, Padding = Padding.Same)]
[EndRepeat]
[Flatten]
[Dense(10)]
public partial class ConvReLUGlorot10;

/// <summary>20 ReLU convolutions of 8 channels with Glorot uniform on 3x8x8, average pooling.</summary>
[Network(Channels = 3, Height = 8, Width = 8, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Repeat(10)]
[Conv2D(8, 3, Activation.ReLU, Padding = Padding.Same)]
[EndRepeat]
[AvgPool2D(2)]
[Repeat(10)]
[Conv2D(8, 3, Activation.ReLU, Padding = Padding.Same)]
[EndRepeat]
[Flatten]
[Dense(10)]
public partial class ConvReLUGlorot20;

/// <summary>20 tanh convolutions of 8 channels with Glorot uniform on 3x8x8, max pooling.</summary>
[Network(Channels = 3, Height = 8, Width = 8, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Repeat(10)]
[Conv2D(8, 3, Activation.Tanh, Padding = Padding.Same)]
[EndRepeat]
[MaxPool2D(2)]
[Repeat(10)]
[Conv2D(8, 3, Activation.Tanh, Padding = Padding.Same)]
[EndRepeat]
[Flatten]
[Dense(10)]
public partial class ConvTanhGlorot20;

/// <summary>A He-ReLU stem and 5 identity blocks of two convolutions (11 convolutions), no normalization: 1x12x12 → 8x12x12 → max pool → 288 → 10.</summary>
[Network(Channels = 1, Height = 12, Width = 12, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Conv2D(8, 3, Activation.ReLU, Padding = Padding.Same, Init = Init.HeNormal)]
[Residual(Repeat = 5)]
[Conv2D(8, 3, Activation.ReLU, Padding = Padding.Same, Init = Init.HeNormal)]
[Conv2D(8, 3, Padding = Padding.Same, Init = Init.HeNormal)]
[EndResidual(Activation = Activation.ReLU)]
[MaxPool2D(2)]
[Flatten]
[Dense(10)]
public partial class ConvResidualReLU11;

/// <summary>A He-ReLU stem and 10 identity blocks (21 convolutions) on 3x8x8, no normalization, global average pooling.</summary>
[Network(Channels = 3, Height = 8, Width = 8, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Conv2D(8, 3, Activation.ReLU, Padding = Padding.Same, Init = Init.HeNormal)]
[Residual(Repeat = 10)]
[Conv2D(8, 3, Activation.ReLU, Padding = Padding.Same, Init = Init.HeNormal)]
[Conv2D(8, 3, Padding = Padding.Same, Init = Init.HeNormal)]
[EndResidual(Activation = Activation.ReLU)]
[GlobalAveragePool]
[Dense(10)]
public partial class ConvResidualReLU21;

/// <summary>
/// <see cref="ConvResidualReLU21"/> with a flatten head instead of global average pooling: the same 21 convolutions, whose
/// gradient then enters each pixel with its own sign (with global average pooling it enters every pixel of a channel alike).
/// </summary>
[Network(Channels = 3, Height = 8, Width = 8, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Conv2D(8, 3, Activation.ReLU, Padding = Padding.Same, Init = Init.HeNormal)]
[Residual(Repeat = 10)]
[Conv2D(8, 3, Activation.ReLU, Padding = Padding.Same, Init = Init.HeNormal)]
[Conv2D(8, 3, Padding = Padding.Same, Init = Init.HeNormal)]
[EndResidual(Activation = Activation.ReLU)]
[Flatten]
[Dense(10)]
public partial class ConvResidualReLU21Flatten;

/// <summary>ResNet's pattern: a conv-BN-ReLU stem and 7 identity blocks conv-BN-ReLU-conv-BN (15 convolutions) on 3x8x8, max pooling.</summary>
[Network(Channels = 3, Height = 8, Width = 8, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Conv2D(8, 3, Padding = Padding.Same, UseBias = false, Init = Init.HeNormal)]
[BatchNorm(Activation = Activation.ReLU)]
[Residual(Repeat = 7)]
[Conv2D(8, 3, Padding = Padding.Same, UseBias = false, Init = Init.HeNormal)]
[BatchNorm(Activation = Activation.ReLU)]
[Conv2D(8, 3, Padding = Padding.Same, UseBias = false, Init = Init.HeNormal)]
[BatchNorm]
[EndResidual(Activation = Activation.ReLU)]
[MaxPool2D(2)]
[Flatten]
[Dense(10)]
public partial class ConvResidualBatchNorm15;

/// <summary>The same with 14 blocks (29 convolutions).</summary>
[Network(Channels = 3, Height = 8, Width = 8, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Conv2D(8, 3, Padding = Padding.Same, UseBias = false, Init = Init.HeNormal)]
[BatchNorm(Activation = Activation.ReLU)]
[Residual(Repeat = 14)]
[Conv2D(8, 3, Padding = Padding.Same, UseBias = false, Init = Init.HeNormal)]
[BatchNorm(Activation = Activation.ReLU)]
[Conv2D(8, 3, Padding = Padding.Same, UseBias = false, Init = Init.HeNormal)]
[BatchNorm]
[EndResidual(Activation = Activation.ReLU)]
[MaxPool2D(2)]
[Flatten]
[Dense(10)]
public partial class ConvResidualBatchNorm29;

/// <summary>A He-ReLU stem and 15 identity blocks (31 convolutions) of 16 channels on 1x8x8, no normalization, max pooling.</summary>
[Network(Channels = 1, Height = 8, Width = 8, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Conv2D(16, 3, Activation.ReLU, Padding = Padding.Same, Init = Init.HeNormal)]
[Residual(Repeat = 15)]
[Conv2D(16, 3, Activation.ReLU, Padding = Padding.Same, Init = Init.HeNormal)]
[Conv2D(16, 3, Padding = Padding.Same, Init = Init.HeNormal)]
[EndResidual(Activation = Activation.ReLU)]
[MaxPool2D(2)]
[Flatten]
[Dense(10)]
public partial class ConvResidualReLU31;

/// <summary>ResNet's pattern with 25 blocks (51 convolutions) of 16 channels on 1x6x6, global average pooling.</summary>
[Network(Channels = 1, Height = 6, Width = 6, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Conv2D(16, 3, Padding = Padding.Same, UseBias = false, Init = Init.HeNormal)]
[BatchNorm(Activation = Activation.ReLU)]
[Residual(Repeat = 25)]
[Conv2D(16, 3, Padding = Padding.Same, UseBias = false, Init = Init.HeNormal)]
[BatchNorm(Activation = Activation.ReLU)]
[Conv2D(16, 3, Padding = Padding.Same, UseBias = false, Init = Init.HeNormal)]
[BatchNorm]
[EndResidual(Activation = Activation.ReLU)]
[GlobalAveragePool]
[Dense(10)]
public partial class ConvResidualBatchNorm51;

/// <summary>
/// The vanishing-gradients lab's network (c) of He et al.'s rectifier experiment (samples/NetGen.Samples.VanishingGradients,
/// <c>ResidualReLUBatchNorm</c>) in double: 1x28x28 → a 2x2 average pooling → a conv-BN-ReLU stem and 15 identity blocks
/// conv-BN-ReLU-conv-BN (31 convolutions) of 8 channels at 14x14 → 1,568 → 10.
/// </summary>
[Network(Height = 28, Width = 28, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
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
public partial class RectifierResidualBatchNorm31;

/// <summary>A plain He-ReLU stack with a dense head normalized per unit (the measurement's dense batch-normalization path): 4 convolutions on 3x8x8 → 512 → dense 32 → BN → ReLU → 10.</summary>
[Network(Channels = 3, Height = 8, Width = 8, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Repeat(4)]
[Conv2D(8, 3, Activation.ReLU, Padding = Padding.Same, Init = Init.HeNormal)]
[EndRepeat]
[Flatten]
[Dense(32, Init = Init.HeNormal)]
[BatchNorm(Activation = Activation.ReLU)]
[Dense(10)]
public partial class ConvDenseBatchNormHead;

// Residual convolutional networks with projection skips whose compile-time gradient prediction is compared with a
// measurement at initialization (ConvolutionPredictionTests): ResNet's layout, stages of identity blocks with a block
// between stages whose branch halves the image (a convolution of stride 2) and doubles the channels, its skip a 1x1
// convolution of stride 2 (Glorot uniform, as every projection); He-normal convolutions.
namespace NetGen.Tests.GradientPrediction.Convolution;

/// <summary>
/// No normalization, 15 convolutions: 3x8x8 → He-ReLU stem 8x8x8 → 3 identity blocks → projection block 16x4x4 → 3
/// identity blocks → global average pooling → 10.
/// </summary>
[Network(Channels = 3, Height = 8, Width = 8, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Conv2D(8, 3, Activation.ReLU, Padding = Padding.Same, Init = Init.HeNormal)]
[Residual(Repeat = 3)]
[Conv2D(8, 3, Activation.ReLU, Padding = Padding.Same, Init = Init.HeNormal)]
[Conv2D(8, 3, Padding = Padding.Same, Init = Init.HeNormal)]
[EndResidual(Activation = Activation.ReLU)]
[Residual]
[Conv2D(16, 3, Activation.ReLU, Stride = 2, PaddingSize = 1, Init = Init.HeNormal)]
[Conv2D(16, 3, Padding = Padding.Same, Init = Init.HeNormal)]
[EndResidual(Activation = Activation.ReLU)]
[Residual(Repeat = 3)]
[Conv2D(16, 3, Activation.ReLU, Padding = Padding.Same, Init = Init.HeNormal)]
[Conv2D(16, 3, Padding = Padding.Same, Init = Init.HeNormal)]
[EndResidual(Activation = Activation.ReLU)]
[GlobalAveragePool]
[Dense(10)]
public partial class ConvProjectionReLU15;

/// <summary>
/// No normalization, 23 convolutions in three stages: 3x8x8 → He-ReLU stem 8x8x8 → 3 identity blocks → projection block
/// 16x4x4 → 3 identity blocks → projection block 32x2x2 → 3 identity blocks → global average pooling → 10.
/// </summary>
[Network(Channels = 3, Height = 8, Width = 8, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Conv2D(8, 3, Activation.ReLU, Padding = Padding.Same, Init = Init.HeNormal)]
[Residual(Repeat = 3)]
[Conv2D(8, 3, Activation.ReLU, Padding = Padding.Same, Init = Init.HeNormal)]
[Conv2D(8, 3, Padding = Padding.Same, Init = Init.HeNormal)]
[EndResidual(Activation = Activation.ReLU)]
[Residual]
[Conv2D(16, 3, Activation.ReLU, Stride = 2, PaddingSize = 1, Init = Init.HeNormal)]
[Conv2D(16, 3, Padding = Padding.Same, Init = Init.HeNormal)]
[EndResidual(Activation = Activation.ReLU)]
[Residual(Repeat = 3)]
[Conv2D(16, 3, Activation.ReLU, Padding = Padding.Same, Init = Init.HeNormal)]
[Conv2D(16, 3, Padding = Padding.Same, Init = Init.HeNormal)]
[EndResidual(Activation = Activation.ReLU)]
[Residual]
[Conv2D(32, 3, Activation.ReLU, Stride = 2, PaddingSize = 1, Init = Init.HeNormal)]
[Conv2D(32, 3, Padding = Padding.Same, Init = Init.HeNormal)]
[EndResidual(Activation = Activation.ReLU)]
[Residual(Repeat = 3)]
[Conv2D(32, 3, Activation.ReLU, Padding = Padding.Same, Init = Init.HeNormal)]
[Conv2D(32, 3, Padding = Padding.Same, Init = Init.HeNormal)]
[EndResidual(Activation = Activation.ReLU)]
[GlobalAveragePool]
[Dense(10)]
public partial class ConvProjectionReLU23;

/// <summary>
/// ResNet's pattern with batch normalization, 23 convolutions in three stages: 3x8x8 → conv-BN-ReLU stem 8x8x8 → 3 blocks
/// conv-BN-ReLU-conv-BN → projection block 16x4x4 → 3 blocks → projection block 32x2x2 → 3 blocks → global average pooling → 10.
/// </summary>
[Network(Channels = 3, Height = 8, Width = 8, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Conv2D(8, 3, Padding = Padding.Same, UseBias = false, Init = Init.HeNormal)]
[BatchNorm(Activation = Activation.ReLU)]
[Residual(Repeat = 3)]
[Conv2D(8, 3, Padding = Padding.Same, UseBias = false, Init = Init.HeNormal)]
[BatchNorm(Activation = Activation.ReLU)]
[Conv2D(8, 3, Padding = Padding.Same, UseBias = false, Init = Init.HeNormal)]
[BatchNorm]
[EndResidual(Activation = Activation.ReLU)]
[Residual]
[Conv2D(16, 3, Stride = 2, PaddingSize = 1, UseBias = false, Init = Init.HeNormal)]
[BatchNorm(Activation = Activation.ReLU)]
[Conv2D(16, 3, Padding = Padding.Same, UseBias = false, Init = Init.HeNormal)]
[BatchNorm]
[EndResidual(Activation = Activation.ReLU)]
[Residual(Repeat = 3)]
[Conv2D(16, 3, Padding = Padding.Same, UseBias = false, Init = Init.HeNormal)]
[BatchNorm(Activation = Activation.ReLU)]
[Conv2D(16, 3, Padding = Padding.Same, UseBias = false, Init = Init.HeNormal)]
[BatchNorm]
[EndResidual(Activation = Activation.ReLU)]
[Residual]
[Conv2D(32, 3, Stride = 2, PaddingSize = 1, UseBias = false, Init = Init.HeNormal)]
[BatchNorm(Activation = Activation.ReLU)]
[Conv2D(32, 3, Padding = Padding.Same, UseBias = false, Init = Init.HeNormal)]
[BatchNorm]
[EndResidual(Activation = Activation.ReLU)]
[Residual(Repeat = 3)]
[Conv2D(32, 3, Padding = Padding.Same, UseBias = false, Init = Init.HeNormal)]
[BatchNorm(Activation = Activation.ReLU)]
[Conv2D(32, 3, Padding = Padding.Same, UseBias = false, Init = Init.HeNormal)]
[BatchNorm]
[EndResidual(Activation = Activation.ReLU)]
[GlobalAveragePool]
[Dense(10)]
public partial class ConvProjectionBatchNorm23;

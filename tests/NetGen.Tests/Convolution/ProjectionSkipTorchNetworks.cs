namespace NetGen.Tests.Convolution;

// The networks ProjectionSkipTorchReferenceTests runs in libtorch too: a residual block with a projection skip between a
// convolution stem (so that the skip's gradient reaches parameters) and a dense head, in double.

/// <summary>
/// A ResNet downsampling block: 2x8x8 → stem 3x8x8 → branch conv 6x3x3 of stride 2 (ReLU) and conv 6x3x3, skip a 1x1
/// convolution of stride 2 (6x3 weights), ReLU after the sum → 6x4x4 → 96 → 3.
/// </summary>
[Network(Channels = 2, Height = 8, Width = 8, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Conv2D(3, 3, Activation.Tanh, Padding = Padding.Same)]
[Residual]
[Conv2D(6, 3, Activation.ReLU, Stride = 2, PaddingSize = 1)]
[Conv2D(6, 3, Padding = Padding.Same)]
[EndResidual(Activation = Activation.ReLU)]
[Flatten]
[Dense(3)]
public partial class StridedProjectionTorchNet;

/// <summary>A block that changes only the channels: 2x6x6 → stem 3x6x6 → branch conv 5x3x3 (tanh), skip a 1x1 convolution (5x3 weights), tanh → 5x6x6 → 180 → 3.</summary>
[Network(Channels = 2, Height = 6, Width = 6, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Conv2D(3, 3, Activation.Tanh, Padding = Padding.Same)]
[Residual]
[Conv2D(5, 3, Activation.Tanh, Padding = Padding.Same)]
[EndResidual(Activation = Activation.Tanh)]
[Flatten]
[Dense(3)]
public partial class ChannelProjectionTorchNet;

// The plain 34-layer ImageNet network of He et al. 2016, declared as a dense stack whose fan-in per layer is C·3·3
// (units = 9·C, the next convolution's fan-in; the last convolution's 512 units feed the classifier, as the global
// average pool does), each convolution without bias and followed by batch normalization, He initialization ("as in
// [13]"). Strides and pooling are not modelled; depth, normalization and skips, the paper's point, are kept.
namespace NetGen.Tests.Corpus.Networks;

[Network(Inputs = 147, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(576, UseBias = false, Init = Init.HeNormal)]
[BatchNorm(Activation = Activation.ReLU)]
[Repeat(6)]
[Dense(576, UseBias = false, Init = Init.HeNormal)]
[BatchNorm(Activation = Activation.ReLU)]
[EndRepeat]
[Repeat(8)]
[Dense(1152, UseBias = false, Init = Init.HeNormal)]
[BatchNorm(Activation = Activation.ReLU)]
[EndRepeat]
[Repeat(12)]
[Dense(2304, UseBias = false, Init = Init.HeNormal)]
[BatchNorm(Activation = Activation.ReLU)]
[EndRepeat]
[Repeat(5)]
[Dense(4608, UseBias = false, Init = Init.HeNormal)]
[BatchNorm(Activation = Activation.ReLU)]
[EndRepeat]
[Dense(512, UseBias = false, Init = Init.HeNormal)]
[BatchNorm(Activation = Activation.ReLU)]
[Dense(1000, Init = Init.HeNormal)]
public partial class ResNetPlain34;

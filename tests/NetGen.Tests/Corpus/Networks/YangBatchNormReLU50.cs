// A fully-connected network with batch normalization after every layer and no skip connection (Yang et al.'s setting),
// 50 layers of 500 units (width chosen here; their theory is for wide layers), MNIST inputs, He-scaled weights.
namespace NetGen.Tests.Corpus.Networks;

[Network(Inputs = 784, InputMeanSquare = 0.1, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Repeat(50)]
[Dense(500, UseBias = false, Init = Init.HeNormal)]
[BatchNorm(Activation = Activation.ReLU)]
[EndRepeat]
[Dense(10)]
public partial class YangBatchNormReLU50;

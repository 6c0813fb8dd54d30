// A residual network without normalization, declared densely: a first layer, 16 residual blocks of two 256-unit layers
// (ReLU inside the branch and after the sum, as ResNet), standardized inputs; widths chosen here. Standard (He)
// initialization in every branch layer.
namespace NetGen.Tests.Corpus.Networks;

[Network(Inputs = 256, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(256, Activation.ReLU, Init = Init.HeNormal)]
[Residual(Repeat = 16)]
[Dense(256, Activation.ReLU, Init = Init.HeNormal)]
[Dense(256, Init = Init.HeNormal)]
[EndResidual(Activation = Activation.ReLU)]
[Dense(10)]
public partial class FixupResidualStandardInit;

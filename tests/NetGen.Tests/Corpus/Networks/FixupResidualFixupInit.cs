// A residual network without normalization, declared densely: a first layer, 16 residual blocks of two 256-unit layers
// (ReLU inside the branch and after the sum, as ResNet), standardized inputs; widths chosen here. Fixup (L = 16
// blocks, m = 2 layers per branch): the branch's first layer He-initialized and scaled by L^(-1/(2m-2)), a variance of
// 2/(16·fan_in), the branch's last layer zero; Fixup's scalar multipliers and biases start at 1 and 0 and are left out
// (the same at initialization), and so is its zero-initialized classifier.
namespace NetGen.Tests.Corpus.Networks;

[Network(Inputs = 256, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(256, Activation.ReLU, Init = Init.HeNormal)]
[Residual(Repeat = 16)]
[Dense(256, Activation.ReLU, Init = Init.VarianceScaling, InitScale = 0.125, InitDistribution = InitDistribution.Normal)]
[Dense(256, Init = Init.Zeros)]
[EndResidual(Activation = Activation.ReLU)]
[Dense(10)]
public partial class FixupResidualFixupInit;

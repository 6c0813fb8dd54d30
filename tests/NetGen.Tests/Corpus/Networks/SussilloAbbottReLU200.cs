// A 200-layer ReLU network with Sussillo & Abbott's random-walk scaling: weights N(0, g²/N), g = sqrt(2)·exp(1.2 /
// (max(N, 6) - 2.4)) = 1.4317 for N = 100 (g² = 2.0498); 100 units per layer and standardized inputs (chosen here).
namespace NetGen.Tests.Corpus.Networks;

[Network(Inputs = 100, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(100, Activation.ReLU, Init = Init.VarianceScaling, InitScale = 2.0498, InitDistribution = InitDistribution.Normal, Repeat = 200)]
[Dense(10)]
public partial class SussilloAbbottReLU200;

// A deep tanh network in Schoenholz et al.'s parametrization: weights N(0, σ_w²/N), biases N(0, σ_b²), 100 layers of
// 300 units (their MNIST width), standardized inputs. σ_w² = 1, σ_b² = 0: the critical point.
namespace NetGen.Tests.Corpus.Networks;

[Network(Inputs = 784, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(300, Activation.Tanh, Init = Init.VarianceScaling, InitScale = 1, InitDistribution = InitDistribution.Normal, Repeat = 100)]
[Dense(10)]
public partial class SchoenholzTanhCritical;

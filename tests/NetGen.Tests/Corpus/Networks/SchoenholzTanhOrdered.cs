// A deep tanh network in Schoenholz et al.'s parametrization: weights N(0, σ_w²/N), biases N(0, σ_b²), 100 layers of
// 300 units (their MNIST width), standardized inputs. σ_w² = 0.5, σ_b² = 0.05: the ordered phase.
namespace NetGen.Tests.Corpus.Networks;

[Network(Inputs = 784, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(300, Activation.Tanh, Init = Init.VarianceScaling, InitScale = 0.5, InitDistribution = InitDistribution.Normal, BiasInit = Init.Normal, BiasInitStandardDeviation = 0.22360679774997896, Repeat = 100)]
[Dense(10)]
public partial class SchoenholzTanhOrdered;

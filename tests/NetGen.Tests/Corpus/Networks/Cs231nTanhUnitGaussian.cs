// The demo's 10 tanh/ReLU layers of 500 units on standard-normal inputs (X = randn(1000, 500)); its layers have no
// biases (zero biases here: the same at initialization) and no output layer (a 10-way softmax classifier added).
namespace NetGen.Tests.Corpus.Networks;

[Network(Inputs = 500, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(500, Activation.Tanh, Init = Init.StandardNormal, Repeat = 10)]
[Dense(10)]
public partial class Cs231nTanhUnitGaussian;

// Five hidden layers of 1000 units and a softmax output (Glorot & Bengio's setting), on MNIST-sized inputs (E[x²]
// about 0.1; the paper also uses Shapeset, CIFAR-10 and ImageNet). "Standard" initialization U[-1/sqrt(n), 1/sqrt(n)]:
// LegacyUniform; zero biases.
namespace NetGen.Tests.Corpus.Networks;

[Network(Inputs = 784, InputMeanSquare = 0.1, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(1000, Activation.Sigmoid, Init = Init.LegacyUniform, Repeat = 5)]
[Dense(10, Init = Init.LegacyUniform)]
public partial class GlorotSigmoidStandardInit;

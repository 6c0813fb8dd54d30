// Five hidden layers of 1000 units and a softmax output (Glorot & Bengio's setting), on MNIST-sized inputs (E[x²]
// about 0.1; the paper also uses Shapeset, CIFAR-10 and ImageNet). "Normalized" initialization U[±sqrt(6/(n_in +
// n_out))]: GlorotUniform; zero biases.
namespace NetGen.Tests.Corpus.Networks;

[Network(Inputs = 784, InputMeanSquare = 0.1, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(1000, Activation.Tanh, Init = Init.GlorotUniform, Repeat = 5)]
[Dense(10)]
public partial class GlorotTanhNormalizedInit;

// [784, 30, 10] of chapter 3's overfitting experiment: network2.py's large_weight_initializer (weights and biases N(0,
// 1)), cross-entropy cost on sigmoid outputs; MNIST pixels (E[x²] about 0.1).
namespace NetGen.Tests.Corpus.Networks;

[Network(Inputs = 784, InputMeanSquare = 0.1, Loss = Loss.BinaryCrossEntropy, Precision = Precision.Double)]
[Dense(30, Activation.Sigmoid, Init = Init.StandardNormal, BiasInit = Init.StandardNormal)]
[Dense(10, Activation.Sigmoid, Init = Init.StandardNormal, BiasInit = Init.StandardNormal)]
public partial class NielsenCh3Overfitting;

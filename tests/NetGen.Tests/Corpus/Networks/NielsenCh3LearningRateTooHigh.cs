// [784, 30, 10] of chapter 3 (the learning-rate experiment) with network2.py's default initializer (weights N(0,
// 1/n_in), biases N(0, 1)) and cross-entropy cost on sigmoid outputs (BinaryCrossEntropy); MNIST pixels in [0, 1]
// (E[x²] about 0.1).
namespace NetGen.Tests.Corpus.Networks;

[Network(Inputs = 784, InputMeanSquare = 0.1, Loss = Loss.BinaryCrossEntropy, Precision = Precision.Double)]
[Dense(30, Activation.Sigmoid, Init = Init.Normal, InitStandardDeviation = 0.035714285714285712, BiasInit = Init.Normal, BiasInitStandardDeviation = 1)]
[Dense(10, Activation.Sigmoid, Init = Init.Normal, InitStandardDeviation = 0.18257418583505536, BiasInit = Init.Normal, BiasInitStandardDeviation = 1)]
public partial class NielsenCh3LearningRateTooHigh;

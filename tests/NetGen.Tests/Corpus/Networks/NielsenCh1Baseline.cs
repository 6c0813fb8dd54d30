// [784, 30, 10] of chapter 1 (network.py): weights and biases N(0, 1), quadratic cost on sigmoid outputs; MNIST pixels
// (E[x²] about 0.1).
namespace NetGen.Tests.Corpus.Networks;

[Network(Inputs = 784, InputMeanSquare = 0.1, Loss = Loss.MeanSquaredError, Precision = Precision.Double)]
[Dense(30, Activation.Sigmoid, Init = Init.StandardNormal, BiasInit = Init.StandardNormal)]
[Dense(10, Activation.Sigmoid, Init = Init.StandardNormal, BiasInit = Init.StandardNormal)]
public partial class NielsenCh1Baseline;

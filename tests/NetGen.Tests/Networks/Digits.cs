namespace NetGen.Tests.Networks;

[Network(Inputs = 784, Loss = Loss.SoftmaxCrossEntropy)]
[Dense(128, Activation.ReLU, Init = Init.HeNormal)]
[Dense(30, Activation.Sigmoid, Repeat = 2)]
[Dense(10)]
public partial class Digits;

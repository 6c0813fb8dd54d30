using NetGen;

namespace MnistSample;

/// <summary>A multilayer perceptron for MNIST digits: two ReLU layers with He initialization, then 10 logits.</summary>
[Network(Inputs = 784, Loss = Loss.SoftmaxCrossEntropy)]
[Dense(256, Activation.ReLU, Init = Init.HeNormal)]
[Dense(128, Activation.ReLU, Init = Init.HeNormal)]
[Dense(10)]
public partial class MnistClassifier;

namespace NetGen.Tests.Networks;

/// <summary>Classifies 2-D points: inside or outside a circle (not linearly separable).</summary>
[Network(Inputs = 2, Loss = Loss.SoftmaxCrossEntropy)]
[Dense(16, Activation.Tanh)]
[Dense(16, Activation.ReLU, Init = Init.HeNormal)]
[Dense(2)]
public partial class CircleClassifier;

/// <summary>The same problem as a single sigmoid output with binary cross-entropy.</summary>
[Network(Inputs = 2, Loss = Loss.BinaryCrossEntropy)]
[Dense(16, Activation.Tanh)]
[Dense(1, Activation.Sigmoid)]
public partial class CircleDetector;

/// <summary>A small MNIST classifier, for a quick end-to-end check on the embedded subset.</summary>
[Network(Inputs = 784, Loss = Loss.SoftmaxCrossEntropy)]
[Dense(64, Activation.ReLU, Init = Init.HeNormal)]
[Dense(10)]
public partial class SmallDigits;

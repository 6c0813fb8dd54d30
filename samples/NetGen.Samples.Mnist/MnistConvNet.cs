using NetGen;

namespace MnistSample;

/// <summary>
/// A LeNet-like convolutional network for MNIST digits (Caffe's LeNet with ReLU): two 5x5 convolutions with 2x2 max
/// pooling, then a hidden dense layer and 10 logits. 1x28x28 → 20x24x24 → 20x12x12 → 50x8x8 → 50x4x4 → 800 → 500 → 10.
/// </summary>
[Network(Height = 28, Width = 28, Loss = Loss.SoftmaxCrossEntropy)]
[Conv2D(20, 5, Activation.ReLU, Init = Init.HeNormal)]
[MaxPool2D(2)]
[Conv2D(50, 5, Activation.ReLU, Init = Init.HeNormal)]
[MaxPool2D(2)]
[Flatten]
[Dense(500, Activation.ReLU, Init = Init.HeNormal)]
[Dense(10)]
public partial class MnistConvNet;

namespace NetGen.Tests.Monitoring;

/// <summary>A small double-precision network with a ReLU, a sigmoid, a tanh and a linear layer, for exact statistics.</summary>
[Network(Inputs = 4, Loss = Loss.MeanSquaredError, Precision = Precision.Double)]
[Dense(6, Activation.ReLU, Init = Init.HeNormal)]
[Dense(5, Activation.Sigmoid)]
[Dense(3, Activation.Tanh)]
[Dense(2)]
public partial class MonitoredMix;

/// <summary>Nielsen's deep sigmoid network of chapter 5: four hidden sigmoid layers of 30, standard normal biases.</summary>
#pragma warning disable NG0101 // the vanishing gradient is what the monitor's tests measure
[Network(Inputs = 784, Loss = Loss.BinaryCrossEntropy)]
[Dense(30, Activation.Sigmoid, Init = Init.LeCunNormal, BiasInit = Init.StandardNormal, Repeat = 4)]
[Dense(10, Activation.Sigmoid, Init = Init.LeCunNormal, BiasInit = Init.StandardNormal)]
#pragma warning restore NG0101
public partial class DeepSigmoid;

/// <summary>The same shape with ReLU and He init: the gradient keeps its size on the way back.</summary>
[Network(Inputs = 784, Loss = Loss.BinaryCrossEntropy)]
[Dense(30, Activation.ReLU, Init = Init.HeNormal, Repeat = 4)]
[Dense(10, Activation.Sigmoid, Init = Init.LeCunNormal)]
public partial class DeepReLU;

/// <summary>A shallow MNIST classifier with ReLU and He init: healthy gradients.</summary>
[Network(Inputs = 784, Loss = Loss.SoftmaxCrossEntropy)]
[Dense(64, Activation.ReLU, Init = Init.HeNormal)]
[Dense(10)]
public partial class SmallDigitsForMonitor;

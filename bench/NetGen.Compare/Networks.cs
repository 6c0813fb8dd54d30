namespace NetGen.Compare;

/// <summary>Cases 1 and 2: the training step, 784-256-256-10 ReLU (He init), softmax cross-entropy on logits.</summary>
[Network(Inputs = 784, Loss = Loss.SoftmaxCrossEntropy)]
[Dense(256, Activation.ReLU, Init = Init.HeNormal)]
[Dense(256, Activation.ReLU, Init = Init.HeNormal)]
[Dense(10)]
public partial class TrainingMlp;

/// <summary>Case 3: one-sample inference, 784-128-10 ReLU.</summary>
[Network(Inputs = 784, Loss = Loss.SoftmaxCrossEntropy)]
[Dense(128, Activation.ReLU, Init = Init.HeNormal)]
[Dense(10)]
public partial class InferenceMlp;

/// <summary>Case 4: one dense layer, 1024 x 1024, identity activation.</summary>
[Network(Inputs = 1024)]
[Dense(1024)]
public partial class DenseLayer;

/// <summary>
/// Cases 5 to 7: an LSTM over row-by-row MNIST's shape (28 steps of 28 inputs, 128 units) with a dense head of 10 on the
/// last step. The parameters are overwritten with TorchSharp's <c>nn.LSTM</c>/<c>nn.Linear</c> draws before comparing,
/// so the initializers here do not matter.
/// </summary>
[Network(Inputs = 28, Steps = 28, Loss = Loss.SoftmaxCrossEntropy)]
[LSTM(128)]
[Dense(10)]
public partial class RecurrentLstm;

/// <summary>Cases 8 to 10: the same with a GRU (PyTorch's variant, Keras's <c>reset_after = True</c>).</summary>
// NG0110 (a memory horizon of 1.7 steps at Keras's initialization) is about training, and these parameters are replaced.
#pragma warning disable NG0110
[Network(Inputs = 28, Steps = 28, Loss = Loss.SoftmaxCrossEntropy)]
[GRU(128)]
[Dense(10)]
public partial class RecurrentGru;
#pragma warning restore NG0110

/// <summary>Cases 11 and 12: LeNet-5 with ReLU and max pooling (TorchLeNet is the same model).</summary>
[Network(Height = 28, Width = 28, Loss = Loss.SoftmaxCrossEntropy)]
[Conv2D(6, 5, Activation.ReLU, PaddingSize = 2)]
[MaxPool2D(2)]
[Conv2D(16, 5, Activation.ReLU)]
[MaxPool2D(2)]
[Flatten]
[Dense(120, Activation.ReLU)]
[Dense(84, Activation.ReLU)]
[Dense(10)]
public partial class LeNet;

/// <summary>
/// Case 13: one 3x3 convolution, 64 to 64 channels on 32x32 images, same padding, identity activation. A network's output
/// is a dense layer (NG0005), so a dense layer of one unit follows: 65,536 multiply-adds a sample beside the convolution's
/// 37.7 million (0.17 %), timed with it. The convolution's output is compared through <c>PreActivations(0)</c>.
/// </summary>
[Network(Channels = 64, Height = 32, Width = 32)]
[Conv2D(64, 3, PaddingSize = 1)]
[Flatten]
[Dense(1)]
public partial class Convolution3x3;

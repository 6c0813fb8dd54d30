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

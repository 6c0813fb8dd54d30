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

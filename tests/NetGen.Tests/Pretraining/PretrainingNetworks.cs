using NetGen;

namespace NetGen.Tests.Pretraining;

/// <summary>
/// Three hidden layers whose autoencoders differ: Layer1's inputs are data in [0, 1] and Layer2's sigmoid outputs (sigmoid
/// decoder, cross-entropy), Layer3's tanh outputs (linear decoder, squared error).
/// </summary>
[Network(Inputs = 16, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(12, Activation.Sigmoid, Init = Init.LegacyUniform)]
[Dense(10, Activation.Tanh)]
[Dense(8, Activation.ReLU, Init = Init.HeNormal)]
[Dense(3)]
public partial class MixedPretrainingStack;

/// <summary>A float sigmoid stack, as the sample's.</summary>
#pragma warning disable NG0101 // its vanishing gradient is beside the point here
[Network(Inputs = 16, Loss = Loss.SoftmaxCrossEntropy)]
[Dense(12, Activation.Sigmoid, Init = Init.LegacyUniform, Repeat = 3)]
[Dense(3)]
public partial class SigmoidPretrainingStack;
#pragma warning restore NG0101

/// <summary>A normalization layer between hidden layers: not a stack of dense layers.</summary>
[Network(Inputs = 16, Loss = Loss.SoftmaxCrossEntropy)]
[Dense(12, Activation.Sigmoid)]
[BatchNorm]
[Dense(8, Activation.Sigmoid)]
[Dense(3)]
public partial class BatchNormPretrainingStack;

/// <summary>A hidden activation pretraining does not implement.</summary>
[Network(Inputs = 16, Loss = Loss.SoftmaxCrossEntropy)]
[Dense(12, Activation.ELU)]
[Dense(3)]
public partial class EluPretrainingStack;

using NetGen;

namespace VanishingGradientsSample;

/// <summary>
/// The stack of Bengio et al. 2007's MNIST experiments in depth, narrower: 784 inputs, 7 sigmoid layers of 100 with the
/// initialization of the time, U(±1/√fan_in), zero biases, ten logits (softmax cross-entropy). Trained from this random
/// start and after greedy layer-wise pretraining (Experiments/PretrainingExperiment.cs).
/// </summary>
// NetGen predicts the vanishing gradient at compile time (NG0101); the experiment measures it with and without pretraining.
#pragma warning disable NG0101
[Network(Inputs = 784, Loss = Loss.SoftmaxCrossEntropy, InputMeanSquare = 0.1)]
[Dense(100, Activation.Sigmoid, Init = Init.LegacyUniform, Repeat = 7)]
[Dense(10)]
public partial class PretrainableSigmoidStack;
#pragma warning restore NG0101

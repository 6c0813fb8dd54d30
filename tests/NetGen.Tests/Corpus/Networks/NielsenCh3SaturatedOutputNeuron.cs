// Chapter 3's single sigmoid neuron with quadratic cost: input 1, weight 2, bias 2 (the case that starts learning
// slowly).
namespace NetGen.Tests.Corpus.Networks;

[Network(Inputs = 1, Loss = Loss.MeanSquaredError, Precision = Precision.Double)]
[Dense(1, Activation.Sigmoid, Init = Init.Constant, InitValue = 2, BiasInit = Init.Constant, BiasInitValue = 2)]
public partial class NielsenCh3SaturatedOutputNeuron;

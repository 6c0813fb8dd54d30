// A PyTorch tutorial network: 20 nn.Linear(100, 100) + nn.Sigmoid layers and nn.Linear(100, 1), PyTorch's default
// initialization (weights and biases U(±1/sqrt(fan_in)): LegacyUniform), one standard-normal input, MSE loss.
namespace NetGen.Tests.Corpus.Networks;

[Network(Inputs = 100, Loss = Loss.MeanSquaredError, Precision = Precision.Double)]
[Dense(100, Activation.Sigmoid, Init = Init.LegacyUniform, BiasInit = Init.LegacyUniform, Repeat = 20)]
[Dense(1, Init = Init.LegacyUniform, BiasInit = Init.LegacyUniform)]
public partial class JuebrauerSigmoid20;

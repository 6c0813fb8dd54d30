// A self-normalizing network of Klambauer et al.: 32 SELU layers with LeCun normal weights on standardized inputs; 256
// units per layer (width chosen here), MNIST-sized inputs.
namespace NetGen.Tests.Corpus.Networks;

[Network(Inputs = 784, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(256, Activation.SELU, Init = Init.LeCunNormal, Repeat = 32)]
[Dense(10)]
public partial class KlambauerSelu32;

// A convolutional network declared as a dense stack whose fan-in per layer is C·k·k, which reproduces the variance
// recursion (He et al. derive their initialization this way): L - 3 convolutions and 3 fully-connected layers (the
// paper's 30-layer model is 27 conv + 3 fc), a first 7x7 convolution on RGB (fan-in 147, standardized inputs), then
// 3x3 convolutions of 64 channels (units = 9·64 = 576, the next layer's fan-in), two fully-connected ReLU layers of
// 4096 and a 1000-way classifier. The paper's channel counts vary by stage and its strides and pooling are not
// modelled; the depth and the initializer, the paper's point, are kept. "Xavier" as the paper defines it: Var(w) =
// 1/n, LeCun normal.
namespace NetGen.Tests.Corpus.Networks;

[Network(Inputs = 147, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(576, Activation.ReLU, Init = Init.LeCunNormal, Repeat = 19)]
[Dense(4096, Activation.ReLU, Init = Init.LeCunNormal, Repeat = 2)]
[Dense(1000, Init = Init.LeCunNormal)]
public partial class HePReLU22LayerXavier;

// Lu et al.'s one-dimensional example: a ReLU network of width 2 and depth 10 with He (symmetric) initialization and
// zero biases, fitting a function of one input on [-1, 1] (E[x²] = 1/3) with the quadratic loss.
namespace NetGen.Tests.Corpus.Networks;

[Network(Inputs = 1, InputMeanSquare = 0.3333333333333333, Loss = Loss.MeanSquaredError, Precision = Precision.Double)]
[Dense(2, Activation.ReLU, Init = Init.HeNormal, Repeat = 10)]
[Dense(1, Init = Init.HeNormal)]
public partial class LuDyingReLUWidth2Depth10;

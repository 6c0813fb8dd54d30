// Dive into Deep Learning's product of 100 standard-normal 4x4 matrices, as a linear network of 100 layers of 4 units
// with N(0, 1) weights (zero biases), standardized inputs and the quadratic loss.
namespace NetGen.Tests.Corpus.Networks;

[Network(Inputs = 4, Loss = Loss.MeanSquaredError, Precision = Precision.Double)]
[Dense(4, Init = Init.StandardNormal, Repeat = 100)]
[Dense(4, Init = Init.StandardNormal)]
public partial class D2lDeepLinearStandardNormal;

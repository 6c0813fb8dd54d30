// A deep linear network with random orthogonal weights (Saxe et al.): 30 layers of 100 units, standardized inputs, the
// quadratic loss; depth and width chosen here.
namespace NetGen.Tests.Corpus.Networks;

[Network(Inputs = 100, Loss = Loss.MeanSquaredError, Precision = Precision.Double)]
[Dense(100, Init = Init.Orthogonal, Repeat = 30)]
[Dense(10, Init = Init.Orthogonal)]
public partial class SaxeDeepLinearOrthogonal;

// A family of networks whose compile-time gradient prediction is compared with the monitor's measurement.
namespace NetGen.Tests.GradientPrediction;

[Network(Inputs = 100, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(100, Activation.Sigmoid, Repeat = 8)]
[Dense(10)]
public partial class DeepSigmoid;

[Network(Inputs = 100, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(100, Activation.Tanh, Init = Init.LegacyUniform, Repeat = 6)]
[Dense(10)]
public partial class TanhLegacy;

[Network(Inputs = 100, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(100, Activation.Tanh, Init = Init.LeCunNormal, Repeat = 10)]
[Dense(10)]
public partial class TanhLeCun;

[Network(Inputs = 100, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(100, Activation.ReLU, Repeat = 10)]
[Dense(10)]
public partial class ReLUGlorot;

[Network(Inputs = 100, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(100, Activation.ReLU, Init = Init.HeNormal, Repeat = 10)]
[Dense(10)]
public partial class ReLUHe;

[Network(Inputs = 100, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(32, Activation.ReLU, Init = Init.HeNormal, Repeat = 10)]
[Dense(10)]
public partial class NarrowReLUHe;

[Network(Inputs = 100, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(100, Activation.SELU, Repeat = 10)]
[Dense(10)]
public partial class SeluLeCun;

[Network(Inputs = 100, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(100, Activation.ReLU, Init = Init.HeNormal)]
[Residual(Repeat = 6)]
[Dense(100, Activation.ReLU, Init = Init.HeNormal)]
[EndResidual]
[Dense(10)]
public partial class ResidualWithoutNormalization;

[Network(Inputs = 100, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(100, Activation.Sigmoid)]
[Residual(Repeat = 6)]
[Dense(100, Activation.Sigmoid)]
[LayerNorm]
[EndResidual]
[Dense(10)]
public partial class SigmoidResidualWithNormalization;

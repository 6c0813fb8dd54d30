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

// Blocks ending in a ReLU after the sum: along the skip a unit's masks are correlated (see Gradients/SkipPathGradient).
// Wide, where the mean field's picture holds: the finite-width correlation of the skip's and the branch's gradients
// (~5/width of E[dz²] per block) is small there.
[Network(Inputs = 100, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(400, Activation.ReLU, Init = Init.HeNormal)]
[Residual(Repeat = 10)]
[Dense(400, Activation.ReLU, Init = Init.HeNormal)]
[Dense(400, Init = Init.HeNormal)]
[EndResidual(Activation = Activation.ReLU)]
[Dense(10)]
public partial class WideResidualReLU10;

// ResNet's pattern in dense layers, 25 blocks: the variance of the sum grows by ~1 per block, and the next branch's
// normalization divides by it (see Gradients/UnitValueLaw).
[Network(Inputs = 100, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(100, Activation.ReLU, Init = Init.HeNormal)]
[Residual(Repeat = 25)]
[Dense(100)]
[BatchNorm(Activation = Activation.ReLU)]
[Dense(100)]
[BatchNorm]
[EndResidual(Activation = Activation.ReLU)]
[Dense(10)]
public partial class ResidualBatchNormReLU25;

[Network(Inputs = 100, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(100, Activation.Sigmoid)]
[Residual(Repeat = 6)]
[Dense(100, Activation.Sigmoid)]
[LayerNorm]
[EndResidual]
[Dense(10)]
public partial class SigmoidResidualWithNormalization;

// The initializers with parameters and the layer kinds of the layer-families issue: the prediction uses what is
// declared (a mean and a variance of the weights; PReLU's initial slope; dropout's rate).
[Network(Inputs = 100, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(100, Activation.Tanh, Init = Init.Normal, InitStandardDeviation = 0.15, Repeat = 6)]
[Dense(10)]
public partial class TanhNormal;

[Network(Inputs = 100, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(100, Activation.Tanh, Init = Init.Uniform, InitMinimum = -0.2, InitMaximum = 0.2, Repeat = 6)]
[Dense(10)]
public partial class TanhUniform;

[Network(Inputs = 100, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(100, Activation.ReLU, Init = Init.VarianceScaling, InitScale = 2, Repeat = 10)]
[Dense(10)]
public partial class ReLUVarianceScaling;

[Network(Inputs = 100, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(100, Activation.ReLU, Init = Init.Orthogonal, InitGain = 1.4142135623730951, Repeat = 10)]
[Dense(10)]
public partial class ReLUOrthogonal;

[Network(Inputs = 100, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Repeat(8)]
[Dense(100, Init = Init.HeNormal)]
[PReLU]
[EndRepeat]
[Dense(10)]
public partial class PReLUHe;

[Network(Inputs = 100, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Repeat(6)]
[Dense(100, Activation.ReLU, Init = Init.HeNormal)]
[Dropout(0.3)]
[EndRepeat]
[Dense(10)]
public partial class ReLUDropout;

// Pre-activations of variance ~100 (N(0, 1) weights on 100 inputs): the gradient grows toward the input. A single
// 64-point Gauss-Hermite rule underestimated E[tanh'(z)²] there ~30x and predicted it to vanish.
[Network(Inputs = 100, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(100, Activation.Tanh, Init = Init.StandardNormal, Repeat = 6)]
[Dense(10)]
public partial class TanhStandardNormal;

[Network(Inputs = 100, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(100, Activation.Sigmoid, Init = Init.StandardNormal, Repeat = 6)]
[Dense(10)]
public partial class SigmoidStandardNormal;

// Residual branches that end in a zero-initialized layer (Fixup, SkipInit): each block starts as the identity.
[Network(Inputs = 100, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(100, Activation.ReLU, Init = Init.HeNormal)]
[Residual(Repeat = 8)]
[Dense(100, Activation.ReLU, Init = Init.HeNormal)]
[Dense(100, Init = Init.Zeros)]
[EndResidual(Activation = Activation.ReLU)]
[Dense(10)]
public partial class ResidualZeroInitializedBranches;

// Batch normalization without skips (Yang et al. 2019): each unit is divided by its own spread over the batch, which
// leaves out the offsets that the ReLU outputs' mean gives every unit of the next dense layer; the gradient grows by
// about √(π/(π − 1)) ≈ 1.21 per layer toward the input.
[Network(Inputs = 100, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Repeat(20)]
[Dense(100)]
[BatchNorm(Activation = Activation.ReLU)]
[EndRepeat]
[Dense(10)]
public partial class BatchNormReLU20;

[Network(Inputs = 100, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Repeat(34)]
[Dense(100)]
[BatchNorm(Activation = Activation.ReLU)]
[EndRepeat]
[Dense(10)]
public partial class BatchNormReLU34;

[Network(Inputs = 100, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Repeat(20)]
[Dense(100)]
[BatchNorm(Activation = Activation.Tanh)]
[EndRepeat]
[Dense(10)]
public partial class BatchNormTanh20;

[Network(Inputs = 100, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Repeat(10)]
[Dense(100)]
[BatchNorm(Activation = Activation.Sigmoid)]
[EndRepeat]
[Dense(10)]
public partial class BatchNormSigmoid10;

// Weights of non-zero mean: the gradients of different units are correlated, and a dense layer passes their common
// mode, units²·E[w]², besides units·Var(w) of each. Softmax cross-entropy's output gradient has no common mode (it
// sums to zero per sample); the quadratic loss's has one.
[Network(Inputs = 100, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(100, Activation.Sigmoid, Init = Init.Uniform, InitMinimum = -0.05, InitMaximum = 0.15, Repeat = 5)]
[Dense(10, Init = Init.Uniform, InitMinimum = -0.05, InitMaximum = 0.15)]
public partial class SigmoidShiftedUniform;

[Network(Inputs = 100, Loss = Loss.MeanSquaredError, Precision = Precision.Double)]
[Dense(100, Activation.Sigmoid, Init = Init.Uniform, InitMinimum = -0.05, InitMaximum = 0.15, Repeat = 5)]
[Dense(10, Activation.Sigmoid, Init = Init.Uniform, InitMinimum = -0.05, InitMaximum = 0.15)]
public partial class SigmoidShiftedUniformQuadratic;

[Network(Inputs = 100, Loss = Loss.MeanSquaredError, Precision = Precision.Double)]
[Dense(30, Activation.Sigmoid, Init = Init.Uniform, InitMinimum = 0, InitMaximum = 1, Repeat = 3)]
[Dense(10, Activation.Sigmoid, Init = Init.Uniform, InitMinimum = 0, InitMaximum = 1)]
public partial class SigmoidUnitUniformQuadratic;

[Network(Inputs = 100, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(100, Activation.Tanh, Init = Init.Uniform, InitMinimum = -0.05, InitMaximum = 0.15, Repeat = 5)]
[Dense(10, Init = Init.Uniform, InitMinimum = -0.05, InitMaximum = 0.15)]
public partial class TanhShiftedUniform;

// One batch normalization after eight sigmoid layers: their outputs hardly vary from sample to sample any more (each
// unit sits at its own offset), and the normalization divides by that small spread.
[Network(Inputs = 100, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(100, Activation.Sigmoid, Repeat = 8)]
[BatchNorm]
[Dense(10)]
public partial class SigmoidThenOneBatchNorm;

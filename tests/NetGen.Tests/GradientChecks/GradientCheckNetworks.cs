// One small double-precision network for every activation x initializer family x loss (SoftmaxOutput: softmax
// cross-entropy with a declared Softmax output layer), for the finite-difference checks in GradientCheckTests.
// Each has two hidden layers of the activation (the family's uniform then normal variant), constant biases of 0.1
// (so that no ReLU pre-activation sits exactly on its kink at 0, where finite differences are not derivatives), and the output layer the loss needs (for mean squared error: the same activation, so that its
// derivative is applied after the loss). Keep the list a full cross product when adding an activation, init or loss.
namespace NetGen.Tests.GradientChecks;

[Network(Inputs = 4, Loss = Loss.MeanSquaredError, Precision = Precision.Double)]
[Dense(5, Activation.Identity, Init = Init.GlorotUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.Identity, Init = Init.GlorotNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(2, Activation.Identity, Init = Init.GlorotUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class MeanSquaredError_Identity_Glorot;

[Network(Inputs = 4, Loss = Loss.MeanSquaredError, Precision = Precision.Double)]
[Dense(5, Activation.Identity, Init = Init.HeUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.Identity, Init = Init.HeNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(2, Activation.Identity, Init = Init.HeUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class MeanSquaredError_Identity_He;

[Network(Inputs = 4, Loss = Loss.MeanSquaredError, Precision = Precision.Double)]
[Dense(5, Activation.Identity, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.Identity, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(2, Activation.Identity, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class MeanSquaredError_Identity_LeCun;

[Network(Inputs = 4, Loss = Loss.MeanSquaredError, Precision = Precision.Double)]
[Dense(5, Activation.Identity, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.Identity, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(2, Activation.Identity, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class MeanSquaredError_Identity_Legacy;

[Network(Inputs = 4, Loss = Loss.MeanSquaredError, Precision = Precision.Double)]
[Dense(5, Activation.Identity, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.Identity, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(2, Activation.Identity, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class MeanSquaredError_Identity_StandardNormal;

[Network(Inputs = 4, Loss = Loss.MeanSquaredError, Precision = Precision.Double)]
[Dense(5, Activation.Sigmoid, Init = Init.GlorotUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.Sigmoid, Init = Init.GlorotNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(2, Activation.Sigmoid, Init = Init.GlorotUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class MeanSquaredError_Sigmoid_Glorot;

[Network(Inputs = 4, Loss = Loss.MeanSquaredError, Precision = Precision.Double)]
[Dense(5, Activation.Sigmoid, Init = Init.HeUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.Sigmoid, Init = Init.HeNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(2, Activation.Sigmoid, Init = Init.HeUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class MeanSquaredError_Sigmoid_He;

[Network(Inputs = 4, Loss = Loss.MeanSquaredError, Precision = Precision.Double)]
[Dense(5, Activation.Sigmoid, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.Sigmoid, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(2, Activation.Sigmoid, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class MeanSquaredError_Sigmoid_LeCun;

[Network(Inputs = 4, Loss = Loss.MeanSquaredError, Precision = Precision.Double)]
[Dense(5, Activation.Sigmoid, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.Sigmoid, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(2, Activation.Sigmoid, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class MeanSquaredError_Sigmoid_Legacy;

[Network(Inputs = 4, Loss = Loss.MeanSquaredError, Precision = Precision.Double)]
[Dense(5, Activation.Sigmoid, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.Sigmoid, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(2, Activation.Sigmoid, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class MeanSquaredError_Sigmoid_StandardNormal;

[Network(Inputs = 4, Loss = Loss.MeanSquaredError, Precision = Precision.Double)]
[Dense(5, Activation.Tanh, Init = Init.GlorotUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.Tanh, Init = Init.GlorotNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(2, Activation.Tanh, Init = Init.GlorotUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class MeanSquaredError_Tanh_Glorot;

[Network(Inputs = 4, Loss = Loss.MeanSquaredError, Precision = Precision.Double)]
[Dense(5, Activation.Tanh, Init = Init.HeUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.Tanh, Init = Init.HeNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(2, Activation.Tanh, Init = Init.HeUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class MeanSquaredError_Tanh_He;

[Network(Inputs = 4, Loss = Loss.MeanSquaredError, Precision = Precision.Double)]
[Dense(5, Activation.Tanh, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.Tanh, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(2, Activation.Tanh, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class MeanSquaredError_Tanh_LeCun;

[Network(Inputs = 4, Loss = Loss.MeanSquaredError, Precision = Precision.Double)]
[Dense(5, Activation.Tanh, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.Tanh, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(2, Activation.Tanh, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class MeanSquaredError_Tanh_Legacy;

[Network(Inputs = 4, Loss = Loss.MeanSquaredError, Precision = Precision.Double)]
[Dense(5, Activation.Tanh, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.Tanh, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(2, Activation.Tanh, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class MeanSquaredError_Tanh_StandardNormal;

[Network(Inputs = 4, Loss = Loss.MeanSquaredError, Precision = Precision.Double)]
[Dense(5, Activation.ReLU, Init = Init.GlorotUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.ReLU, Init = Init.GlorotNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(2, Activation.ReLU, Init = Init.GlorotUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class MeanSquaredError_ReLU_Glorot;

[Network(Inputs = 4, Loss = Loss.MeanSquaredError, Precision = Precision.Double)]
[Dense(5, Activation.ReLU, Init = Init.HeUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.ReLU, Init = Init.HeNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(2, Activation.ReLU, Init = Init.HeUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class MeanSquaredError_ReLU_He;

[Network(Inputs = 4, Loss = Loss.MeanSquaredError, Precision = Precision.Double)]
[Dense(5, Activation.ReLU, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.ReLU, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(2, Activation.ReLU, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class MeanSquaredError_ReLU_LeCun;

[Network(Inputs = 4, Loss = Loss.MeanSquaredError, Precision = Precision.Double)]
[Dense(5, Activation.ReLU, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.ReLU, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(2, Activation.ReLU, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class MeanSquaredError_ReLU_Legacy;

[Network(Inputs = 4, Loss = Loss.MeanSquaredError, Precision = Precision.Double)]
[Dense(5, Activation.ReLU, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.ReLU, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(2, Activation.ReLU, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class MeanSquaredError_ReLU_StandardNormal;

[Network(Inputs = 4, Loss = Loss.MeanSquaredError, Precision = Precision.Double)]
[Dense(5, Activation.LeakyReLU, Init = Init.GlorotUniform, BiasInit = Init.Constant, BiasInitValue = 0.1, NegativeSlope = 0.2)]
[Dense(4, Activation.LeakyReLU, Init = Init.GlorotNormal, BiasInit = Init.Constant, BiasInitValue = 0.1, NegativeSlope = 0.2)]
[Dense(2, Activation.LeakyReLU, Init = Init.GlorotUniform, BiasInit = Init.Constant, BiasInitValue = 0.1, NegativeSlope = 0.2)]
public partial class MeanSquaredError_LeakyReLU_Glorot;

[Network(Inputs = 4, Loss = Loss.MeanSquaredError, Precision = Precision.Double)]
[Dense(5, Activation.LeakyReLU, Init = Init.HeUniform, BiasInit = Init.Constant, BiasInitValue = 0.1, NegativeSlope = 0.2)]
[Dense(4, Activation.LeakyReLU, Init = Init.HeNormal, BiasInit = Init.Constant, BiasInitValue = 0.1, NegativeSlope = 0.2)]
[Dense(2, Activation.LeakyReLU, Init = Init.HeUniform, BiasInit = Init.Constant, BiasInitValue = 0.1, NegativeSlope = 0.2)]
public partial class MeanSquaredError_LeakyReLU_He;

[Network(Inputs = 4, Loss = Loss.MeanSquaredError, Precision = Precision.Double)]
[Dense(5, Activation.LeakyReLU, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1, NegativeSlope = 0.2)]
[Dense(4, Activation.LeakyReLU, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1, NegativeSlope = 0.2)]
[Dense(2, Activation.LeakyReLU, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1, NegativeSlope = 0.2)]
public partial class MeanSquaredError_LeakyReLU_LeCun;

[Network(Inputs = 4, Loss = Loss.MeanSquaredError, Precision = Precision.Double)]
[Dense(5, Activation.LeakyReLU, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1, NegativeSlope = 0.2)]
[Dense(4, Activation.LeakyReLU, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1, NegativeSlope = 0.2)]
[Dense(2, Activation.LeakyReLU, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1, NegativeSlope = 0.2)]
public partial class MeanSquaredError_LeakyReLU_Legacy;

[Network(Inputs = 4, Loss = Loss.MeanSquaredError, Precision = Precision.Double)]
[Dense(5, Activation.LeakyReLU, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1, NegativeSlope = 0.2)]
[Dense(4, Activation.LeakyReLU, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1, NegativeSlope = 0.2)]
[Dense(2, Activation.LeakyReLU, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1, NegativeSlope = 0.2)]
public partial class MeanSquaredError_LeakyReLU_StandardNormal;

[Network(Inputs = 4, Loss = Loss.MeanSquaredError, Precision = Precision.Double)]
[Dense(5, Activation.ELU, Init = Init.GlorotUniform, BiasInit = Init.Constant, BiasInitValue = 0.1, Alpha = 0.8)]
[Dense(4, Activation.ELU, Init = Init.GlorotNormal, BiasInit = Init.Constant, BiasInitValue = 0.1, Alpha = 0.8)]
[Dense(2, Activation.ELU, Init = Init.GlorotUniform, BiasInit = Init.Constant, BiasInitValue = 0.1, Alpha = 0.8)]
public partial class MeanSquaredError_ELU_Glorot;

[Network(Inputs = 4, Loss = Loss.MeanSquaredError, Precision = Precision.Double)]
[Dense(5, Activation.ELU, Init = Init.HeUniform, BiasInit = Init.Constant, BiasInitValue = 0.1, Alpha = 0.8)]
[Dense(4, Activation.ELU, Init = Init.HeNormal, BiasInit = Init.Constant, BiasInitValue = 0.1, Alpha = 0.8)]
[Dense(2, Activation.ELU, Init = Init.HeUniform, BiasInit = Init.Constant, BiasInitValue = 0.1, Alpha = 0.8)]
public partial class MeanSquaredError_ELU_He;

[Network(Inputs = 4, Loss = Loss.MeanSquaredError, Precision = Precision.Double)]
[Dense(5, Activation.ELU, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1, Alpha = 0.8)]
[Dense(4, Activation.ELU, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1, Alpha = 0.8)]
[Dense(2, Activation.ELU, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1, Alpha = 0.8)]
public partial class MeanSquaredError_ELU_LeCun;

[Network(Inputs = 4, Loss = Loss.MeanSquaredError, Precision = Precision.Double)]
[Dense(5, Activation.ELU, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1, Alpha = 0.8)]
[Dense(4, Activation.ELU, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1, Alpha = 0.8)]
[Dense(2, Activation.ELU, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1, Alpha = 0.8)]
public partial class MeanSquaredError_ELU_Legacy;

[Network(Inputs = 4, Loss = Loss.MeanSquaredError, Precision = Precision.Double)]
[Dense(5, Activation.ELU, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1, Alpha = 0.8)]
[Dense(4, Activation.ELU, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1, Alpha = 0.8)]
[Dense(2, Activation.ELU, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1, Alpha = 0.8)]
public partial class MeanSquaredError_ELU_StandardNormal;

[Network(Inputs = 4, Loss = Loss.MeanSquaredError, Precision = Precision.Double)]
[Dense(5, Activation.SELU, Init = Init.GlorotUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.SELU, Init = Init.GlorotNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(2, Activation.SELU, Init = Init.GlorotUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class MeanSquaredError_SELU_Glorot;

[Network(Inputs = 4, Loss = Loss.MeanSquaredError, Precision = Precision.Double)]
[Dense(5, Activation.SELU, Init = Init.HeUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.SELU, Init = Init.HeNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(2, Activation.SELU, Init = Init.HeUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class MeanSquaredError_SELU_He;

[Network(Inputs = 4, Loss = Loss.MeanSquaredError, Precision = Precision.Double)]
[Dense(5, Activation.SELU, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.SELU, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(2, Activation.SELU, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class MeanSquaredError_SELU_LeCun;

[Network(Inputs = 4, Loss = Loss.MeanSquaredError, Precision = Precision.Double)]
[Dense(5, Activation.SELU, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.SELU, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(2, Activation.SELU, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class MeanSquaredError_SELU_Legacy;

[Network(Inputs = 4, Loss = Loss.MeanSquaredError, Precision = Precision.Double)]
[Dense(5, Activation.SELU, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.SELU, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(2, Activation.SELU, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class MeanSquaredError_SELU_StandardNormal;

[Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.Identity, Init = Init.GlorotUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.Identity, Init = Init.GlorotNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(3, Activation.Identity, Init = Init.GlorotUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SoftmaxCrossEntropy_Identity_Glorot;

[Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.Identity, Init = Init.HeUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.Identity, Init = Init.HeNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(3, Activation.Identity, Init = Init.HeUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SoftmaxCrossEntropy_Identity_He;

[Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.Identity, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.Identity, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(3, Activation.Identity, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SoftmaxCrossEntropy_Identity_LeCun;

[Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.Identity, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.Identity, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(3, Activation.Identity, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SoftmaxCrossEntropy_Identity_Legacy;

[Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.Identity, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.Identity, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(3, Activation.Identity, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SoftmaxCrossEntropy_Identity_StandardNormal;

[Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.Sigmoid, Init = Init.GlorotUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.Sigmoid, Init = Init.GlorotNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(3, Activation.Identity, Init = Init.GlorotUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SoftmaxCrossEntropy_Sigmoid_Glorot;

[Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.Sigmoid, Init = Init.HeUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.Sigmoid, Init = Init.HeNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(3, Activation.Identity, Init = Init.HeUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SoftmaxCrossEntropy_Sigmoid_He;

[Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.Sigmoid, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.Sigmoid, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(3, Activation.Identity, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SoftmaxCrossEntropy_Sigmoid_LeCun;

[Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.Sigmoid, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.Sigmoid, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(3, Activation.Identity, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SoftmaxCrossEntropy_Sigmoid_Legacy;

[Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.Sigmoid, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.Sigmoid, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(3, Activation.Identity, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SoftmaxCrossEntropy_Sigmoid_StandardNormal;

[Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.Tanh, Init = Init.GlorotUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.Tanh, Init = Init.GlorotNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(3, Activation.Identity, Init = Init.GlorotUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SoftmaxCrossEntropy_Tanh_Glorot;

[Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.Tanh, Init = Init.HeUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.Tanh, Init = Init.HeNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(3, Activation.Identity, Init = Init.HeUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SoftmaxCrossEntropy_Tanh_He;

[Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.Tanh, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.Tanh, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(3, Activation.Identity, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SoftmaxCrossEntropy_Tanh_LeCun;

[Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.Tanh, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.Tanh, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(3, Activation.Identity, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SoftmaxCrossEntropy_Tanh_Legacy;

[Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.Tanh, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.Tanh, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(3, Activation.Identity, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SoftmaxCrossEntropy_Tanh_StandardNormal;

[Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.ReLU, Init = Init.GlorotUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.ReLU, Init = Init.GlorotNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(3, Activation.Identity, Init = Init.GlorotUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SoftmaxCrossEntropy_ReLU_Glorot;

[Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.ReLU, Init = Init.HeUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.ReLU, Init = Init.HeNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(3, Activation.Identity, Init = Init.HeUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SoftmaxCrossEntropy_ReLU_He;

[Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.ReLU, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.ReLU, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(3, Activation.Identity, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SoftmaxCrossEntropy_ReLU_LeCun;

[Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.ReLU, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.ReLU, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(3, Activation.Identity, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SoftmaxCrossEntropy_ReLU_Legacy;

[Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.ReLU, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.ReLU, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(3, Activation.Identity, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SoftmaxCrossEntropy_ReLU_StandardNormal;

[Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.LeakyReLU, Init = Init.GlorotUniform, BiasInit = Init.Constant, BiasInitValue = 0.1, NegativeSlope = 0.2)]
[Dense(4, Activation.LeakyReLU, Init = Init.GlorotNormal, BiasInit = Init.Constant, BiasInitValue = 0.1, NegativeSlope = 0.2)]
[Dense(3, Activation.Identity, Init = Init.GlorotUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SoftmaxCrossEntropy_LeakyReLU_Glorot;

[Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.LeakyReLU, Init = Init.HeUniform, BiasInit = Init.Constant, BiasInitValue = 0.1, NegativeSlope = 0.2)]
[Dense(4, Activation.LeakyReLU, Init = Init.HeNormal, BiasInit = Init.Constant, BiasInitValue = 0.1, NegativeSlope = 0.2)]
[Dense(3, Activation.Identity, Init = Init.HeUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SoftmaxCrossEntropy_LeakyReLU_He;

[Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.LeakyReLU, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1, NegativeSlope = 0.2)]
[Dense(4, Activation.LeakyReLU, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1, NegativeSlope = 0.2)]
[Dense(3, Activation.Identity, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SoftmaxCrossEntropy_LeakyReLU_LeCun;

[Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.LeakyReLU, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1, NegativeSlope = 0.2)]
[Dense(4, Activation.LeakyReLU, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1, NegativeSlope = 0.2)]
[Dense(3, Activation.Identity, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SoftmaxCrossEntropy_LeakyReLU_Legacy;

[Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.LeakyReLU, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1, NegativeSlope = 0.2)]
[Dense(4, Activation.LeakyReLU, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1, NegativeSlope = 0.2)]
[Dense(3, Activation.Identity, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SoftmaxCrossEntropy_LeakyReLU_StandardNormal;

[Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.ELU, Init = Init.GlorotUniform, BiasInit = Init.Constant, BiasInitValue = 0.1, Alpha = 0.8)]
[Dense(4, Activation.ELU, Init = Init.GlorotNormal, BiasInit = Init.Constant, BiasInitValue = 0.1, Alpha = 0.8)]
[Dense(3, Activation.Identity, Init = Init.GlorotUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SoftmaxCrossEntropy_ELU_Glorot;

[Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.ELU, Init = Init.HeUniform, BiasInit = Init.Constant, BiasInitValue = 0.1, Alpha = 0.8)]
[Dense(4, Activation.ELU, Init = Init.HeNormal, BiasInit = Init.Constant, BiasInitValue = 0.1, Alpha = 0.8)]
[Dense(3, Activation.Identity, Init = Init.HeUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SoftmaxCrossEntropy_ELU_He;

[Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.ELU, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1, Alpha = 0.8)]
[Dense(4, Activation.ELU, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1, Alpha = 0.8)]
[Dense(3, Activation.Identity, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SoftmaxCrossEntropy_ELU_LeCun;

[Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.ELU, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1, Alpha = 0.8)]
[Dense(4, Activation.ELU, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1, Alpha = 0.8)]
[Dense(3, Activation.Identity, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SoftmaxCrossEntropy_ELU_Legacy;

[Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.ELU, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1, Alpha = 0.8)]
[Dense(4, Activation.ELU, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1, Alpha = 0.8)]
[Dense(3, Activation.Identity, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SoftmaxCrossEntropy_ELU_StandardNormal;

[Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.SELU, Init = Init.GlorotUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.SELU, Init = Init.GlorotNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(3, Activation.Identity, Init = Init.GlorotUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SoftmaxCrossEntropy_SELU_Glorot;

[Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.SELU, Init = Init.HeUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.SELU, Init = Init.HeNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(3, Activation.Identity, Init = Init.HeUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SoftmaxCrossEntropy_SELU_He;

[Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.SELU, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.SELU, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(3, Activation.Identity, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SoftmaxCrossEntropy_SELU_LeCun;

[Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.SELU, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.SELU, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(3, Activation.Identity, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SoftmaxCrossEntropy_SELU_Legacy;

[Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.SELU, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.SELU, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(3, Activation.Identity, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SoftmaxCrossEntropy_SELU_StandardNormal;

[Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.Identity, Init = Init.GlorotUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.Identity, Init = Init.GlorotNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(3, Activation.Softmax, Init = Init.GlorotUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SoftmaxOutput_Identity_Glorot;

[Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.Identity, Init = Init.HeUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.Identity, Init = Init.HeNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(3, Activation.Softmax, Init = Init.HeUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SoftmaxOutput_Identity_He;

[Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.Identity, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.Identity, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(3, Activation.Softmax, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SoftmaxOutput_Identity_LeCun;

[Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.Identity, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.Identity, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(3, Activation.Softmax, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SoftmaxOutput_Identity_Legacy;

[Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.Identity, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.Identity, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(3, Activation.Softmax, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SoftmaxOutput_Identity_StandardNormal;

[Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.Sigmoid, Init = Init.GlorotUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.Sigmoid, Init = Init.GlorotNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(3, Activation.Softmax, Init = Init.GlorotUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SoftmaxOutput_Sigmoid_Glorot;

[Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.Sigmoid, Init = Init.HeUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.Sigmoid, Init = Init.HeNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(3, Activation.Softmax, Init = Init.HeUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SoftmaxOutput_Sigmoid_He;

[Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.Sigmoid, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.Sigmoid, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(3, Activation.Softmax, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SoftmaxOutput_Sigmoid_LeCun;

[Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.Sigmoid, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.Sigmoid, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(3, Activation.Softmax, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SoftmaxOutput_Sigmoid_Legacy;

[Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.Sigmoid, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.Sigmoid, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(3, Activation.Softmax, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SoftmaxOutput_Sigmoid_StandardNormal;

[Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.Tanh, Init = Init.GlorotUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.Tanh, Init = Init.GlorotNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(3, Activation.Softmax, Init = Init.GlorotUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SoftmaxOutput_Tanh_Glorot;

[Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.Tanh, Init = Init.HeUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.Tanh, Init = Init.HeNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(3, Activation.Softmax, Init = Init.HeUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SoftmaxOutput_Tanh_He;

[Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.Tanh, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.Tanh, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(3, Activation.Softmax, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SoftmaxOutput_Tanh_LeCun;

[Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.Tanh, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.Tanh, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(3, Activation.Softmax, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SoftmaxOutput_Tanh_Legacy;

[Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.Tanh, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.Tanh, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(3, Activation.Softmax, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SoftmaxOutput_Tanh_StandardNormal;

[Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.ReLU, Init = Init.GlorotUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.ReLU, Init = Init.GlorotNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(3, Activation.Softmax, Init = Init.GlorotUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SoftmaxOutput_ReLU_Glorot;

[Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.ReLU, Init = Init.HeUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.ReLU, Init = Init.HeNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(3, Activation.Softmax, Init = Init.HeUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SoftmaxOutput_ReLU_He;

[Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.ReLU, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.ReLU, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(3, Activation.Softmax, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SoftmaxOutput_ReLU_LeCun;

[Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.ReLU, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.ReLU, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(3, Activation.Softmax, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SoftmaxOutput_ReLU_Legacy;

[Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.ReLU, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.ReLU, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(3, Activation.Softmax, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SoftmaxOutput_ReLU_StandardNormal;

[Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.LeakyReLU, Init = Init.GlorotUniform, BiasInit = Init.Constant, BiasInitValue = 0.1, NegativeSlope = 0.2)]
[Dense(4, Activation.LeakyReLU, Init = Init.GlorotNormal, BiasInit = Init.Constant, BiasInitValue = 0.1, NegativeSlope = 0.2)]
[Dense(3, Activation.Softmax, Init = Init.GlorotUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SoftmaxOutput_LeakyReLU_Glorot;

[Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.LeakyReLU, Init = Init.HeUniform, BiasInit = Init.Constant, BiasInitValue = 0.1, NegativeSlope = 0.2)]
[Dense(4, Activation.LeakyReLU, Init = Init.HeNormal, BiasInit = Init.Constant, BiasInitValue = 0.1, NegativeSlope = 0.2)]
[Dense(3, Activation.Softmax, Init = Init.HeUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SoftmaxOutput_LeakyReLU_He;

[Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.LeakyReLU, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1, NegativeSlope = 0.2)]
[Dense(4, Activation.LeakyReLU, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1, NegativeSlope = 0.2)]
[Dense(3, Activation.Softmax, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SoftmaxOutput_LeakyReLU_LeCun;

[Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.LeakyReLU, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1, NegativeSlope = 0.2)]
[Dense(4, Activation.LeakyReLU, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1, NegativeSlope = 0.2)]
[Dense(3, Activation.Softmax, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SoftmaxOutput_LeakyReLU_Legacy;

[Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.LeakyReLU, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1, NegativeSlope = 0.2)]
[Dense(4, Activation.LeakyReLU, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1, NegativeSlope = 0.2)]
[Dense(3, Activation.Softmax, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SoftmaxOutput_LeakyReLU_StandardNormal;

[Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.ELU, Init = Init.GlorotUniform, BiasInit = Init.Constant, BiasInitValue = 0.1, Alpha = 0.8)]
[Dense(4, Activation.ELU, Init = Init.GlorotNormal, BiasInit = Init.Constant, BiasInitValue = 0.1, Alpha = 0.8)]
[Dense(3, Activation.Softmax, Init = Init.GlorotUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SoftmaxOutput_ELU_Glorot;

[Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.ELU, Init = Init.HeUniform, BiasInit = Init.Constant, BiasInitValue = 0.1, Alpha = 0.8)]
[Dense(4, Activation.ELU, Init = Init.HeNormal, BiasInit = Init.Constant, BiasInitValue = 0.1, Alpha = 0.8)]
[Dense(3, Activation.Softmax, Init = Init.HeUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SoftmaxOutput_ELU_He;

[Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.ELU, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1, Alpha = 0.8)]
[Dense(4, Activation.ELU, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1, Alpha = 0.8)]
[Dense(3, Activation.Softmax, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SoftmaxOutput_ELU_LeCun;

[Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.ELU, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1, Alpha = 0.8)]
[Dense(4, Activation.ELU, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1, Alpha = 0.8)]
[Dense(3, Activation.Softmax, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SoftmaxOutput_ELU_Legacy;

[Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.ELU, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1, Alpha = 0.8)]
[Dense(4, Activation.ELU, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1, Alpha = 0.8)]
[Dense(3, Activation.Softmax, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SoftmaxOutput_ELU_StandardNormal;

[Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.SELU, Init = Init.GlorotUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.SELU, Init = Init.GlorotNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(3, Activation.Softmax, Init = Init.GlorotUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SoftmaxOutput_SELU_Glorot;

[Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.SELU, Init = Init.HeUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.SELU, Init = Init.HeNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(3, Activation.Softmax, Init = Init.HeUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SoftmaxOutput_SELU_He;

[Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.SELU, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.SELU, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(3, Activation.Softmax, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SoftmaxOutput_SELU_LeCun;

[Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.SELU, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.SELU, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(3, Activation.Softmax, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SoftmaxOutput_SELU_Legacy;

[Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.SELU, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.SELU, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(3, Activation.Softmax, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SoftmaxOutput_SELU_StandardNormal;

[Network(Inputs = 4, Loss = Loss.SigmoidCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.Identity, Init = Init.GlorotUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.Identity, Init = Init.GlorotNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(2, Activation.Identity, Init = Init.GlorotUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SigmoidCrossEntropy_Identity_Glorot;

[Network(Inputs = 4, Loss = Loss.SigmoidCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.Identity, Init = Init.HeUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.Identity, Init = Init.HeNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(2, Activation.Identity, Init = Init.HeUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SigmoidCrossEntropy_Identity_He;

[Network(Inputs = 4, Loss = Loss.SigmoidCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.Identity, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.Identity, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(2, Activation.Identity, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SigmoidCrossEntropy_Identity_LeCun;

[Network(Inputs = 4, Loss = Loss.SigmoidCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.Identity, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.Identity, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(2, Activation.Identity, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SigmoidCrossEntropy_Identity_Legacy;

[Network(Inputs = 4, Loss = Loss.SigmoidCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.Identity, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.Identity, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(2, Activation.Identity, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SigmoidCrossEntropy_Identity_StandardNormal;

[Network(Inputs = 4, Loss = Loss.SigmoidCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.Sigmoid, Init = Init.GlorotUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.Sigmoid, Init = Init.GlorotNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(2, Activation.Identity, Init = Init.GlorotUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SigmoidCrossEntropy_Sigmoid_Glorot;

[Network(Inputs = 4, Loss = Loss.SigmoidCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.Sigmoid, Init = Init.HeUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.Sigmoid, Init = Init.HeNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(2, Activation.Identity, Init = Init.HeUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SigmoidCrossEntropy_Sigmoid_He;

[Network(Inputs = 4, Loss = Loss.SigmoidCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.Sigmoid, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.Sigmoid, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(2, Activation.Identity, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SigmoidCrossEntropy_Sigmoid_LeCun;

[Network(Inputs = 4, Loss = Loss.SigmoidCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.Sigmoid, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.Sigmoid, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(2, Activation.Identity, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SigmoidCrossEntropy_Sigmoid_Legacy;

[Network(Inputs = 4, Loss = Loss.SigmoidCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.Sigmoid, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.Sigmoid, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(2, Activation.Identity, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SigmoidCrossEntropy_Sigmoid_StandardNormal;

[Network(Inputs = 4, Loss = Loss.SigmoidCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.Tanh, Init = Init.GlorotUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.Tanh, Init = Init.GlorotNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(2, Activation.Identity, Init = Init.GlorotUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SigmoidCrossEntropy_Tanh_Glorot;

[Network(Inputs = 4, Loss = Loss.SigmoidCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.Tanh, Init = Init.HeUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.Tanh, Init = Init.HeNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(2, Activation.Identity, Init = Init.HeUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SigmoidCrossEntropy_Tanh_He;

[Network(Inputs = 4, Loss = Loss.SigmoidCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.Tanh, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.Tanh, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(2, Activation.Identity, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SigmoidCrossEntropy_Tanh_LeCun;

[Network(Inputs = 4, Loss = Loss.SigmoidCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.Tanh, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.Tanh, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(2, Activation.Identity, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SigmoidCrossEntropy_Tanh_Legacy;

[Network(Inputs = 4, Loss = Loss.SigmoidCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.Tanh, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.Tanh, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(2, Activation.Identity, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SigmoidCrossEntropy_Tanh_StandardNormal;

[Network(Inputs = 4, Loss = Loss.SigmoidCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.ReLU, Init = Init.GlorotUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.ReLU, Init = Init.GlorotNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(2, Activation.Identity, Init = Init.GlorotUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SigmoidCrossEntropy_ReLU_Glorot;

[Network(Inputs = 4, Loss = Loss.SigmoidCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.ReLU, Init = Init.HeUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.ReLU, Init = Init.HeNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(2, Activation.Identity, Init = Init.HeUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SigmoidCrossEntropy_ReLU_He;

[Network(Inputs = 4, Loss = Loss.SigmoidCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.ReLU, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.ReLU, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(2, Activation.Identity, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SigmoidCrossEntropy_ReLU_LeCun;

[Network(Inputs = 4, Loss = Loss.SigmoidCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.ReLU, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.ReLU, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(2, Activation.Identity, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SigmoidCrossEntropy_ReLU_Legacy;

[Network(Inputs = 4, Loss = Loss.SigmoidCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.ReLU, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.ReLU, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(2, Activation.Identity, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SigmoidCrossEntropy_ReLU_StandardNormal;

[Network(Inputs = 4, Loss = Loss.SigmoidCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.LeakyReLU, Init = Init.GlorotUniform, BiasInit = Init.Constant, BiasInitValue = 0.1, NegativeSlope = 0.2)]
[Dense(4, Activation.LeakyReLU, Init = Init.GlorotNormal, BiasInit = Init.Constant, BiasInitValue = 0.1, NegativeSlope = 0.2)]
[Dense(2, Activation.Identity, Init = Init.GlorotUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SigmoidCrossEntropy_LeakyReLU_Glorot;

[Network(Inputs = 4, Loss = Loss.SigmoidCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.LeakyReLU, Init = Init.HeUniform, BiasInit = Init.Constant, BiasInitValue = 0.1, NegativeSlope = 0.2)]
[Dense(4, Activation.LeakyReLU, Init = Init.HeNormal, BiasInit = Init.Constant, BiasInitValue = 0.1, NegativeSlope = 0.2)]
[Dense(2, Activation.Identity, Init = Init.HeUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SigmoidCrossEntropy_LeakyReLU_He;

[Network(Inputs = 4, Loss = Loss.SigmoidCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.LeakyReLU, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1, NegativeSlope = 0.2)]
[Dense(4, Activation.LeakyReLU, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1, NegativeSlope = 0.2)]
[Dense(2, Activation.Identity, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SigmoidCrossEntropy_LeakyReLU_LeCun;

[Network(Inputs = 4, Loss = Loss.SigmoidCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.LeakyReLU, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1, NegativeSlope = 0.2)]
[Dense(4, Activation.LeakyReLU, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1, NegativeSlope = 0.2)]
[Dense(2, Activation.Identity, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SigmoidCrossEntropy_LeakyReLU_Legacy;

[Network(Inputs = 4, Loss = Loss.SigmoidCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.LeakyReLU, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1, NegativeSlope = 0.2)]
[Dense(4, Activation.LeakyReLU, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1, NegativeSlope = 0.2)]
[Dense(2, Activation.Identity, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SigmoidCrossEntropy_LeakyReLU_StandardNormal;

[Network(Inputs = 4, Loss = Loss.SigmoidCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.ELU, Init = Init.GlorotUniform, BiasInit = Init.Constant, BiasInitValue = 0.1, Alpha = 0.8)]
[Dense(4, Activation.ELU, Init = Init.GlorotNormal, BiasInit = Init.Constant, BiasInitValue = 0.1, Alpha = 0.8)]
[Dense(2, Activation.Identity, Init = Init.GlorotUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SigmoidCrossEntropy_ELU_Glorot;

[Network(Inputs = 4, Loss = Loss.SigmoidCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.ELU, Init = Init.HeUniform, BiasInit = Init.Constant, BiasInitValue = 0.1, Alpha = 0.8)]
[Dense(4, Activation.ELU, Init = Init.HeNormal, BiasInit = Init.Constant, BiasInitValue = 0.1, Alpha = 0.8)]
[Dense(2, Activation.Identity, Init = Init.HeUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SigmoidCrossEntropy_ELU_He;

[Network(Inputs = 4, Loss = Loss.SigmoidCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.ELU, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1, Alpha = 0.8)]
[Dense(4, Activation.ELU, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1, Alpha = 0.8)]
[Dense(2, Activation.Identity, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SigmoidCrossEntropy_ELU_LeCun;

[Network(Inputs = 4, Loss = Loss.SigmoidCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.ELU, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1, Alpha = 0.8)]
[Dense(4, Activation.ELU, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1, Alpha = 0.8)]
[Dense(2, Activation.Identity, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SigmoidCrossEntropy_ELU_Legacy;

[Network(Inputs = 4, Loss = Loss.SigmoidCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.ELU, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1, Alpha = 0.8)]
[Dense(4, Activation.ELU, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1, Alpha = 0.8)]
[Dense(2, Activation.Identity, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SigmoidCrossEntropy_ELU_StandardNormal;

[Network(Inputs = 4, Loss = Loss.SigmoidCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.SELU, Init = Init.GlorotUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.SELU, Init = Init.GlorotNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(2, Activation.Identity, Init = Init.GlorotUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SigmoidCrossEntropy_SELU_Glorot;

[Network(Inputs = 4, Loss = Loss.SigmoidCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.SELU, Init = Init.HeUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.SELU, Init = Init.HeNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(2, Activation.Identity, Init = Init.HeUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SigmoidCrossEntropy_SELU_He;

[Network(Inputs = 4, Loss = Loss.SigmoidCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.SELU, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.SELU, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(2, Activation.Identity, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SigmoidCrossEntropy_SELU_LeCun;

[Network(Inputs = 4, Loss = Loss.SigmoidCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.SELU, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.SELU, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(2, Activation.Identity, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SigmoidCrossEntropy_SELU_Legacy;

[Network(Inputs = 4, Loss = Loss.SigmoidCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.SELU, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.SELU, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(2, Activation.Identity, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class SigmoidCrossEntropy_SELU_StandardNormal;

[Network(Inputs = 4, Loss = Loss.BinaryCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.Identity, Init = Init.GlorotUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.Identity, Init = Init.GlorotNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(2, Activation.Sigmoid, Init = Init.GlorotUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class BinaryCrossEntropy_Identity_Glorot;

[Network(Inputs = 4, Loss = Loss.BinaryCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.Identity, Init = Init.HeUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.Identity, Init = Init.HeNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(2, Activation.Sigmoid, Init = Init.HeUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class BinaryCrossEntropy_Identity_He;

[Network(Inputs = 4, Loss = Loss.BinaryCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.Identity, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.Identity, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(2, Activation.Sigmoid, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class BinaryCrossEntropy_Identity_LeCun;

[Network(Inputs = 4, Loss = Loss.BinaryCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.Identity, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.Identity, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(2, Activation.Sigmoid, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class BinaryCrossEntropy_Identity_Legacy;

[Network(Inputs = 4, Loss = Loss.BinaryCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.Identity, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.Identity, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(2, Activation.Sigmoid, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class BinaryCrossEntropy_Identity_StandardNormal;

[Network(Inputs = 4, Loss = Loss.BinaryCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.Sigmoid, Init = Init.GlorotUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.Sigmoid, Init = Init.GlorotNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(2, Activation.Sigmoid, Init = Init.GlorotUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class BinaryCrossEntropy_Sigmoid_Glorot;

[Network(Inputs = 4, Loss = Loss.BinaryCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.Sigmoid, Init = Init.HeUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.Sigmoid, Init = Init.HeNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(2, Activation.Sigmoid, Init = Init.HeUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class BinaryCrossEntropy_Sigmoid_He;

[Network(Inputs = 4, Loss = Loss.BinaryCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.Sigmoid, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.Sigmoid, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(2, Activation.Sigmoid, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class BinaryCrossEntropy_Sigmoid_LeCun;

[Network(Inputs = 4, Loss = Loss.BinaryCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.Sigmoid, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.Sigmoid, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(2, Activation.Sigmoid, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class BinaryCrossEntropy_Sigmoid_Legacy;

[Network(Inputs = 4, Loss = Loss.BinaryCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.Sigmoid, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.Sigmoid, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(2, Activation.Sigmoid, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class BinaryCrossEntropy_Sigmoid_StandardNormal;

[Network(Inputs = 4, Loss = Loss.BinaryCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.Tanh, Init = Init.GlorotUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.Tanh, Init = Init.GlorotNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(2, Activation.Sigmoid, Init = Init.GlorotUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class BinaryCrossEntropy_Tanh_Glorot;

[Network(Inputs = 4, Loss = Loss.BinaryCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.Tanh, Init = Init.HeUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.Tanh, Init = Init.HeNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(2, Activation.Sigmoid, Init = Init.HeUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class BinaryCrossEntropy_Tanh_He;

[Network(Inputs = 4, Loss = Loss.BinaryCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.Tanh, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.Tanh, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(2, Activation.Sigmoid, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class BinaryCrossEntropy_Tanh_LeCun;

[Network(Inputs = 4, Loss = Loss.BinaryCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.Tanh, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.Tanh, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(2, Activation.Sigmoid, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class BinaryCrossEntropy_Tanh_Legacy;

[Network(Inputs = 4, Loss = Loss.BinaryCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.Tanh, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.Tanh, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(2, Activation.Sigmoid, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class BinaryCrossEntropy_Tanh_StandardNormal;

[Network(Inputs = 4, Loss = Loss.BinaryCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.ReLU, Init = Init.GlorotUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.ReLU, Init = Init.GlorotNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(2, Activation.Sigmoid, Init = Init.GlorotUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class BinaryCrossEntropy_ReLU_Glorot;

[Network(Inputs = 4, Loss = Loss.BinaryCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.ReLU, Init = Init.HeUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.ReLU, Init = Init.HeNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(2, Activation.Sigmoid, Init = Init.HeUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class BinaryCrossEntropy_ReLU_He;

[Network(Inputs = 4, Loss = Loss.BinaryCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.ReLU, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.ReLU, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(2, Activation.Sigmoid, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class BinaryCrossEntropy_ReLU_LeCun;

[Network(Inputs = 4, Loss = Loss.BinaryCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.ReLU, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.ReLU, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(2, Activation.Sigmoid, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class BinaryCrossEntropy_ReLU_Legacy;

[Network(Inputs = 4, Loss = Loss.BinaryCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.ReLU, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.ReLU, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(2, Activation.Sigmoid, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class BinaryCrossEntropy_ReLU_StandardNormal;

[Network(Inputs = 4, Loss = Loss.BinaryCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.LeakyReLU, Init = Init.GlorotUniform, BiasInit = Init.Constant, BiasInitValue = 0.1, NegativeSlope = 0.2)]
[Dense(4, Activation.LeakyReLU, Init = Init.GlorotNormal, BiasInit = Init.Constant, BiasInitValue = 0.1, NegativeSlope = 0.2)]
[Dense(2, Activation.Sigmoid, Init = Init.GlorotUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class BinaryCrossEntropy_LeakyReLU_Glorot;

[Network(Inputs = 4, Loss = Loss.BinaryCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.LeakyReLU, Init = Init.HeUniform, BiasInit = Init.Constant, BiasInitValue = 0.1, NegativeSlope = 0.2)]
[Dense(4, Activation.LeakyReLU, Init = Init.HeNormal, BiasInit = Init.Constant, BiasInitValue = 0.1, NegativeSlope = 0.2)]
[Dense(2, Activation.Sigmoid, Init = Init.HeUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class BinaryCrossEntropy_LeakyReLU_He;

[Network(Inputs = 4, Loss = Loss.BinaryCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.LeakyReLU, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1, NegativeSlope = 0.2)]
[Dense(4, Activation.LeakyReLU, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1, NegativeSlope = 0.2)]
[Dense(2, Activation.Sigmoid, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class BinaryCrossEntropy_LeakyReLU_LeCun;

[Network(Inputs = 4, Loss = Loss.BinaryCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.LeakyReLU, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1, NegativeSlope = 0.2)]
[Dense(4, Activation.LeakyReLU, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1, NegativeSlope = 0.2)]
[Dense(2, Activation.Sigmoid, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class BinaryCrossEntropy_LeakyReLU_Legacy;

[Network(Inputs = 4, Loss = Loss.BinaryCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.LeakyReLU, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1, NegativeSlope = 0.2)]
[Dense(4, Activation.LeakyReLU, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1, NegativeSlope = 0.2)]
[Dense(2, Activation.Sigmoid, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class BinaryCrossEntropy_LeakyReLU_StandardNormal;

[Network(Inputs = 4, Loss = Loss.BinaryCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.ELU, Init = Init.GlorotUniform, BiasInit = Init.Constant, BiasInitValue = 0.1, Alpha = 0.8)]
[Dense(4, Activation.ELU, Init = Init.GlorotNormal, BiasInit = Init.Constant, BiasInitValue = 0.1, Alpha = 0.8)]
[Dense(2, Activation.Sigmoid, Init = Init.GlorotUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class BinaryCrossEntropy_ELU_Glorot;

[Network(Inputs = 4, Loss = Loss.BinaryCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.ELU, Init = Init.HeUniform, BiasInit = Init.Constant, BiasInitValue = 0.1, Alpha = 0.8)]
[Dense(4, Activation.ELU, Init = Init.HeNormal, BiasInit = Init.Constant, BiasInitValue = 0.1, Alpha = 0.8)]
[Dense(2, Activation.Sigmoid, Init = Init.HeUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class BinaryCrossEntropy_ELU_He;

[Network(Inputs = 4, Loss = Loss.BinaryCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.ELU, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1, Alpha = 0.8)]
[Dense(4, Activation.ELU, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1, Alpha = 0.8)]
[Dense(2, Activation.Sigmoid, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class BinaryCrossEntropy_ELU_LeCun;

[Network(Inputs = 4, Loss = Loss.BinaryCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.ELU, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1, Alpha = 0.8)]
[Dense(4, Activation.ELU, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1, Alpha = 0.8)]
[Dense(2, Activation.Sigmoid, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class BinaryCrossEntropy_ELU_Legacy;

[Network(Inputs = 4, Loss = Loss.BinaryCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.ELU, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1, Alpha = 0.8)]
[Dense(4, Activation.ELU, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1, Alpha = 0.8)]
[Dense(2, Activation.Sigmoid, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class BinaryCrossEntropy_ELU_StandardNormal;

[Network(Inputs = 4, Loss = Loss.BinaryCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.SELU, Init = Init.GlorotUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.SELU, Init = Init.GlorotNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(2, Activation.Sigmoid, Init = Init.GlorotUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class BinaryCrossEntropy_SELU_Glorot;

[Network(Inputs = 4, Loss = Loss.BinaryCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.SELU, Init = Init.HeUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.SELU, Init = Init.HeNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(2, Activation.Sigmoid, Init = Init.HeUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class BinaryCrossEntropy_SELU_He;

[Network(Inputs = 4, Loss = Loss.BinaryCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.SELU, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.SELU, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(2, Activation.Sigmoid, Init = Init.LeCunNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class BinaryCrossEntropy_SELU_LeCun;

[Network(Inputs = 4, Loss = Loss.BinaryCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.SELU, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.SELU, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(2, Activation.Sigmoid, Init = Init.LegacyUniform, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class BinaryCrossEntropy_SELU_Legacy;

[Network(Inputs = 4, Loss = Loss.BinaryCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.SELU, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(4, Activation.SELU, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[Dense(2, Activation.Sigmoid, Init = Init.StandardNormal, BiasInit = Init.Constant, BiasInitValue = 0.1)]
public partial class BinaryCrossEntropy_SELU_StandardNormal;

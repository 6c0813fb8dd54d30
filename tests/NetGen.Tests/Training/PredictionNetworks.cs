using NetGen;

namespace NetGen.Tests.Training;

/// <summary>A small classifier for prediction at any size.</summary>
[Network(Inputs = 12, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(16, Activation.Tanh)]
[Dense(4)]
public partial class PredictionMlp;

/// <summary>A classifier with batch normalization, whose one-sample prediction needs inference mode.</summary>
[Network(Inputs = 6, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(8)]
[BatchNorm(Activation = Activation.ReLU)]
[Dense(3)]
public partial class PredictionBatchNorm;

/// <summary>A ReLU classifier to put a NaN pixel into.</summary>
[Network(Inputs = 16, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(12, Activation.ReLU, Init = Init.HeNormal)]
[Dense(3)]
public partial class NonFiniteReLU;

/// <summary>The same in float, with tanh.</summary>
[Network(Inputs = 16, Loss = Loss.SoftmaxCrossEntropy)]
[Dense(12, Activation.Tanh)]
[Dense(3)]
public partial class NonFiniteTanh;

/// <summary>A linear regression that a huge learning rate makes overflow from finite data.</summary>
[Network(Inputs = 3, Loss = Loss.MeanSquaredError, Precision = Precision.Double)]
[Dense(1)]
public partial class DivergingLinear;

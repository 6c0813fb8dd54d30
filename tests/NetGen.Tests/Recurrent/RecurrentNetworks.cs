namespace NetGen.Tests.Recurrent;

// Small declared recurrent networks in double precision, for the checks of the generated code; how far back their
// gradient reaches (NG0110) is beside the point.
#pragma warning disable NG0110

[Network(Inputs = 3, Steps = 5, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[LSTM(4)]
[Dense(3)]
public partial class LstmClassifier;

[Network(Inputs = 2, Steps = 4, Precision = Precision.Double)]
[GRU(3, ReturnSequences = true)]
[GRU(4, BiasInit = Init.Uniform, BiasInitMinimum = -0.2, BiasInitMaximum = 0.2)]
[Dense(2)]
public partial class StackedGru;

[Network(Inputs = 2, Steps = 4, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[SimpleRNN(5, Activation.ReLU, ReturnSequences = true, BiasInit = Init.Constant, BiasInitValue = 0.1)]
[LSTM(3, ReturnSequences = true, Defaults = RecurrentDefaults.PyTorch)]
[Dense(3)]
public partial class PerStepTagger;

[Network(Inputs = 3, Steps = 6, Loss = Loss.SigmoidCrossEntropy, Precision = Precision.Double)]
[SimpleRNN(4, UseBias = false, ReturnSequences = true)]
[LSTM(3, ChronoMaxDependency = 6, ReturnSequences = false)]
[Dense(2)]
public partial class ChronoWithoutBiases;

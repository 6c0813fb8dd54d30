namespace NetGen.Tests.Recurrent;

// 64-unit recurrent layers on 32 standardized inputs over 30 steps, a loss on the last step: the cases of the lag
// measurement (LagMeasurementTests), one per cell and initialization the issue names. Most are the designs NG0110 and
// NG0111 warn about, on purpose.
#pragma warning disable NG0110, NG0111

[Network(Inputs = 32, Steps = 30)]
[SimpleRNN(64)]
[Dense(1)]
public partial class LagTanhKeras;

[Network(Inputs = 32, Steps = 30)]
[SimpleRNN(64, Defaults = RecurrentDefaults.PyTorch)]
[Dense(1)]
public partial class LagTanhPyTorch;

[Network(Inputs = 32, Steps = 30)]
[SimpleRNN(64, RecurrentInitGain = 1.5)]
[Dense(1)]
public partial class LagTanhGain15;

[Network(Inputs = 32, Steps = 30)]
[SimpleRNN(64, Activation.ReLU, RecurrentInitGain = 0.8)]
[Dense(1)]
public partial class LagReluOrthogonal08;

[Network(Inputs = 32, Steps = 30)]
[SimpleRNN(64, Activation.ReLU, RecurrentInit = Init.Identity, Init = Init.Normal, InitStandardDeviation = 0.001)]
[Dense(1)]
public partial class LagIrnn;

[Network(Inputs = 32, Steps = 30)]
[LSTM(64, Defaults = RecurrentDefaults.PyTorch)]
[Dense(1)]
public partial class LagLstmForget0;

[Network(Inputs = 32, Steps = 30)]
[LSTM(64)]
[Dense(1)]
public partial class LagLstmForget1;

[Network(Inputs = 32, Steps = 30)]
[LSTM(64, ChronoMaxDependency = 30)]
[Dense(1)]
public partial class LagLstmChrono;

[Network(Inputs = 32, Steps = 30)]
[GRU(64)]
[Dense(1)]
public partial class LagGruKeras;

[Network(Inputs = 32, Steps = 30)]
[GRU(64, Defaults = RecurrentDefaults.PyTorch)]
[Dense(1)]
public partial class LagGruPyTorch;

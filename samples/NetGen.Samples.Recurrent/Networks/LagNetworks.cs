using NetGen;

namespace RecurrentSample;

// Two more LSTMs on the adding problem's sequences, for the lag experiment only (not trained): PyTorch's defaults, whose
// forget gate starts near σ(0) = 0.5, and chrono initialization for 100-step dependencies.
#pragma warning disable NG0110 // PyTorch's defaults: the short horizon is what the plot shows

/// <summary>The adding problem's LSTM(32) with PyTorch's initialization (every parameter U(±1/√32), no forget bias).</summary>
[Network(Inputs = 2, Steps = 100, InputMeanSquare = 0.18)]
[LSTM(32, Defaults = RecurrentDefaults.PyTorch)]
[Dense(1)]
public partial class AddingLstmPyTorch;

/// <summary>The adding problem's LSTM(32) with chrono initialization for dependencies of up to 100 steps.</summary>
[Network(Inputs = 2, Steps = 100, InputMeanSquare = 0.18)]
[LSTM(32, ChronoMaxDependency = 100)]
[Dense(1)]
public partial class AddingLstmChrono;

using NetGen;

namespace RecurrentSample;

// The tanh SimpleRNNs and the LSTMs below are what NG0110 warns about (a short memory horizon for the sequence): the
// experiment shows what that warning means, so it is silenced here on purpose.
#pragma warning disable NG0110

// The adding problem at T = 100: two input channels per step (a value drawn from U(0, 1), a marker that is 1 at two steps),
// one output at the last step, the sum of the two marked values, trained on the squared error. Per input E[x²] =
// (1/3 + 2/T) / 2 ≈ 0.18, which the gradient analysis is told.

/// <summary>A tanh recurrent layer of 100 units (Keras's defaults: Glorot inputs, orthogonal recurrence), then the sum.</summary>
[Network(Inputs = 2, Steps = 100, InputMeanSquare = 0.18)]
[SimpleRNN(100)]
[Dense(1)]
public partial class AddingTanhRnn;

/// <summary>Le, Jaitly &amp; Hinton's IRNN (2015): a ReLU recurrent layer of 100 units whose recurrence starts as the identity.</summary>
[Network(Inputs = 2, Steps = 100, InputMeanSquare = 0.18)]
[SimpleRNN(100, Activation.ReLU, RecurrentInit = Init.Identity)]
[Dense(1)]
public partial class AddingIrnn;

/// <summary>
/// An LSTM of 32 units with forget bias 1 (Gers et al. 2000; Keras's <c>unit_forget_bias</c>): a quarter of the others' width,
/// about a sixth of an LSTM(100)'s time per step, so that the default run stays within minutes.
/// </summary>
[Network(Inputs = 2, Steps = 100, InputMeanSquare = 0.18)]
[LSTM(32, ForgetBias = 1)]
[Dense(1)]
public partial class AddingLstm;

// The same three at T = 200 (--adding-length 200).

/// <summary>The tanh recurrent layer of <see cref="AddingTanhRnn"/> over 200 steps.</summary>
[Network(Inputs = 2, Steps = 200, InputMeanSquare = 0.17)]
[SimpleRNN(100)]
[Dense(1)]
public partial class AddingTanhRnn200;

/// <summary>The IRNN of <see cref="AddingIrnn"/> over 200 steps.</summary>
[Network(Inputs = 2, Steps = 200, InputMeanSquare = 0.17)]
[SimpleRNN(100, Activation.ReLU, RecurrentInit = Init.Identity)]
[Dense(1)]
public partial class AddingIrnn200;

/// <summary>The LSTM of <see cref="AddingLstm"/> over 200 steps.</summary>
[Network(Inputs = 2, Steps = 200, InputMeanSquare = 0.17)]
[LSTM(32, ForgetBias = 1)]
[Dense(1)]
public partial class AddingLstm200;

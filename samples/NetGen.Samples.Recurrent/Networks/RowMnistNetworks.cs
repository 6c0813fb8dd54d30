using NetGen;

namespace RecurrentSample;

// Row-by-row MNIST: each image is read as 28 steps of one 28-pixel row; the class comes from the last step.
// Pixels scaled to [0, 1] have E[x²] ≈ 0.1, which the gradient analysis is told.

/// <summary>An LSTM of 128 units over the 28 rows (Keras's defaults: forget bias 1, orthogonal recurrence), then 10 logits.</summary>
[Network(Inputs = 28, Steps = 28, Loss = Loss.SoftmaxCrossEntropy, InputMeanSquare = 0.1)]
[LSTM(128)]
[Dense(10)]
public partial class RowMnistLstm;

/// <summary>A GRU of 128 units over the 28 rows (PyTorch's variant, Keras's <c>reset_after = true</c>), then 10 logits.</summary>
[Network(Inputs = 28, Steps = 28, Loss = Loss.SoftmaxCrossEntropy, InputMeanSquare = 0.1)]
[GRU(128)]
[Dense(10)]
public partial class RowMnistGru;

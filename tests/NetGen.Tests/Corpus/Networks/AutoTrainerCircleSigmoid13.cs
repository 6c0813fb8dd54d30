// Model model_dd8c879b of AutoTrainer's model set, as DeepDiagnosis' artifact gives it (AUTOTRAINER Model
// Code/Models_Circle.py): 13 sigmoid layers of 5 units, He uniform; inputs: make_circles scaled to [-1, 1]; E[x²] ≈
// 0.25 (radii 1 and 0.8, noise 0.1, estimated here). One sigmoid output with binary cross-entropy. Keras's
// VarianceScaling(2, fan_in, uniform) is HeUniform, RandomUniform() is U(-0.05, 0.05).
namespace NetGen.Tests.Corpus.Networks;

[Network(Inputs = 2, InputMeanSquare = 0.25, Loss = Loss.BinaryCrossEntropy, Precision = Precision.Double)]
[Dense(5, Activation.Sigmoid, Init = Init.HeUniform, Repeat = 13)]
[Dense(1, Activation.Sigmoid, Init = Init.HeUniform)]
public partial class AutoTrainerCircleSigmoid13;

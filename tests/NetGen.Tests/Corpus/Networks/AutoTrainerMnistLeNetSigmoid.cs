// Model model_2af630c4 of AutoTrainer's model set, as DeepDiagnosis' artifact gives it (AUTOTRAINER Model
// Code/Models_MNIST.py): a LeNet with sigmoid everywhere and Keras's VarianceScaling(2, fan_in, normal) (a truncated
// normal of variance 2/fan_in). Its two 5x5 convolutions are declared as dense layers with fan-in C·k·k: 25 inputs (a
// 5x5 patch of MNIST pixels, E[x²] about 0.1), 150 units (6 channels · 25, the second convolution's fan-in), 400 units
// (16 · 25, the flattened 5x5x16 map); max pooling is not modelled. Then 120, eight layers of 84, and 10 softmax
// outputs.
namespace NetGen.Tests.Corpus.Networks;

[Network(Inputs = 25, InputMeanSquare = 0.1, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(150, Activation.Sigmoid, Init = Init.VarianceScaling, InitScale = 2)]
[Dense(400, Activation.Sigmoid, Init = Init.VarianceScaling, InitScale = 2)]
[Dense(120, Activation.Sigmoid, Init = Init.VarianceScaling, InitScale = 2)]
[Dense(84, Activation.Sigmoid, Init = Init.VarianceScaling, InitScale = 2, Repeat = 8)]
[Dense(10, Init = Init.VarianceScaling, InitScale = 2)]
public partial class AutoTrainerMnistLeNetSigmoid;

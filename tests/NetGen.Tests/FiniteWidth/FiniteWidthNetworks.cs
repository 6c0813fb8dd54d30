// Narrow He-initialized ReLU stacks whose finite-width statistics (dead units, born-dead networks, the spread of the
// gradient ratio) are measured over many constructions and compared with NetGen's finite-width prediction.
namespace NetGen.Tests.FiniteWidth;

[Network(Inputs = 20, Loss = Loss.MeanSquaredError, Precision = Precision.Double)]
[Dense(3, Activation.ReLU, Init = Init.HeNormal, Repeat = 5)]
[Dense(10)]
public partial class ReLU3x5;

[Network(Inputs = 20, Loss = Loss.MeanSquaredError, Precision = Precision.Double)]
[Dense(3, Activation.ReLU, Init = Init.HeNormal, Repeat = 10)]
[Dense(10)]
public partial class ReLU3x10;

[Network(Inputs = 20, Loss = Loss.MeanSquaredError, Precision = Precision.Double)]
[Dense(3, Activation.ReLU, Init = Init.HeNormal, Repeat = 20)]
[Dense(10)]
public partial class ReLU3x20;

[Network(Inputs = 20, Loss = Loss.MeanSquaredError, Precision = Precision.Double)]
[Dense(5, Activation.ReLU, Init = Init.HeNormal, Repeat = 5)]
[Dense(10)]
public partial class ReLU5x5;

[Network(Inputs = 20, Loss = Loss.MeanSquaredError, Precision = Precision.Double)]
[Dense(5, Activation.ReLU, Init = Init.HeNormal, Repeat = 10)]
[Dense(10)]
public partial class ReLU5x10;

[Network(Inputs = 20, Loss = Loss.MeanSquaredError, Precision = Precision.Double)]
[Dense(5, Activation.ReLU, Init = Init.HeNormal, Repeat = 20)]
[Dense(10)]
public partial class ReLU5x20;

[Network(Inputs = 20, Loss = Loss.MeanSquaredError, Precision = Precision.Double)]
[Dense(10, Activation.ReLU, Init = Init.HeNormal, Repeat = 5)]
[Dense(10)]
public partial class ReLU10x5;

[Network(Inputs = 20, Loss = Loss.MeanSquaredError, Precision = Precision.Double)]
[Dense(10, Activation.ReLU, Init = Init.HeNormal, Repeat = 10)]
[Dense(10)]
public partial class ReLU10x10;

[Network(Inputs = 20, Loss = Loss.MeanSquaredError, Precision = Precision.Double)]
[Dense(10, Activation.ReLU, Init = Init.HeNormal, Repeat = 20)]
[Dense(10)]
public partial class ReLU10x20;

[Network(Inputs = 20, Loss = Loss.MeanSquaredError, Precision = Precision.Double)]
[Dense(32, Activation.ReLU, Init = Init.HeNormal, Repeat = 5)]
[Dense(10)]
public partial class ReLU32x5;

[Network(Inputs = 20, Loss = Loss.MeanSquaredError, Precision = Precision.Double)]
[Dense(32, Activation.ReLU, Init = Init.HeNormal, Repeat = 10)]
[Dense(10)]
public partial class ReLU32x10;

[Network(Inputs = 20, Loss = Loss.MeanSquaredError, Precision = Precision.Double)]
[Dense(32, Activation.ReLU, Init = Init.HeNormal, Repeat = 20)]
[Dense(10)]
public partial class ReLU32x20;

namespace NetGen.Tests.VanishingGradients;

#pragma warning disable NG0101, NG0103 // the vanishing gradient of Xavier-initialized ReLU stacks is what the ladder's tests measure

/// <summary>
/// He et al. 2015's case, wide enough for mean field: 12 ReLU layers with Var(W) = 1/fan_in (their "Xavier"), which
/// halves the gradient's variance per layer going back and the signal's going forward.
/// </summary>
[Network(Inputs = 256, Loss = Loss.SoftmaxCrossEntropy, Precision = Precision.Double)]
[Dense(256, Activation.ReLU, Init = Init.LeCunNormal, Repeat = 12)]
[Dense(10)]
public partial class XavierReLU;

#pragma warning restore NG0101, NG0103

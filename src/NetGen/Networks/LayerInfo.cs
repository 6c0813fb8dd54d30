using System.Collections.Generic;

namespace NetGen;

/// <summary>One layer of a generated network: what it computes, its shape, and where its parameters are in <see cref="INetwork{T}.Parameters"/>.</summary>
/// <param name="Name">The layer's name in the generated code, such as <c>Layer1</c>.</param>
/// <param name="Kind">What the layer computes.</param>
/// <param name="Inputs">The number of inputs of one sample (the previous layer's outputs; for a sequence, steps × features).</param>
/// <param name="Outputs">The number of outputs of one sample (for a sequence, steps × features).</param>
/// <param name="Activation">The activation applied to the layer's pre-activation.</param>
/// <param name="WeightOffset">Where the layer's weights start: a dense layer's [<paramref name="Outputs"/>, <paramref name="Inputs"/>] row-major matrix, a normalization's scales γ, a residual block's skip projection.</param>
/// <param name="WeightCount">The number of weights (0 for a residual block with an identity skip).</param>
/// <param name="BiasOffset">Where the layer's biases start: a dense layer's biases, a normalization's shifts β.</param>
/// <param name="BiasCount">The number of biases (0 for a residual block).</param>
/// <param name="PredictedGradient">
/// NetGen's compile-time prediction, at initialization, of the root mean square of ∂loss/∂z (the layer's pre-activation
/// gradient, per unit and sample) relative to the output layer's; NaN when not predicted. A gradient monitor measures the same.
/// This is the mean-field value: the mean over initializations, which a network of wide layers is close to.
/// </param>
/// <param name="TypicalGradient">
/// What a typical network gives for the same quantity: the geometric mean over initializations and the inputs the layer
/// gets a gradient for (the median of its log-normal spread). Below <paramref name="PredictedGradient"/> for narrow
/// ReLU-family and linear stacks, whose gradient varies from one initialization to the next by a factor that grows
/// exponentially with Σ 1/width (Hanin 2018); NaN when not predicted, else equal to <paramref name="PredictedGradient"/>
/// where the finite-width model does not apply. See docs/gradient-analysis.md.
/// </param>
/// <param name="MemoryHorizon">
/// A recurrent layer's predicted e-fold memory horizon at initialization, in steps: over how many steps back the gradient
/// with respect to its hidden state falls by a factor e (infinity when it does not fall); NaN for the other layers and
/// where not predicted. See docs/recurrent.md.
/// </param>
/// <param name="FirstStepGradient">
/// A recurrent layer's predicted ∂loss/∂h at its first step relative to its last (root mean squares per unit), for a loss
/// on the last step, at initialization: how much of the gradient reaches the start of the sequence; NaN otherwise. The
/// gradient monitor measures the same (<c>RecurrentLagMeasurement</c>).
/// </param>
/// <param name="PredictedLagGradients">
/// A recurrent layer's predicted ∂loss/∂h at lag k = 0, 1, ... before its last step, relative to the last step's (root
/// mean squares per unit, for a loss on the last step, at initialization; at most the first 1,000 lags); null for the
/// other layers. The gradient monitor measures the same (<see cref="LayerGradientStatistics.LagGradients"/>).
/// </param>
/// <param name="InputSteps">The steps of the layer's input when it is a sequence (<paramref name="Inputs"/> = steps × features), 0 for a vector.</param>
/// <param name="InputChannels">The channels of the layer's input when it is an image (<paramref name="Inputs"/> = channels × height × width), 0 otherwise.</param>
/// <param name="OutputChannels">The channels of the layer's output when it is an image, 0 otherwise.</param>
public sealed record LayerInfo(
    string Name, LayerKind Kind, int Inputs, int Outputs, Activation Activation, int WeightOffset, int WeightCount, int BiasOffset, int BiasCount,
    double PredictedGradient = double.NaN, double TypicalGradient = double.NaN, double MemoryHorizon = double.NaN, double FirstStepGradient = double.NaN,
    IReadOnlyList<double>? PredictedLagGradients = null, int InputSteps = 0, int InputChannels = 0, int OutputChannels = 0)
{
    /// <summary>The number of parameters, weights and biases.</summary>
    public int ParameterCount => WeightCount + BiasCount;
}

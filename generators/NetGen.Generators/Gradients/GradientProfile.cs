using System.Collections.Generic;
using System.Linq;

namespace NetGen.Generators.Gradients;

/// <summary>What the mean-field model predicts for one layer at initialization.</summary>
/// <param name="Number">The layer's number.</param>
/// <param name="PreActivationVariance">The variance q of the layer's pre-activations.</param>
/// <param name="DerivativeMeanSquare">E[f'(z)²] at that variance: the activation's share of the backward gain.</param>
/// <param name="RelativeGradientNorm">
/// The root mean square of ∂loss/∂z per unit and sample, relative to the output layer's (1 for the output layer).
/// </param>
/// <param name="TypicalGradientNorm">
/// What a typical network and input give for the same (<see cref="FiniteWidthPrediction.TypicalRatios"/>): below
/// <paramref name="RelativeGradientNorm"/> for narrow ReLU-family and linear stacks, equal to it where the finite-width
/// model does not apply.
/// </param>
/// <param name="Horizon">A recurrent layer's prediction over time (null for the other layers, and where the model does not apply).</param>
internal sealed record LayerPrediction(
    int Number, double PreActivationVariance, double DerivativeMeanSquare, double RelativeGradientNorm, double TypicalGradientNorm,
    Recurrent.RecurrentHorizonPrediction? Horizon = null);

/// <summary>The per-layer prediction of a network at initialization.</summary>
/// <param name="Layers">One prediction per layer, in order.</param>
/// <param name="FiniteWidth">The finite-width statistics, for the networks they apply to.</param>
internal sealed record GradientProfile(IReadOnlyList<LayerPrediction> Layers, FiniteWidthPrediction? FiniteWidth)
{
    /// <summary>Whether a typical network's gradient differs from the mean-field one by 10 % or more at some layer: the summary then shows both.</summary>
    public bool ShowsTypicalGradient => Layers.Any(l => l.TypicalGradientNorm < 0.9 * l.RelativeGradientNorm);

    /// <summary>Whether a layer has a prediction over time: the summary then shows the memory horizon.</summary>
    public bool ShowsHorizon => Layers.Any(l => l.Horizon is not null);
}

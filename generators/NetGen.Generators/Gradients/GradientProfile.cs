using System.Collections.Generic;

namespace NetGen.Generators.Gradients;

/// <summary>What the mean-field model predicts for one layer at initialization.</summary>
/// <param name="Number">The layer's number.</param>
/// <param name="PreActivationVariance">The variance q of the layer's pre-activations.</param>
/// <param name="DerivativeMeanSquare">E[f'(z)²] at that variance: the activation's share of the backward gain.</param>
/// <param name="RelativeGradientNorm">
/// The root mean square of ∂loss/∂z per unit and sample, relative to the output layer's (1 for the output layer).
/// </param>
internal sealed record LayerPrediction(int Number, double PreActivationVariance, double DerivativeMeanSquare, double RelativeGradientNorm);

/// <summary>The per-layer prediction of a network at initialization.</summary>
/// <param name="Layers">One prediction per layer, in order.</param>
internal sealed record GradientProfile(IReadOnlyList<LayerPrediction> Layers);

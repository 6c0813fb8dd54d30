namespace NetGen;

/// <summary>The speed of learning of one hidden layer, as measured by <see cref="SpeedOfLearning.Measure"/>.</summary>
/// <param name="LayerIndex">The layer's index in <see cref="INetwork{T}.Layers"/>.</param>
/// <param name="LayerName">The layer's name, such as <c>Layer1</c>.</param>
/// <param name="BiasGradientNorm">
/// The L2 norm of the layer's bias gradient vector ∂C/∂b, where C is the mean loss over the measured samples (so ∂C/∂b is the
/// per-sample bias gradient averaged over the samples).
/// </param>
public readonly record struct LayerLearningSpeed(int LayerIndex, string LayerName, double BiasGradientNorm);

namespace NetGen;

/// <summary>How an autoencoder of <see cref="LayerwisePretraining"/> decodes its hidden code and scores the reconstruction.</summary>
public enum ReconstructionLoss
{
    /// <summary>
    /// <see cref="SigmoidCrossEntropy"/> when every input of the layer lies in [0, 1] (pixels scaled to [0, 1], the outputs
    /// of a sigmoid layer), else <see cref="LinearSquaredError"/>; chosen layer by layer.
    /// </summary>
    Automatic = 0,

    /// <summary>
    /// A sigmoid decoder <c>x̂ = σ(W′h + c)</c> scored by the cross-entropy <c>−Σᵢ xᵢ log x̂ᵢ + (1 − xᵢ) log(1 − x̂ᵢ)</c>, which
    /// treats each input as the probability of a bit (Bengio et al. 2007, Vincent et al. 2008). Inputs must lie in [0, 1].
    /// </summary>
    SigmoidCrossEntropy = 1,

    /// <summary>A linear decoder <c>x̂ = W′h + c</c> scored by half the squared error <c>½ Σᵢ (x̂ᵢ − xᵢ)²</c>, for inputs of any range.</summary>
    LinearSquaredError = 2,
}

namespace NetGen;

/// <summary>Where pretraining is, reported by <see cref="LayerwisePretraining.Pretrain"/> after each epoch of each layer.</summary>
/// <param name="HiddenLayer">The hidden layer being trained, from 1 (nearest the input).</param>
/// <param name="HiddenLayers">The number of hidden layers pretrained.</param>
/// <param name="LayerIndex">The layer's index in <see cref="INetwork{T}.Layers"/>.</param>
/// <param name="LayerName">The layer's name, such as <c>Layer1</c>.</param>
/// <param name="Epoch">The epoch just finished, from 1.</param>
/// <param name="Epochs">The epochs per layer.</param>
/// <param name="ReconstructionError">The mean reconstruction loss per sample over the whole data, uncorrupted, after this epoch.</param>
public readonly record struct PretrainingProgress(
    int HiddenLayer, int HiddenLayers, int LayerIndex, string LayerName, int Epoch, int Epochs, double ReconstructionError);

using System.Collections.Generic;

namespace NetGen;

/// <summary>What <see cref="LayerwisePretraining.Pretrain"/> did to each hidden layer.</summary>
/// <param name="Layers">One entry per hidden dense layer, nearest the input first.</param>
public sealed record PretrainingResult(IReadOnlyList<LayerPretraining> Layers);

/// <summary>How one hidden layer's autoencoder was trained.</summary>
/// <param name="LayerIndex">The layer's index in <see cref="INetwork{T}.Layers"/>.</param>
/// <param name="LayerName">The layer's name, such as <c>Layer1</c>.</param>
/// <param name="Loss">The decoder and loss used (never <see cref="ReconstructionLoss.Automatic"/>: what it chose).</param>
/// <param name="ReconstructionErrors">
/// The mean reconstruction loss per sample over the whole data, uncorrupted: before training (element 0), then after each
/// epoch.
/// </param>
public sealed record LayerPretraining(int LayerIndex, string LayerName, ReconstructionLoss Loss, IReadOnlyList<double> ReconstructionErrors);

namespace NetGen;

/// <summary>The loss a network is trained on. Every loss is averaged over the batch.</summary>
public enum Loss
{
    /// <summary>Mean squared error, averaged over every output of every sample: <c>L = Σ (a − y)² / (batch · outputs)</c>. Any output activation.</summary>
    MeanSquaredError = 0,

    /// <summary>
    /// Softmax cross-entropy, fused: <c>L = −Σ y·log softmax(z)</c> per sample, targets one-hot (or any distribution).
    /// The output layer gives logits (<see cref="Activation.Identity"/>) or is declared <see cref="Activation.Softmax"/>
    /// (then <c>Forward</c> returns probabilities); either way the gradient is <c>softmax(z) − y</c>. Needs at least 2 outputs.
    /// </summary>
    SoftmaxCrossEntropy = 1,

    /// <summary>
    /// Sigmoid binary cross-entropy on logits (PyTorch's <c>BCEWithLogitsLoss</c>): the output layer is
    /// <see cref="Activation.Identity"/> and the sigmoid is applied inside the loss, stably. Targets in [0, 1], one per output.
    /// </summary>
    SigmoidCrossEntropy = 2,

    /// <summary>
    /// Binary cross-entropy on outputs that already went through a sigmoid (PyTorch's <c>BCELoss</c>): the output layer
    /// must be <see cref="Activation.Sigmoid"/>; its derivative cancels, the gradient is <c>a − y</c>. Targets in [0, 1].
    /// </summary>
    BinaryCrossEntropy = 3,
}

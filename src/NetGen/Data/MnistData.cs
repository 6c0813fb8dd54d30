namespace NetGen;

/// <summary>The two MNIST sets: the training set and the test set.</summary>
/// <param name="Training">The training set (<c>train-*</c> files; 60,000 images in the original MNIST).</param>
/// <param name="Test">The test set (<c>t10k-*</c> files; 10,000 images in the original MNIST).</param>
public sealed record MnistData(MnistSet Training, MnistSet Test);

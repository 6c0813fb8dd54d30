namespace RecurrentSample;

/// <summary>One scoring of a network on its test data.</summary>
/// <param name="Step">The training steps done before it (epochs for row-by-row MNIST).</param>
/// <param name="Loss">The test loss: mean squared error, or cross-entropy per step.</param>
/// <param name="Score">The task's score: the fraction of sequences solved, of symbols recalled, or of digits classified.</param>
internal readonly record struct Measurement(long Step, double Loss, double Score);

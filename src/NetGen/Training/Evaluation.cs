namespace NetGen;

/// <summary>How well a network does on a dataset.</summary>
/// <param name="Loss">The mean loss over the samples, as the network's <see cref="INetwork{T}.Loss"/> defines it.</param>
/// <param name="Accuracy">
/// The fraction of samples classified correctly. With several outputs, a sample is correct when the index of its largest output
/// equals the index of its largest target (the first one on ties). With one output, the target class is <c>target ≥ 0.5</c> and the
/// predicted class is <c>output ≥ 0</c> for <see cref="NetGen.Loss.SigmoidCrossEntropy"/> (the output is a logit) or
/// <c>output ≥ 0.5</c> otherwise. <see cref="double.NaN"/> for a network with one output trained on
/// <see cref="NetGen.Loss.MeanSquaredError"/>, which is taken to be a regression. For a network whose output layer applies at
/// every step of a sequence (a recurrent layer with <see cref="RecurrentAttribute.ReturnSequences"/> before it), each step is
/// scored so: the fraction of steps, over every sample, classified correctly.
/// </param>
/// <param name="Count">The number of samples.</param>
public sealed record Evaluation(double Loss, double Accuracy, int Count);

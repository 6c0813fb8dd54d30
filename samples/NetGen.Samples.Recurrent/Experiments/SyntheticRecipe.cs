namespace RecurrentSample;

/// <summary>How a network is trained on a synthetic task: fresh sequences every step, Adam, clipping by global norm.</summary>
/// <param name="Steps">The most training steps (mini-batches); training stops sooner once the task counts as solved.</param>
/// <param name="BatchSize">Sequences per step.</param>
/// <param name="LearningRate">Adam's learning rate.</param>
/// <param name="ClipNorm">The gradient's global norm is clipped to this (Pascanu et al. 2013).</param>
/// <param name="EvaluateEvery">The test sequences are scored every this many steps.</param>
/// <param name="TestSamples">The number of test sequences, drawn once from their own seed.</param>
/// <param name="Seed">Seeds the initial weights, the training sequences and (plus one) the test sequences.</param>
internal sealed record SyntheticRecipe(int Steps, int BatchSize, double LearningRate, double ClipNorm, int EvaluateEvery, int TestSamples, int Seed)
{
    public string Describe() =>
        $"Adam (its rate per network below), batch {BatchSize}, global-norm clipping at {ClipNorm}, up to {Steps:N0} steps of fresh sequences, " +
        $"{TestSamples:N0} test sequences scored every {EvaluateEvery} steps";
}

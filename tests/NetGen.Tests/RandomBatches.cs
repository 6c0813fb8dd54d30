namespace NetGen.Tests;

/// <summary>The inputs and targets the gradient measurements run on: what the gradient analysis assumes.</summary>
internal static class RandomBatches
{
    /// <summary>Standard-normal <paramref name="inputs"/> (E[x²] = 1) and one-hot <paramref name="targets"/> of random classes for a batch.</summary>
    public static void Fill(SeededRandom random, double[] inputs, double[] targets, int batchSize)
    {
        for (int i = 0; i < inputs.Length; i++)
        {
            inputs[i] = random.NextGaussian();
        }
        Array.Clear(targets);
        int outputs = targets.Length / batchSize;
        for (int sample = 0; sample < batchSize; sample++)
        {
            targets[sample * outputs + random.NextInt32(outputs)] = 1;
        }
    }
}

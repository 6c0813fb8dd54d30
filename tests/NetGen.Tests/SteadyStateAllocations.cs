namespace NetGen.Tests;

/// <summary>
/// The managed bytes a repeated call allocates on the calling thread once warmed up. A product that finds the kernel
/// workers blocked or taken (after a pause, or while other tests or processes load the cores) computes alone, and a
/// thread's first such call allocates its buffers once (KernelThreading's partial sums, the recurrent weight layouts).
/// Which path a call takes depends on timing, so a one-time allocation may come after any warm-up: a window of three runs
/// must allocate nothing within three tries. An allocation per call would show in every window.
/// </summary>
internal static class SteadyStateAllocations
{
    public static long Of(Action run)
    {
        run(); // compiles what the call reaches; an optimizer allocates its state at its first step
        long allocated = -1;
        for (int attempt = 0; attempt < 3 && allocated != 0; attempt++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 3; i++)
            {
                run();
            }
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        }
        return allocated;
    }

    /// <summary>
    /// <see cref="Of"/> an Adam training step and a forward pass of a ten-class <paramref name="network"/> on a batch of
    /// <paramref name="batchSize"/> uniform random inputs.
    /// </summary>
    public static long OfTrainingStep(INetwork<float> network, int batchSize)
    {
        var random = new SeededRandom(2);
        float[] inputs = Enumerable.Range(0, batchSize * network.InputSize).Select(_ => (float)random.NextDouble()).ToArray();
        float[] targets = new float[batchSize * 10];
        for (int s = 0; s < batchSize; s++)
        {
            targets[s * 10 + s % 10] = 1;
        }
        var optimizer = new Adam<float>();
        float[] logits = new float[batchSize * 10];
        return Of(() =>
        {
            network.TrainStep(inputs, targets, batchSize, optimizer);
            network.Forward(inputs, logits, batchSize);
        });
    }
}

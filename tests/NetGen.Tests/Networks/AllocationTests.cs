namespace NetGen.Tests.Networks;

/// <summary>Alone, not beside other tests: they could hold the kernel threads during the warm-up (see KernelThreading).</summary>
[Collection(nameof(IsolatedTests))]
public class AllocationTests
{
    [Fact]
    public void Forward_loss_gradients_and_training_steps_allocate_nothing_after_construction()
    {
        const int batch = 8;
        var network = new Digits(maxBatchSize: batch, seed: 1);
        var optimizer = new Adam<float>();
        var inputs = new float[batch * Digits.InputSize];
        var targets = new float[batch * Digits.OutputSize];
        var outputs = new float[batch * Digits.OutputSize];
        for (int i = 0; i < batch; i++)
        {
            targets[i * Digits.OutputSize + i % Digits.OutputSize] = 1;
        }
        void RunEverything()
        {
            network.Forward(inputs, outputs, batch);
            network.Forward(inputs.AsSpan(0, Digits.InputSize), outputs.AsSpan(0, Digits.OutputSize));
            network.ComputeLoss(inputs, targets, batch);
            network.TrainStep(inputs, targets, batch, optimizer);
        }
        RunEverything(); // the optimizer allocates its state at its first step; the network allocates nothing

        // A product that finds the kernel workers blocked (after a pause, or when other processes load the cores) computes
        // alone, and a thread's first such product allocates its partial-sum buffers once (KernelThreading). Which path a
        // product takes depends on timing, so a one-time allocation may come after the warm-up: a window of three runs
        // must allocate nothing within three tries. An allocation per call would show in every window.
        long allocated = -1;
        for (int attempt = 0; attempt < 3 && allocated != 0; attempt++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 3; i++)
            {
                RunEverything();
            }
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        }
        Assert.Equal(0, allocated);
    }
}

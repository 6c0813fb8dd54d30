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
        long allocated = SteadyStateAllocations.Of(RunEverything); // the network allocates nothing
        Assert.Equal(0, allocated);
    }
}

namespace NetGen.Tests.Networks;

public class PrecisionTests
{
    [Fact]
    public void Float_and_double_networks_draw_the_same_parameters_from_the_same_seed()
    {
        var single = new TwinSingle(seed: 3);
        var twin = new TwinDouble(seed: 3);
        Assert.Equal(TwinDouble.ParameterCount, TwinSingle.ParameterCount);
        for (int i = 0; i < TwinDouble.ParameterCount; i++)
        {
            Assert.Equal((float)twin.Parameters[i], single.Parameters[i]);
        }
    }

    [Fact]
    public void Float_and_double_forward_passes_agree()
    {
        const int batch = 16;
        var single = new TwinSingle(maxBatchSize: batch, seed: 8);
        var twin = new TwinDouble(maxBatchSize: batch, seed: 8);
        var random = new SeededRandom(2);
        double[] inputs = Enumerable.Range(0, batch * TwinDouble.InputSize).Select(_ => 4 * random.NextDouble() - 2).ToArray();
        float[] singleInputs = inputs.Select(x => (float)x).ToArray();
        // Same function, same parameters: copy the float parameters into the double network so only arithmetic differs.
        for (int i = 0; i < TwinDouble.ParameterCount; i++)
        {
            twin.Parameters[i] = single.Parameters[i];
        }

        var singleOutputs = new float[batch * TwinSingle.OutputSize];
        var doubleOutputs = new double[batch * TwinDouble.OutputSize];
        single.Forward(singleInputs, singleOutputs, batch);
        twin.Forward(inputs, doubleOutputs, batch);

        for (int i = 0; i < doubleOutputs.Length; i++)
        {
            // Softmax probabilities in (0, 1): float's 24-bit mantissa through six layers stays within 1e-5.
            Assert.InRange(singleOutputs[i] - doubleOutputs[i], -1e-5, 1e-5);
        }
        double[] rowSums = doubleOutputs.Chunk(TwinDouble.OutputSize).Select(row => row.Sum()).ToArray();
        Assert.All(rowSums, sum => Assert.Equal(1.0, sum, 12));
    }

    [Fact]
    public void Single_sample_forward_equals_the_row_of_the_batched_forward()
    {
        const int batch = 5;
        var network = new TwinDouble(maxBatchSize: batch, seed: 1);
        var random = new SeededRandom(4);
        double[] inputs = Enumerable.Range(0, batch * TwinDouble.InputSize).Select(_ => random.NextDouble()).ToArray();
        var batched = new double[batch * TwinDouble.OutputSize];
        network.Forward(inputs, batched, batch);
        var single = new double[TwinDouble.OutputSize];
        for (int sample = 0; sample < batch; sample++)
        {
            network.Forward(inputs.AsSpan(sample * TwinDouble.InputSize, TwinDouble.InputSize), single);
            // Batches of four samples go through a register-blocked kernel that sums in another order: equal to rounding.
            double[] row = batched.AsSpan(sample * TwinDouble.OutputSize, TwinDouble.OutputSize).ToArray();
            for (int k = 0; k < row.Length; k++)
            {
                Assert.Equal(row[k], single[k], 1e-14);
            }
        }
    }
}

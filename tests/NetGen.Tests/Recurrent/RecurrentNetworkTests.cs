using NetGen.Tests.GradientChecks;
using Xunit.Abstractions;

namespace NetGen.Tests.Recurrent;

/// <summary>
/// The generated recurrent networks: their backward pass against finite differences of their own loss (every parameter,
/// in double), their batch layout (a batch gives each sample what it gives alone), and the per-step loss against a
/// softmax cross-entropy computed here from the outputs.
/// </summary>
public class RecurrentNetworkTests(ITestOutputHelper output)
{
    private static readonly Type[] NetworkTypes = [typeof(LstmClassifier), typeof(StackedGru), typeof(PerStepTagger), typeof(ChronoWithoutBiases)];

    public static TheoryData<string> Networks() => new(NetworkTypes.Select(t => t.Name));

    [Theory]
    [MemberData(nameof(Networks))]
    public void Analytic_gradient_matches_finite_differences(string name)
    {
        var network = Create(name, FiniteDifferences.BatchSize);
        double[]? targets = network is PerStepTagger ? OneClassPerStep(FiniteDifferences.BatchSize, PerStepTagger.OutputSize, classes: 3) : null;
        FiniteDifferences.Check(network, name, output, targets: targets);
    }

    [Theory]
    [MemberData(nameof(Networks))]
    public void A_batch_gives_each_sample_what_it_gives_alone(string name)
    {
        const int batch = 4;
        var network = Create(name, batch);
        network.IsTraining = false;
        double[] inputs = Enumerable.Range(0, batch * network.InputSize).Select(i => Math.Sin(0.37 * i)).ToArray();
        var batched = new double[batch * network.OutputSize];
        network.Forward(inputs, batched, batch);
        var alone = new double[network.OutputSize];
        for (int sample = 0; sample < batch; sample++)
        {
            network.Forward(inputs.AsSpan(sample * network.InputSize, network.InputSize), alone);
            for (int k = 0; k < alone.Length; k++)
            {
                Assert.Equal(alone[k], batched[sample * network.OutputSize + k], 12);
            }
        }
    }

    [Fact]
    public void A_sequence_output_is_scored_per_step_and_averaged_over_steps_and_samples()
    {
        const int batch = 3, steps = 4, classes = 3;
        var network = new PerStepTagger(maxBatchSize: batch, seed: 2);
        double[] inputs = Enumerable.Range(0, batch * PerStepTagger.InputSize).Select(i => Math.Cos(0.5 * i)).ToArray();
        double[] targets = OneClassPerStep(batch, PerStepTagger.OutputSize, classes);
        var logits = new double[batch * PerStepTagger.OutputSize];
        network.Forward(inputs, logits, batch);

        double expected = 0;
        for (int row = 0; row < batch * steps; row++)
        {
            double[] z = logits.AsSpan(row * classes, classes).ToArray();
            double max = z.Max(), logSum = max + Math.Log(z.Sum(v => Math.Exp(v - max)));
            int label = Array.IndexOf(targets, 1.0, row * classes, classes) - row * classes;
            expected += logSum - z[label];
        }
        expected /= batch * steps;

        Assert.Equal(expected, network.ComputeLoss(inputs, targets, batch), 12);
    }

    [Fact]
    public void Parameters_are_laid_out_as_pytorch_names_them()
    {
        LayerInfo lstm = LstmClassifier.Layers[0];
        Assert.Equal(LayerKind.LSTM, lstm.Kind);
        Assert.Equal(4 * 4 * 3 + 4 * 4 * 4, lstm.WeightCount); // weight_ih [16, 3] then weight_hh [16, 4]
        Assert.Equal(2 * 4 * 4, lstm.BiasCount); // bias_ih [16] then bias_hh [16]
        var network = new LstmClassifier(1, seed: 1);
        Assert.Equal(16 * 3, network.Layer1InputWeights.Length);
        Assert.Equal(16 * 4, network.Layer1RecurrentWeights.Length);
        // Keras's unit_forget_bias: the forget gate's block (rows 4..7) of bias_ih is 1, everything else 0.
        Assert.Equal([0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0], network.Layer1InputBiases.ToArray());
        Assert.All(network.Layer1RecurrentBiases.ToArray(), b => Assert.Equal(0, b));
    }

    [Fact]
    public void Chrono_initialization_sets_forget_biases_in_its_range_and_input_biases_opposite()
    {
        var network = new ChronoWithoutBiases(1, seed: 3);
        Span<double> biases = network.Layer2InputBiases;
        for (int unit = 0; unit < 3; unit++)
        {
            double forget = biases[3 + unit];
            Assert.InRange(forget, 0, Math.Log(5)); // log U[1, T_max − 1], T_max = 6
            Assert.Equal(-forget, biases[unit]);
        }
        Assert.All(network.Layer2RecurrentBiases.ToArray(), b => Assert.Equal(0, b));
        Assert.Equal(0, ChronoWithoutBiases.Layers[0].BiasCount);
    }

    [Fact]
    public void Accuracy_of_a_per_step_output_scores_every_step()
    {
        const int samples = 2, steps = 4, classes = 3;
        var network = new PerStepTagger(maxBatchSize: samples, seed: 5);
        double[] inputs = Enumerable.Range(0, samples * PerStepTagger.InputSize).Select(i => Math.Sin(1.3 * i)).ToArray();
        var logits = new double[samples * PerStepTagger.OutputSize];
        network.IsTraining = false;
        network.Forward(inputs, logits, samples);
        // Targets: the predicted class at steps 0 and 2 of each sample, another class at steps 1 and 3: half the steps right.
        var targets = new double[logits.Length];
        for (int row = 0; row < samples * steps; row++)
        {
            int predicted = Array.IndexOf(logits, logits.AsSpan(row * classes, classes).ToArray().Max(), row * classes, classes) - row * classes;
            targets[row * classes + (row % 2 == 0 ? predicted : (predicted + 1) % classes)] = 1;
        }
        Evaluation evaluation = Trainer.Evaluate(network, new Dataset<double>(inputs, targets, PerStepTagger.InputSize, PerStepTagger.OutputSize));
        Assert.Equal(0.5, evaluation.Accuracy);
    }

    [Fact]
    public void Clipping_by_global_norm_covers_the_recurrent_parameters()
    {
        // One SGD step of learning rate 1 on a clipped gradient moves the parameters by exactly the clipping norm, when the
        // unclipped gradient is larger: every parameter, recurrent ones included, is in the norm and is scaled.
        const int samples = 3;
        const double limit = 1e-3;
        var network = new StackedGru(maxBatchSize: samples, seed: 6);
        double[] inputs = Enumerable.Range(0, samples * StackedGru.InputSize).Select(i => Math.Sin(0.9 * i)).ToArray();
        double[] targets = Enumerable.Range(0, samples * StackedGru.OutputSize).Select(i => 2.0 + i).ToArray();
        network.ComputeGradients(inputs, targets, samples);
        double unclipped = Math.Sqrt(network.Gradients.ToArray().Sum(g => g * g));
        Assert.True(unclipped > 10 * limit, $"the test needs a gradient above the limit, got {unclipped}");
        Assert.Contains(network.Layer1RecurrentWeightGradients.ToArray(), g => g != 0);

        double[] before = network.Parameters.ToArray();
        Trainer.Fit(network, new Sgd<double>(learningRate: 1), new Dataset<double>(inputs, targets, StackedGru.InputSize, StackedGru.OutputSize),
            new TrainingOptions { Epochs = 1, BatchSize = samples, Shuffle = false, ClipGradientNorm = limit });
        double[] after = network.Parameters.ToArray();

        double moved = Math.Sqrt(before.Zip(after, (b, a) => (a - b) * (a - b)).Sum());
        Assert.Equal(limit, moved, 9);
        int firstRecurrentWeight = StackedGru.Layers[0].WeightOffset + 9 * 2; // Layer1's weight_hh, after weight_ih [9, 2]
        Assert.NotEqual(before[firstRecurrentWeight], after[firstRecurrentWeight]);
    }

    [Theory]
    [MemberData(nameof(Networks))]
    public void A_training_step_and_a_forward_pass_allocate_nothing_after_construction(string name)
    {
        const int batch = 3;
        var network = Create(name, batch);
        double[] inputs = Enumerable.Range(0, batch * network.InputSize).Select(i => Math.Sin(0.21 * i)).ToArray();
        double[] targets = network is PerStepTagger ? OneClassPerStep(batch, network.OutputSize, classes: 3) : new double[batch * network.OutputSize];
        var outputs = new double[batch * network.OutputSize];
        var optimizer = new Adam<double>(1e-3);
        void Step()
        {
            network.TrainStep(inputs, targets, batch, optimizer);
            network.Forward(inputs, outputs, batch);
        }
        long allocated = SteadyStateAllocations.Of(Step);
        Assert.True(allocated == 0, $"{name}: three training steps and forward passes allocated {allocated} bytes; they must allocate none.");
    }

    private static INetwork<double> Create(string name, int maxBatchSize) =>
        (INetwork<double>)Activator.CreateInstance(NetworkTypes.Single(t => t.Name == name), maxBatchSize, 3)!;

    private static double[] OneClassPerStep(int batch, int outputSize, int classes)
    {
        var targets = new double[batch * outputSize];
        for (int row = 0; row < targets.Length / classes; row++)
        {
            targets[row * classes + (row * 7 + 1) % classes] = 1;
        }
        return targets;
    }
}

using NetGen;

namespace NetGen.Tests.Training;

/// <summary>Evaluate's loss and accuracy, on networks whose outputs are fixed per sample id.</summary>
public class TrainerEvaluateTests
{
    private static Dataset<double> Samples(int count, double[] targets, int targetSize) =>
        new(Enumerable.Range(0, count).Select(i => (double)i).ToArray(), targets, 1, targetSize);

    [Fact]
    public void Multi_class_accuracy_compares_the_argmax_of_outputs_and_targets()
    {
        double[] outputs =
        [
            0.1, 0.7, 0.2,   // predicts 1
            2.0, -1.0, 0.5,  // predicts 0
            0.3, 0.3, 0.4,   // predicts 2
            0.5, 0.5, 0.0,   // tie between 0 and 1: the first, 0
        ];
        double[] targets =
        [
            0, 1, 0,  // right
            0, 0, 1,  // wrong
            0, 0, 1,  // right
            1, 0, 0,  // right (first index on ties)
        ];
        var network = new ScriptedNetwork(3, Loss.SoftmaxCrossEntropy, outputs);

        // A batch size of 3 leaves a partial batch of 1; the loss (mean id per batch) is weighted: (3·1 + 1·3)/4 = 1.5.
        Evaluation evaluation = Trainer.Evaluate(network, Samples(4, targets, 3), batchSize: 3);

        Assert.Equal(0.75, evaluation.Accuracy);
        Assert.Equal(1.5, evaluation.Loss);
        Assert.Equal(4, evaluation.Count);
    }

    // Outputs shared by the single-output cases, per sample id.
    private static readonly double[] SingleOutputs = [0.2, 0.7, 0.5, 0.49, -1.0, 0.0, -0.01];
    private static readonly double[] SingleTargets = [0, 1, 0, 1, 0, 1, 0];

    [Fact]
    public void Binary_cross_entropy_predicts_the_positive_class_at_output_half_or_more()
    {
        // predicted: 0, 1, 1, 0, 0, 0, 0 against targets 0, 1, 0, 1, 0, 1, 0: right, right, wrong, wrong, right, wrong, right → 4/7
        var network = new ScriptedNetwork(1, Loss.BinaryCrossEntropy, SingleOutputs);
        Evaluation evaluation = Trainer.Evaluate(network, Samples(7, SingleTargets, 1), batchSize: 4);
        Assert.Equal(4.0 / 7, evaluation.Accuracy, 1e-15);
    }

    [Fact]
    public void Sigmoid_cross_entropy_outputs_are_logits_so_the_positive_class_starts_at_zero()
    {
        // predicted: 1, 1, 1, 1, 0, 1, 0 against targets 0, 1, 0, 1, 0, 1, 0: wrong, right, wrong, right, right, right, right → 5/7
        var network = new ScriptedNetwork(1, Loss.SigmoidCrossEntropy, SingleOutputs);
        Evaluation evaluation = Trainer.Evaluate(network, Samples(7, SingleTargets, 1), batchSize: 7);
        Assert.Equal(5.0 / 7, evaluation.Accuracy, 1e-15);
    }

    [Fact]
    public void Targets_count_as_positive_from_half()
    {
        // Soft targets: 0.5 is the positive class, 0.49 the negative one.
        var network = new ScriptedNetwork(1, Loss.BinaryCrossEntropy, [0.9, 0.1]);
        Evaluation evaluation = Trainer.Evaluate(network, Samples(2, [0.5, 0.49], 1), batchSize: 2);
        Assert.Equal(1.0, evaluation.Accuracy);
    }

    [Fact]
    public void Single_output_mean_squared_error_is_a_regression_without_accuracy()
    {
        var network = new ScriptedNetwork(1, Loss.MeanSquaredError, SingleOutputs);
        Evaluation evaluation = Trainer.Evaluate(network, Samples(7, SingleTargets, 1), batchSize: 2);
        Assert.True(double.IsNaN(evaluation.Accuracy));
        Assert.Equal(3.0, evaluation.Loss); // mean id of 0..6, weighted over batches of 2, 2, 2, 1
    }

    [Fact]
    public void Several_outputs_with_mean_squared_error_use_the_argmax()
    {
        var network = new ScriptedNetwork(2, Loss.MeanSquaredError, [0.9, 0.1, 0.2, 0.8]);
        Evaluation evaluation = Trainer.Evaluate(network, Samples(2, [1, 0, 1, 0], 2), batchSize: 2);
        Assert.Equal(0.5, evaluation.Accuracy);
    }

    [Fact]
    public void Evaluation_of_a_trained_linear_model_matches_its_loss_by_hand()
    {
        // w = (1, 1), b = 0; samples x = (1, 2) → 3 against 4, x = (0, 1) → 1 against 1: loss = (1 + 0)/2 = 0.5
        var network = new LinearRegressionNetwork(2);
        network.Parameters.Clear();
        network.Parameters[0] = 1;
        network.Parameters[1] = 1;
        Evaluation evaluation = Trainer.Evaluate(network, new Dataset<double>([1, 2, 0, 1], [4, 1], 2, 1), batchSize: 1);
        Assert.Equal(0.5, evaluation.Loss, 1e-15);
    }
}

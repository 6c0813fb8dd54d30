using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;

namespace NetGen;

/// <summary>
/// The metrics of one run of <see cref="Trainer.Fit"/>: their names, and each epoch's values on the training batches (read
/// from the output layer after each step, before the next update) and on the validation data.
/// </summary>
internal sealed class EpochMetrics<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly INetwork<T> _network;
    private readonly IReadOnlyList<Metric> _metrics;
    private readonly Activation _outputActivation;
    private readonly int _outputLayer;
    private readonly double[] _outputs;
    private readonly double[] _targets;
    private readonly int _steps;
    private readonly int _rowSize;
    private MetricAccumulator[] _training = [];
    private MetricAccumulator[] _validating = [];

    public EpochMetrics(INetwork<T> network, IReadOnlyList<Metric> metrics, Dataset<T>? validation)
    {
        _network = network;
        _metrics = metrics;
        _outputLayer = network.Layers.Count - 1;
        _outputActivation = network.Layers[_outputLayer].Activation;
        if (metrics.Count > 0 && !OutputActivation.IsSupported(_outputActivation))
        {
            throw new ArgumentException(
                $"Training metrics are computed from the output layer, whose activation {_outputActivation} they do not support; " +
                "use Identity, Sigmoid, Tanh, ReLU or Softmax there, or no TrainingOptions.Metrics.", nameof(metrics));
        }
        string[] duplicates = metrics.GroupBy(m => m.Name).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();
        if (duplicates.Length > 0)
        {
            throw new ArgumentException($"TrainingOptions.Metrics names {string.Join(", ", duplicates)} more than once; each metric once.", nameof(metrics));
        }
        _outputs = metrics.Count > 0 ? new double[network.MaxBatchSize * network.OutputSize] : [];
        _targets = metrics.Count > 0 ? new double[network.MaxBatchSize * network.OutputSize] : [];
        _steps = OutputSteps.Of(network);
        _rowSize = OutputSteps.RowSize(network);
        ValidationAccuracy = validation is not null && Accuracy.IsDefined(network.Loss, _rowSize);

        var names = new List<string> { "loss" };
        names.AddRange(metrics.Select(m => m.Name));
        if (validation is not null)
        {
            names.Add("val_loss");
            if (ValidationAccuracy)
            {
                names.Add("val_accuracy");
            }
            names.AddRange(metrics.Select(m => "val_" + m.Name).Where(name => name != "val_accuracy"));
        }
        Names = names;
    }

    /// <summary>The names of every epoch's values, in order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Whether the validation accuracy is measured (validation data, and a network accuracy means something for).</summary>
    public bool ValidationAccuracy { get; }

    /// <summary>Whether there are metrics to measure, beyond the losses and the validation accuracy.</summary>
    public bool Any => _metrics.Count > 0;

    public void StartEpoch()
    {
        _training = _metrics.Select(m => m.Start(_network.Loss)).ToArray();
        _validating = _metrics.Select(m => m.Start(_network.Loss)).ToArray();
    }

    /// <summary>Adds the batch just trained: the output layer's pre-activations of its forward pass, and its targets.</summary>
    public void AddTrainingBatch(ReadOnlySpan<T> targets, int size)
    {
        if (_training.Length > 0)
        {
            Add(_training, _network.PreActivations(_outputLayer), targets, size, activate: true);
        }
    }

    /// <summary>Adds a validation batch: its outputs, from the evaluation's forward pass, and its targets.</summary>
    public void AddValidationBatch(ReadOnlySpan<T> outputs, ReadOnlySpan<T> targets, int size) =>
        Add(_validating, outputs, targets, size, activate: false);

    private void Add(MetricAccumulator[] accumulators, ReadOnlySpan<T> values, ReadOnlySpan<T> targets, int size, bool activate)
    {
        int count = size * _network.OutputSize;
        Span<double> outputs = _outputs.AsSpan(0, count), expected = _targets.AsSpan(0, count);
        for (int i = 0; i < count; i++)
        {
            outputs[i] = double.CreateTruncating(values[i]);
            expected[i] = double.CreateTruncating(targets[i]);
        }
        if (activate)
        {
            OutputActivation.Apply(_outputActivation, outputs, _rowSize);
        }
        foreach (MetricAccumulator accumulator in accumulators)
        {
            accumulator.Add(outputs, expected, size * _steps, _rowSize); // a per-step output scores every step
        }
    }

    /// <summary>The epoch's values: the training loss and metrics, and the validation's (its batches added while it was evaluated).</summary>
    public Dictionary<string, double> Finish(double trainingLoss, Evaluation? validation)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal) { ["loss"] = trainingLoss };
        for (int m = 0; m < _metrics.Count; m++)
        {
            values[_metrics[m].Name] = _training[m].Result;
        }
        if (validation is null)
        {
            return values;
        }
        values["val_loss"] = validation.Loss;
        if (ValidationAccuracy)
        {
            values["val_accuracy"] = validation.Accuracy;
        }
        for (int m = 0; m < _metrics.Count; m++)
        {
            if (_metrics[m].Name != "accuracy" || !ValidationAccuracy)
            {
                values["val_" + _metrics[m].Name] = _validating[m].Result;
            }
        }
        return values;
    }
}

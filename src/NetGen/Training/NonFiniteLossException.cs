using System;

namespace NetGen;

/// <summary>
/// Thrown by <see cref="Trainer.Fit"/> under <see cref="NonFiniteLoss.Stop"/> (the default of
/// <see cref="TrainingOptions.NonFiniteLoss"/>) when a mini-batch's loss is NaN or infinite, or its inputs or targets hold a
/// NaN or infinite value. It names where: the epoch, the mini-batch, the step, the loss, the first training sample that is
/// not finite and the first layer whose pre-activations (or gradients) are not finite, when they can be found.
/// </summary>
public sealed class NonFiniteLossException : Exception
{
    /// <summary>Creates the exception with the values it names.</summary>
    /// <param name="message">The message, which should name the values below and what to do.</param>
    /// <param name="epoch">The epoch, from 1.</param>
    /// <param name="batch">The mini-batch within the epoch, from 1.</param>
    /// <param name="step">The training step counted across epochs, from 1 (the step that was to be taken).</param>
    /// <param name="loss">The batch's loss, possibly finite when only its inputs or targets are not.</param>
    /// <param name="sample">The index in the training data of the first sample of the batch with a non-finite input or target, or null.</param>
    /// <param name="layerIndex">The index in <see cref="INetwork{T}.Layers"/> of the first layer whose values are not finite, or null.</param>
    /// <param name="layerName">That layer's name, or null.</param>
    /// <param name="parametersUpdated">Whether the step's update was applied before the loss was known.</param>
    public NonFiniteLossException(
        string message, int epoch, int batch, long step, double loss, int? sample, int? layerIndex, string? layerName, bool parametersUpdated)
        : base(message)
    {
        Epoch = epoch;
        Batch = batch;
        Step = step;
        Loss = loss;
        Sample = sample;
        LayerIndex = layerIndex;
        LayerName = layerName;
        ParametersUpdated = parametersUpdated;
    }

    /// <summary>The epoch, from 1.</summary>
    public int Epoch { get; }

    /// <summary>The mini-batch within the epoch, from 1.</summary>
    public int Batch { get; }

    /// <summary>The training step counted across epochs (and across a resumed run), from 1: the step that was to be taken.</summary>
    public long Step { get; }

    /// <summary>The batch's mean loss: NaN or infinite, or possibly finite when only its inputs or targets are not finite.</summary>
    public double Loss { get; }

    /// <summary>The index in the training data of the first sample of the batch whose inputs or targets are not finite; null when they all are finite.</summary>
    public int? Sample { get; }

    /// <summary>
    /// The index in <see cref="INetwork{T}.Layers"/> of the first layer whose pre-activations in this batch's forward pass are
    /// not finite or, when they all are, the first whose gradients are not (known only for a step that kept its gradients);
    /// null when none was found, or the network keeps no pre-activations.
    /// </summary>
    public int? LayerIndex { get; }

    /// <summary>The name of the layer at <see cref="LayerIndex"/>, or null.</summary>
    public string? LayerName { get; }

    /// <summary>
    /// Whether the step's update was applied before the loss was known: only for a fused step (<see cref="INetwork{T}.TrainStep"/>
    /// with an <see cref="IElementwiseOptimizer{T}"/>, no clipping, no monitor) whose inputs and targets are finite but whose loss
    /// is not (values overflowed inside the network). The parameters may then hold NaN or infinite values: restore them from
    /// a checkpoint. False otherwise: the parameters, the optimizer's state and the running statistics are those before the batch.
    /// </summary>
    public bool ParametersUpdated { get; }
}

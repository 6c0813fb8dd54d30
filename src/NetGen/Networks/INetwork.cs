using System;
using System.Collections.Generic;
using System.Numerics;

namespace NetGen;

/// <summary>
/// What every generated network offers, so that trainers, optimizers and tools can work with any of them.
/// The generated class also has the same members as constants and named per-layer spans.
/// An instance runs one call at a time: a call on it while another runs on a different thread throws
/// <see cref="InvalidOperationException"/>, so give each thread its own with <see cref="CreateReplica"/>.
/// </summary>
/// <typeparam name="T"><see cref="float"/> or <see cref="double"/>, from <see cref="NetworkAttribute.Precision"/>.</typeparam>
public interface INetwork<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The number of inputs of one sample.</summary>
    int InputSize { get; }

    /// <summary>The number of outputs of one sample.</summary>
    int OutputSize { get; }

    /// <summary>The number of trainable parameters (weights and biases of every layer).</summary>
    int ParameterCount { get; }

    /// <summary>The largest batch the network's buffers hold, fixed at construction.</summary>
    int MaxBatchSize { get; }

    /// <summary>The loss the network is trained on.</summary>
    Loss Loss { get; }

    /// <summary>The layers, in order, with their shapes and where their parameters are in <see cref="Parameters"/>.</summary>
    IReadOnlyList<LayerInfo> Layers { get; }

    /// <summary>Every parameter, layer after layer, each layer's weights (row-major, [outputs, inputs]) then its biases.</summary>
    Span<T> Parameters { get; }

    /// <summary>
    /// The values a network keeps that are not trained by gradients: the running mean and variance of each batch
    /// normalization layer, layer after layer. Empty when the network has none. Save them with <see cref="Parameters"/>.
    /// </summary>
    Span<T> State { get; }

    /// <summary>
    /// The gradient of the mean batch loss with respect to each parameter, laid out as <see cref="Parameters"/>, as the last
    /// <see cref="ComputeGradients"/> left it. <see cref="TrainStep"/> with an <see cref="IElementwiseOptimizer{T}"/> (<see cref="Sgd{T}"/>,
    /// <see cref="Adam{T}"/>, <see cref="AdamW{T}"/>) applies the dense layers' gradients as it computes them and does not store them here.
    /// </summary>
    Span<T> Gradients { get; }

    /// <summary>
    /// Whether the network is in training mode (the default): normalization layers then use the statistics of the batch,
    /// and <see cref="ComputeGradients"/> updates their running statistics. In inference mode they use the running
    /// statistics. A network without normalization computes the same in both modes.
    /// </summary>
    bool IsTraining { get; set; }

    /// <summary>
    /// The pre-activations of layer <paramref name="layerIndex"/> (an index into <see cref="Layers"/>) from the last forward
    /// pass: batch size × the layer's outputs, sample after sample. For a normalization layer, <c>γ·x̂ + β</c>; for a residual
    /// block, <c>branch + skip</c>. Valid until the next call that runs the network.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="layerIndex"/> is not an index into <see cref="Layers"/>.</exception>
    ReadOnlySpan<T> PreActivations(int layerIndex);

    /// <summary>
    /// ∂loss/∂z of layer <paramref name="layerIndex"/> from the last <see cref="ComputeGradients"/> or training step, where z
    /// is what <see cref="PreActivations"/> returns and the loss is the batch's mean: batch size × the layer's outputs, sample
    /// after sample (a sample's own gradient is batch size times its row). The measured counterpart of
    /// <see cref="LayerInfo.PredictedGradient"/>. Empty once a forward pass without a backward one has run since (the
    /// buffers would no longer match the layer's z); valid until the next call that runs the network.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="layerIndex"/> is not an index into <see cref="Layers"/>.</exception>
    ReadOnlySpan<T> PreActivationGradients(int layerIndex);

    /// <summary>
    /// A network of the same class that shares this one's <see cref="Parameters"/> and <see cref="State"/> arrays (not copies:
    /// it sees every later change) but has its own gradients and buffers, in inference mode. One replica per thread makes
    /// concurrent inference safe: a network's own buffers serve one call at a time. Train only the original.
    /// </summary>
    /// <param name="maxBatchSize">The largest batch the replica will take.</param>
    INetwork<T> CreateReplica(int maxBatchSize);

    /// <summary>Draws every parameter again from its initializer; the same seed gives the same parameters.</summary>
    void Initialize(int seed);

    /// <summary>Runs one sample through the network.</summary>
    /// <exception cref="ArgumentException">A span length differs from <see cref="InputSize"/> or <see cref="OutputSize"/>.</exception>
    /// <exception cref="InvalidOperationException">Another thread is running a call on this instance (use <see cref="CreateReplica"/>).</exception>
    void Forward(ReadOnlySpan<T> input, Span<T> output);

    /// <summary>Runs a batch of samples, stored one after the other, through the network.</summary>
    /// <exception cref="ArgumentException">The batch size is not in 1..<see cref="MaxBatchSize"/>, or a span length does not fit it.</exception>
    /// <exception cref="InvalidOperationException">Another thread is running a call on this instance (use <see cref="CreateReplica"/>).</exception>
    void Forward(ReadOnlySpan<T> inputs, Span<T> outputs, int batchSize);

    /// <summary>Returns the mean loss of a batch against its targets (<see cref="OutputSize"/> values per sample).</summary>
    /// <exception cref="InvalidOperationException">Another thread is running a call on this instance (use <see cref="CreateReplica"/>).</exception>
    T ComputeLoss(ReadOnlySpan<T> inputs, ReadOnlySpan<T> targets, int batchSize);

    /// <summary>Runs forward and backward: overwrites <see cref="Gradients"/> with the gradient of the mean batch loss, and returns that loss.</summary>
    /// <exception cref="InvalidOperationException">Another thread is running a call on this instance (use <see cref="CreateReplica"/>).</exception>
    T ComputeGradients(ReadOnlySpan<T> inputs, ReadOnlySpan<T> targets, int batchSize);

    /// <summary>
    /// One training step: the gradients of <see cref="ComputeGradients"/>, then the optimizer's update of <see cref="Parameters"/>.
    /// Returns the batch loss before the update. With an <see cref="IElementwiseOptimizer{T}"/> the step is fused: each dense
    /// layer is updated during the backward pass, a few weight rows at a time as their gradients are computed, which gives
    /// the same parameters to the bit in one pass over the weights instead of three; its gradients are then not kept in
    /// <see cref="Gradients"/> (call <see cref="ComputeGradients"/> and the optimizer's <see cref="IOptimizer{T}.Step"/> to see them).
    /// Any other optimizer gets <see cref="Gradients"/> whole through <see cref="IOptimizer{T}.Step"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">Another thread is running a call on this instance (use <see cref="CreateReplica"/>).</exception>
    T TrainStep(ReadOnlySpan<T> inputs, ReadOnlySpan<T> targets, int batchSize, IOptimizer<T> optimizer);
}

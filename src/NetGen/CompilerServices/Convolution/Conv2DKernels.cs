using System;
using System.ComponentModel;
using System.Numerics;
using System.Numerics.Tensors;

namespace NetGen.CompilerServices;

/// <summary>
/// PyTorch's <c>nn.Conv2d</c> (groups 1) over a batch of NCHW images, forward and backward: input <c>[batch, inputChannels,
/// inputHeight, inputWidth]</c>, weights <c>[outputChannels, inputChannels, kernelHeight, kernelWidth]</c>, biases
/// <c>[outputChannels]</c> (empty: none), output <c>[batch, outputChannels, outputHeight, outputWidth]</c>; zero padding.
/// Nothing is allocated: the caller passes a workspace of <see cref="WorkspaceLength"/> values.
/// This API is for use by the code the NetGen source generator writes and should not be called directly.
/// </summary>
/// <remarks>
/// Each sample's columns <c>col [K, P]</c> (<see cref="ConvolutionColumns"/>: <c>K = inputChannels·kernelHeight·kernelWidth</c>,
/// <c>P = outputHeight·outputWidth</c>) turn the convolution into three products of <see cref="DenseKernels"/>, none of which
/// needs a transpose, since a sample's output and its gradient <c>[outputChannels, P]</c> are already NCHW:
/// output <c>Y = W·col</c> (<see cref="DenseKernels.AccumulateInputGradients"/>, onto the biases), the weights' gradient
/// <c>dY·colᵀ</c> (<see cref="DenseKernels.Forward"/>), the columns' gradient <c>Wᵀ·dY</c>
/// (<see cref="DenseKernels.ParameterGradients"/>), added back to the input (col2im). The products alone, columns along P,
/// were measured faster than along K (<c>[P, K]</c>) for LeNet's first layer (K = 25: 50-76 against 11 GFLOP/s forward) and as
/// fast for a 3×3 64→64 layer (90-110 GFLOP/s on one core, float, AVX-512). The columns are gathered a chunk of output rows
/// at a time (<see cref="ForwardChunkValues"/>, <see cref="BackwardChunkValues"/>). Whole kernels, float, on the
/// development VM (AVX-512, FMA peak about 115 GFLOP/s per core; best of many calls, the VM shared): a 3×3 64→64 layer on
/// 32×32 with padding 1 ran forward through the columns at 87 and runs backward at 87 GFLOP/s on one thread (75 % of the
/// peak), 174 and 159 on two;
/// LeNet-5's layers (1→6 5×5 on 28×28 with padding 2, 6→16 5×5 on 14×14; batch 64) ran at only 21-26 on one thread through
/// gathered columns: their products are small (6 or 16 filters, 100 output positions) and gathering weighed as much as
/// them. Few input channels at stride 1 therefore skip the columns forward (<see cref="DirectConvolution"/>), and at
/// stride 1 the backward pass copies whole column rows from padded planes (<see cref="DirectConvolution.Backward"/>).
/// More input channels at stride 1 skip them forward too (<see cref="RegisterTiledConvolution"/>: tiles of filters × output
/// vectors in registers over padded planes): the 3×3 64→64 layer then runs forward at 107 GFLOP/s on one thread (91 % of
/// the peak; through the columns 92, 78 %).
/// The batch's samples are split over the threads (<see cref="KernelThreading.RunRanges"/>) in slots, each with its own
/// columns in the workspace: the output and the input's gradient of a sample are computed whole on one thread, bit-identical
/// whatever the thread count; each slot sums its samples' weight and bias gradients into its own part of the workspace, and
/// the parts are added to the caller's gradients in slot order: bit-identical from run to run for a given thread count, within
/// rounding across thread counts. With one slot (a batch of one, or a workspace of one slot) the samples are not split but
/// the products are, over their units, as a dense layer's: the output is then within rounding of one thread's (the tiled
/// forward pass splits each sample's filter tiles instead, bit-identical to one thread's).
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Conv2DKernels
{
    /// <summary>
    /// The length of the workspace <see cref="Forward"/> and <see cref="Backward"/> take for up to <paramref name="batch"/>
    /// samples: one slot of <see cref="SlotLength"/> values per thread that can compute at once (the larger of the processor
    /// count and <see cref="KernelThreading.ThreadCount"/>, at most one per sample). A shorter workspace, of at least one slot,
    /// is accepted and uses fewer threads.
    /// </summary>
    public static int WorkspaceLength(in Conv2DGeometry geometry, int batch)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batch);
        int threads = Math.Max(Environment.ProcessorCount, KernelThreading.ThreadCount);
        return checked(Math.Min(batch, threads) * SlotLength(geometry));
    }

    /// <summary>
    /// One thread's part of the workspace: the columns of a chunk of output rows <c>[K, chunk]</c> and the chunk's output (or
    /// output gradient) <c>[outputChannels, chunk]</c>, then the slot's weight gradients and one chunk's
    /// <c>[outputChannels, K]</c>, then the slot's bias gradients <c>[outputChannels]</c>. The backward chunks are the larger.
    /// </summary>
    private static int SlotLength(in Conv2DGeometry g) => checked(WeightSumStart(g) + 2 * g.WeightCount + g.OutputChannels);

    /// <summary>Where a slot's weight-gradient sum starts: after the largest (backward) chunk's columns and output gradients.</summary>
    private static int WeightSumStart(in Conv2DGeometry g) => Math.Max(
        checked((g.FilterSize + g.OutputChannels) * ColumnStride(ChunkRows(g, BackwardChunkValues) * g.OutputWidth)),
        DirectConvolution.BackwardApplies(g, BackwardChunkValues) ? DirectConvolution.BackwardScratchLength(g) : 0);

    // The products' rows (columns, outputs and their gradients) are laid out a whole number of 64-byte vectors apart, zeros
    // after the chunk's values: DenseKernels' products along a row then have no remainder. Measured on LeNet's second layer
    // ([16, 150] by [150, 100] a sample, batch 64, float, one thread, the machine shared): forward product 749 against
    // 313 us, weights' gradient 545 against 391, columns' gradient 696 against 331 with rows of 112 rather than 100.
    private const int ColumnAlignment = 16;

    /// <summary>The distance between rows of a chunk of <paramref name="length"/> output positions: the length rounded up to <see cref="ColumnAlignment"/>.</summary>
    private static int ColumnStride(int length) => checked((length + ColumnAlignment - 1) / ColumnAlignment * ColumnAlignment);

    // How many values of columns a chunk holds at most. Measured on a 3×3 64→64 layer on 32×32 (K = 576), float, one core,
    // GFLOP/s for chunks of 24 K, 48 K, 96 K, 192 K, 384 K values and the whole sample (590 K): forward 76, 82, 85, 80-87, 77-80,
    // 67-70; backward 54, 66, 79, 76-80, 81, 85. The forward reads the columns once per four filters, from L2 when they fit
    // (384 KB in float); the backward's weight gradient is a dot product along the chunk, the longer the better.
    private const int ForwardChunkValues = 96 * 1024;
    private const int BackwardChunkValues = 1024 * 1024;

    /// <summary>How many output rows a chunk of at most <paramref name="values"/> column values covers (at least one).</summary>
    private static int ChunkRows(in Conv2DGeometry g, int values) =>
        Math.Clamp(values / (g.FilterSize * g.OutputWidth), 1, g.OutputHeight);

    /// <summary>Writes <c>output = weights ⋆ input + biases</c> for every sample.</summary>
    /// <exception cref="ArgumentException">A span's length is not the one the geometry and batch give (biases: nor 0).</exception>
    public static unsafe void Forward<T>(
        ReadOnlySpan<T> input, ReadOnlySpan<T> weights, ReadOnlySpan<T> biases, Span<T> output, Span<T> workspace, in Conv2DGeometry geometry, int batch)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batch);
        SpanLengths.Check(input.Length, batch * geometry.InputSize, nameof(input), "batch·inputChannels·inputHeight·inputWidth");
        SpanLengths.Check(weights.Length, geometry.WeightCount, nameof(weights), "outputChannels·inputChannels·kernelHeight·kernelWidth");
        SpanLengths.CheckOptional(biases.Length, geometry.OutputChannels, nameof(biases), "outputChannels", "a convolution without biases");
        SpanLengths.Check(output.Length, batch * geometry.OutputSize, nameof(output), "batch·outputChannels·outputHeight·outputWidth");
        int slots = Slots(workspace.Length, geometry, batch, nameof(workspace));
        fixed (T* pi = input, pw = weights, pb = biases, po = output, ps = workspace)
        {
            if (slots == 1 && KernelThreading.ThreadCount > 1 && RegisterTiledConvolution.Applies<T>(geometry, SlotLength(geometry)))
            {
                // One slot: the threads split each sample's filters instead, from the planes padded here.
                Span<T> scratch = workspace[..SlotLength(geometry)];
                RegisterTiledConvolution.PackWeights(weights, scratch, geometry);
                for (int s = 0; s < batch; s++)
                {
                    RegisterTiledConvolution.Pad(input.Slice(s * geometry.InputSize, geometry.InputSize), scratch, geometry);
                    var sample = new TiledSample<T>(new(pb, biases.Length), new(po + s * geometry.OutputSize, geometry.OutputSize), new(ps, scratch.Length), geometry);
                    KernelThreading.RunRanges(&ForwardFilterTiles<T>, (nint)(&sample), RegisterTiledConvolution.FilterTiles<T>(geometry), Work(geometry, 1));
                }
                return;
            }
            var arguments = new Arguments<T>(
                new(pi, input.Length), new(pw, weights.Length), new(pb, biases.Length), new(po, output.Length),
                default, default, default, new(ps, workspace.Length), geometry, batch, slots);
            KernelThreading.RunRanges(&ForwardSlots<T>, (nint)(&arguments), slots, Work(geometry, batch));
        }
    }

    /// <summary>
    /// From the loss's gradient with respect to the output, <b>adds</b> the weights' gradients to
    /// <paramref name="weightGradients"/>, the biases' to <paramref name="biasGradients"/> (empty: no biases) and the input's
    /// to <paramref name="inputGradients"/> (empty: not wanted, as for a first layer).
    /// </summary>
    /// <exception cref="ArgumentException">A span's length is not the one the geometry and batch give (optional ones: nor 0).</exception>
    public static unsafe void Backward<T>(
        ReadOnlySpan<T> input, ReadOnlySpan<T> weights, ReadOnlySpan<T> outputGradients,
        Span<T> weightGradients, Span<T> biasGradients, Span<T> inputGradients, Span<T> workspace, in Conv2DGeometry geometry, int batch)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batch);
        SpanLengths.Check(input.Length, batch * geometry.InputSize, nameof(input), "batch·inputChannels·inputHeight·inputWidth");
        SpanLengths.Check(weights.Length, geometry.WeightCount, nameof(weights), "outputChannels·inputChannels·kernelHeight·kernelWidth");
        SpanLengths.Check(outputGradients.Length, batch * geometry.OutputSize, nameof(outputGradients), "batch·outputChannels·outputHeight·outputWidth");
        SpanLengths.Check(weightGradients.Length, geometry.WeightCount, nameof(weightGradients), "outputChannels·inputChannels·kernelHeight·kernelWidth");
        SpanLengths.CheckOptional(biasGradients.Length, geometry.OutputChannels, nameof(biasGradients), "outputChannels", "a convolution without biases");
        SpanLengths.CheckOptional(inputGradients.Length, batch * geometry.InputSize, nameof(inputGradients), "batch·inputChannels·inputHeight·inputWidth",
            "a first layer, whose input's gradient is not wanted");
        int slots = Slots(workspace.Length, geometry, batch, nameof(workspace));
        fixed (T* pi = input, pw = weights, pdy = outputGradients, pdw = weightGradients, pdb = biasGradients, pdx = inputGradients, ps = workspace)
        {
            var arguments = new Arguments<T>(
                new(pi, input.Length), new(pw, weights.Length), default, new(pdy, outputGradients.Length),
                new(pdw, weightGradients.Length), new(pdb, biasGradients.Length), new(pdx, inputGradients.Length), new(ps, workspace.Length),
                geometry, batch, slots);
            KernelThreading.RunRanges(&BackwardSlots<T>, (nint)(&arguments), slots, 2 * Work(geometry, batch));
        }
        // The slots' sums, added in slot order whatever thread computed them.
        int slotLength = SlotLength(geometry);
        for (int slot = 0; slot < slots; slot++)
        {
            Span<T> part = workspace.Slice(slot * slotLength + WeightSumStart(geometry));
            Kernels.Add(weightGradients, part[..geometry.WeightCount], weightGradients);
            if (!biasGradients.IsEmpty)
            {
                Kernels.Add(biasGradients, part.Slice(2 * geometry.WeightCount, geometry.OutputChannels), biasGradients);
            }
        }
    }

    /// <summary>How many slots the workspace holds for this batch and thread count.</summary>
    /// <exception cref="ArgumentException">The workspace is shorter than one slot.</exception>
    private static int Slots(int workspaceLength, in Conv2DGeometry geometry, int batch, string name)
    {
        int slotLength = SlotLength(geometry);
        if (workspaceLength < slotLength)
        {
            throw new ArgumentException(
                $"workspace holds {workspaceLength} values; it must hold at least one thread's slot (a chunk's columns and gradients, or a sample's from its padded planes, then 2·outputChannels·K + outputChannels values) = {slotLength} "
                + $"(WorkspaceLength gives every thread's: {WorkspaceLength(geometry, batch)}).", name);
        }
        return Math.Min(Math.Min(batch, KernelThreading.ThreadCount), workspaceLength / slotLength);
    }

    /// <summary>
    /// The work of one product over the batch, for <see cref="KernelThreading.RunRanges"/>: its multiply-adds, and each
    /// column value gathered counted as eight (LeNet's first layer, batch 64, one thread: its 1.25 M column values took about
    /// 250 µs to gather, its 7.5 M multiply-adds 186 µs). Counted as multiply-adds alone, that layer stayed under the work for
    /// which a blocked worker is woken, and ran on one thread.
    /// </summary>
    private static long Work(in Conv2DGeometry g, int batch) =>
        (long)batch * (g.WeightCount + 8L * g.FilterSize) * g.OutputHeight * g.OutputWidth;

    /// <summary>The samples of slot <paramref name="slot"/> of <paramref name="slots"/>: contiguous, as even as can be.</summary>
    private static (int First, int End) SamplesOf(int slot, int slots, int batch) =>
        ((int)((long)slot * batch / slots), (int)((long)(slot + 1) * batch / slots));

    /// <summary>The spans every slot reads or writes, fixed for the duration of the call.</summary>
    private readonly record struct Arguments<T>(
        FixedSpan<T> Input, FixedSpan<T> Weights, FixedSpan<T> Biases, FixedSpan<T> Output,
        FixedSpan<T> WeightGradients, FixedSpan<T> BiasGradients, FixedSpan<T> InputGradients, FixedSpan<T> Workspace,
        Conv2DGeometry Geometry, int Batch, int Slots)
        where T : unmanaged;

    /// <summary>One sample's spans for <see cref="ForwardFilterTiles"/>, fixed for the duration of the call.</summary>
    private readonly record struct TiledSample<T>(FixedSpan<T> Biases, FixedSpan<T> Output, FixedSpan<T> Scratch, Conv2DGeometry Geometry)
        where T : unmanaged;

    private static unsafe void ForwardFilterTiles<T>(nint sample, int first, int end) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ref readonly TiledSample<T> a = ref *(TiledSample<T>*)sample;
        RegisterTiledConvolution.ForwardFilterTiles<T>(a.Biases.Span, a.Output.Span, a.Scratch.Span, a.Geometry, first, end);
    }

    private static unsafe void ForwardSlots<T>(nint arguments, int first, int end) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ref readonly Arguments<T> a = ref *(Arguments<T>*)arguments;
        Conv2DGeometry g = a.Geometry;
        int slotLength = SlotLength(g), k = g.FilterSize, p = g.OutputHeight * g.OutputWidth, outC = g.OutputChannels;
        int chunkRows = ChunkRows(g, ForwardChunkValues), chunkStride = ColumnStride(chunkRows * g.OutputWidth);
        bool direct = ConvolutionColumns.AreTheInput(g), fromPlanes = DirectConvolution.Applies(g, WeightSumStart(g));
        bool tiled = RegisterTiledConvolution.Applies<T>(g, slotLength);
        int step = direct ? g.OutputHeight : chunkRows; // the input as columns: one chunk, the whole sample
        ReadOnlySpan<T> input = a.Input.Span, weights = a.Weights.Span, biases = a.Biases.Span;
        Span<T> output = a.Output.Span, workspace = a.Workspace.Span;
        if (tiled)
        {
            // This thread's slots in turn: the first one's scratch serves them all, the weights laid out in it once.
            Span<T> scratch = workspace.Slice(first * slotLength, slotLength);
            RegisterTiledConvolution.PackWeights(weights, scratch, g);
            (int sampleStart, _) = SamplesOf(first, a.Slots, a.Batch);
            (int sampleEnd, _) = SamplesOf(end, a.Slots, a.Batch);
            for (int s = sampleStart; s < sampleEnd; s++)
            {
                RegisterTiledConvolution.Forward(input.Slice(s * g.InputSize, g.InputSize), biases, output.Slice(s * g.OutputSize, g.OutputSize), scratch, g);
            }
            return;
        }
        for (int slot = first; slot < end; slot++)
        {
            Span<T> columns = workspace.Slice(slot * slotLength, k * chunkStride);
            Span<T> chunkOutput = workspace.Slice(slot * slotLength + k * chunkStride, outC * chunkStride);
            (int sampleStart, int sampleEnd) = SamplesOf(slot, a.Slots, a.Batch);
            for (int s = sampleStart; s < sampleEnd; s++)
            {
                ReadOnlySpan<T> sample = input.Slice(s * g.InputSize, g.InputSize);
                Span<T> y = output.Slice(s * g.OutputSize, g.OutputSize);
                if (fromPlanes)
                {
                    DirectConvolution.Forward(sample, weights, biases, y, workspace.Slice(slot * slotLength, WeightSumStart(g)), g);
                    continue;
                }
                for (int row = 0; row < g.OutputHeight; row += step)
                {
                    int rowEnd = Math.Min(row + step, g.OutputHeight), length = (rowEnd - row) * g.OutputWidth;
                    int stride = direct ? length : ColumnStride(length);
                    bool inPlace = length == p && stride == p; // the whole sample, unpadded: straight into the output
                    Span<T> target = inPlace ? y : chunkOutput[..(outC * stride)];
                    for (int o = 0; o < outC; o++)
                    {
                        target.Slice(o * stride, stride).Fill(biases.IsEmpty ? T.Zero : biases[o]);
                    }
                    ReadOnlySpan<T> col = sample;
                    if (!direct)
                    {
                        ConvolutionColumns.Gather(sample, columns, g, row, rowEnd, stride);
                        col = columns[..(k * stride)];
                    }
                    // y[o, p] += Σ_k W[o, k]·col[k, p]
                    DenseKernels.AccumulateInputGradients(weights, col, target, outC, stride, k);
                    if (!inPlace)
                    {
                        for (int o = 0; o < outC; o++)
                        {
                            target.Slice(o * stride, length).CopyTo(y.Slice(o * p + row * g.OutputWidth, length));
                        }
                    }
                }
            }
        }
    }

    private static unsafe void BackwardSlots<T>(nint arguments, int first, int end) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ref readonly Arguments<T> a = ref *(Arguments<T>*)arguments;
        Conv2DGeometry g = a.Geometry;
        int slotLength = SlotLength(g), k = g.FilterSize, p = g.OutputHeight * g.OutputWidth, outC = g.OutputChannels;
        int chunkRows = ChunkRows(g, BackwardChunkValues), chunkStride = ColumnStride(chunkRows * g.OutputWidth);
        bool direct = ConvolutionColumns.AreTheInput(g);
        int step = direct ? g.OutputHeight : chunkRows; // the input as columns: one chunk, the whole sample
        ReadOnlySpan<T> input = a.Input.Span, weights = a.Weights.Span, outputGradients = a.Output.Span;
        Span<T> inputGradients = a.InputGradients.Span, workspace = a.Workspace.Span;
        bool wantsBiases = a.BiasGradients.Span.Length != 0, fromPlanes = DirectConvolution.BackwardApplies(g, BackwardChunkValues);
        for (int slot = first; slot < end; slot++)
        {
            Span<T> slotSpan = workspace.Slice(slot * slotLength, slotLength);
            Span<T> columns = slotSpan[..(k * chunkStride)];
            Span<T> chunkGradients = slotSpan.Slice(k * chunkStride, outC * chunkStride);
            Span<T> weightSum = slotSpan.Slice(WeightSumStart(g), g.WeightCount);
            Span<T> chunkWeights = slotSpan.Slice(WeightSumStart(g) + g.WeightCount, g.WeightCount);
            Span<T> biasSum = slotSpan.Slice(WeightSumStart(g) + 2 * g.WeightCount, outC);
            weightSum.Clear();
            biasSum.Clear();
            (int sampleStart, int sampleEnd) = SamplesOf(slot, a.Slots, a.Batch);
            for (int s = sampleStart; s < sampleEnd; s++)
            {
                ReadOnlySpan<T> sample = input.Slice(s * g.InputSize, g.InputSize);
                ReadOnlySpan<T> dy = outputGradients.Slice(s * g.OutputSize, g.OutputSize);
                Span<T> dx = inputGradients.IsEmpty ? default : inputGradients.Slice(s * g.InputSize, g.InputSize);
                if (wantsBiases)
                {
                    for (int o = 0; o < outC; o++)
                    {
                        biasSum[o] += TensorPrimitives.Sum(dy.Slice(o * p, p));
                    }
                }
                if (fromPlanes)
                {
                    DirectConvolution.Backward(sample, weights, dy, chunkWeights, dx, slotSpan[..WeightSumStart(g)], g);
                    Kernels.Add(weightSum, chunkWeights, weightSum);
                    continue;
                }
                for (int row = 0; row < g.OutputHeight; row += step)
                {
                    int rowEnd = Math.Min(row + step, g.OutputHeight), length = (rowEnd - row) * g.OutputWidth;
                    int stride = direct ? length : ColumnStride(length);
                    ReadOnlySpan<T> dyChunk = dy;
                    if (length != p || stride != p)
                    {
                        // The chunk's gradients, rows as far apart as the columns', zeros after them (they meet the columns' zeros).
                        Span<T> gathered = chunkGradients[..(outC * stride)];
                        for (int o = 0; o < outC; o++)
                        {
                            dy.Slice(o * p + row * g.OutputWidth, length).CopyTo(gathered.Slice(o * stride, length));
                            gathered.Slice(o * stride + length, stride - length).Clear();
                        }
                        dyChunk = gathered;
                    }
                    ReadOnlySpan<T> col = sample;
                    if (!direct)
                    {
                        ConvolutionColumns.Gather(sample, columns, g, row, rowEnd, stride);
                        col = columns[..(k * stride)];
                    }
                    // dW[o, k] = Σ_p dy[o, p]·col[k, p], summed over the chunks and the slot's samples.
                    DenseKernels.Forward(dyChunk, col, default, chunkWeights, outC, stride, k);
                    Kernels.Add(weightSum, chunkWeights, weightSum);
                    if (dx.IsEmpty)
                    {
                        continue;
                    }
                    // dcol[k, p] = Σ_o W[o, k]·dy[o, p], added back to the pixels it was gathered from.
                    if (direct)
                    {
                        DenseKernels.ParameterGradients(weights, dyChunk, dx, default, outC, stride, k, accumulate: true);
                        continue;
                    }
                    DenseKernels.ParameterGradients(weights, dyChunk, columns, default, outC, stride, k, accumulate: false);
                    ConvolutionColumns.ScatterAdd<T>(columns[..(k * stride)], dx, g, row, rowEnd, stride);
                }
            }
        }
    }
}

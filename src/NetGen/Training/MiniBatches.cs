using System;
using System.Numerics;

namespace NetGen;

/// <summary>
/// Cuts a dataset into mini-batches, in order or in a shuffled order. A shuffled batch's rows are copied into buffers
/// allocated once; an in-order batch is a slice of the dataset, with no copy.
/// </summary>
internal sealed class MiniBatches<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Dataset<T> _data;
    private readonly int _batchSize;
    private readonly SeededRandom? _random;
    private readonly int[] _order;
    private readonly T[] _inputs;
    private readonly T[] _targets;

    /// <summary>
    /// Prepares batches of <paramref name="batchSize"/> samples; with <paramref name="shuffle"/>, one generator seeded once with
    /// <paramref name="seed"/> draws every epoch's order, or, given <paramref name="resumeFrom"/>, a generator continuing from that state.
    /// </summary>
    public MiniBatches(Dataset<T> data, int batchSize, bool shuffle, int seed, SeededRandomState? resumeFrom = null)
    {
        _data = data;
        _batchSize = batchSize;
        BatchCount = (data.Count + batchSize - 1) / batchSize;
        if (shuffle)
        {
            _random = resumeFrom is SeededRandomState state ? new SeededRandom(state) : new SeededRandom(seed);
            _order = new int[data.Count];
            _inputs = new T[Math.Min(batchSize, data.Count) * data.InputSize];
            _targets = new T[Math.Min(batchSize, data.Count) * data.TargetSize];
        }
        else
        {
            _order = [];
            _inputs = [];
            _targets = [];
        }
    }

    /// <summary>The shuffling generator's state, which decides the order of the next epochs; null when not shuffling.</summary>
    public SeededRandomState? RandomState => _random?.GetState();

    /// <summary>The number of batches per epoch; the last one holds the remaining samples.</summary>
    public int BatchCount { get; }

    /// <summary>Draws the sample order of a new epoch (when shuffling): a uniform permutation that depends only on the seed and the epoch.</summary>
    public void StartEpoch()
    {
        if (_random is null)
        {
            return;
        }
        for (int i = 0; i < _order.Length; i++)
        {
            _order[i] = i;
        }
        _random.Shuffle<int>(_order);
    }

    /// <summary>The index in the dataset of row <paramref name="row"/> of batch <paramref name="batch"/> (both from 0) in this epoch's order.</summary>
    public int SampleIndex(int batch, int row) => _random is null ? batch * _batchSize + row : _order[batch * _batchSize + row];

    /// <summary>Returns the size of batch <paramref name="batch"/> (from 0) and its inputs and targets.</summary>
    public int Get(int batch, out ReadOnlySpan<T> inputs, out ReadOnlySpan<T> targets)
    {
        int start = batch * _batchSize;
        int size = Math.Min(_batchSize, _data.Count - start);
        int inputSize = _data.InputSize;
        int targetSize = _data.TargetSize;
        if (_random is null)
        {
            inputs = _data.Inputs.Slice(start * inputSize, size * inputSize);
            targets = _data.Targets.Slice(start * targetSize, size * targetSize);
            return size;
        }
        for (int row = 0; row < size; row++)
        {
            int sample = _order[start + row];
            _data.InputOf(sample).CopyTo(_inputs.AsSpan(row * inputSize, inputSize));
            _data.TargetOf(sample).CopyTo(_targets.AsSpan(row * targetSize, targetSize));
        }
        inputs = _inputs.AsSpan(0, size * inputSize);
        targets = _targets.AsSpan(0, size * targetSize);
        return size;
    }
}

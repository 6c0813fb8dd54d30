using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Compare;

/// <summary>Which recurrent cell a case runs.</summary>
public enum RecurrentCell { Lstm, Gru }

/// <summary>
/// The TorchSharp side of the recurrent cases: <c>nn.LSTM</c> or <c>nn.GRU</c> (one layer, <c>batch_first = true</c>, as
/// NetGen's inputs <c>[batch, steps, features]</c>) and an <c>nn.Linear</c> head on the last step's hidden state, with
/// PyTorch's own initialization. Its parameters in state-dict order (<c>weight_ih_l0</c>, <c>weight_hh_l0</c>,
/// <c>bias_ih_l0</c>, <c>bias_hh_l0</c>, the head's weight and bias) are NetGen's layout, so they copy over flat.
/// </summary>
public sealed class TorchRecurrent : IDisposable
{
    private static readonly string[] CellNames = ["weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0"];
    private readonly LSTM? _lstm;
    private readonly GRU? _gru;
    private readonly Linear _head;

    /// <summary>Creates the modules; <paramref name="seed"/> seeds libtorch's generator first, so that the draws repeat.</summary>
    public TorchRecurrent(RecurrentCell cell, int inputs, int units, int classes, int seed)
    {
        random.manual_seed(seed);
        if (cell == RecurrentCell.Lstm)
        {
            _lstm = nn.LSTM(inputs, units, batchFirst: true);
        }
        else
        {
            _gru = nn.GRU(inputs, units, batchFirst: true);
        }
        _head = nn.Linear(units, classes);
        Sizes = [.. Ordered().Select(p => (int)p.numel())];
    }

    /// <summary>The lengths of weight_ih, weight_hh, bias_ih, bias_hh, head weight, head bias.</summary>
    public int[] Sizes { get; }

    public IEnumerable<Parameter> TrainableParameters() => Ordered();

    /// <summary>The logits <c>[batch, classes]</c> of <paramref name="x"/> <c>[batch, steps, inputs]</c>.</summary>
    public Tensor Forward(Tensor x)
    {
        Tensor last = _lstm is not null ? _lstm.forward(x, null).Item2[0] : _gru!.forward(x, null).Item2[0];
        return _head.forward(last);
    }

    /// <summary>Copies flat parameters, in state-dict order, in.</summary>
    public void Load(ReadOnlySpan<float> parameters)
    {
        using var noGrad = no_grad();
        int offset = 0;
        foreach (Parameter p in Ordered())
        {
            int length = (int)p.numel();
            using Tensor value = tensor(parameters.Slice(offset, length).ToArray(), p.shape);
            p.copy_(value);
            offset += length;
        }
    }

    public float[] ReadParameters() => [.. Ordered().SelectMany(p => p.data<float>().ToArray())];

    public float[] ReadGradients() => [.. Ordered().SelectMany(p => p.grad!.data<float>().ToArray())];

    private IEnumerable<Parameter> Ordered()
    {
        nn.Module cell = _lstm is not null ? _lstm : _gru!;
        foreach (string name in CellNames)
        {
            yield return cell.get_parameter(name) ?? throw new InvalidOperationException($"the cell has no parameter {name}");
        }
        yield return _head.weight!;
        yield return _head.bias!;
    }

    public void Dispose()
    {
        _lstm?.Dispose();
        _gru?.Dispose();
        _head.Dispose();
    }
}

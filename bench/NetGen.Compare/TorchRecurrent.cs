using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Compare;

/// <summary>
/// The TorchSharp side of the recurrent cases: <c>nn.LSTM</c> or <c>nn.GRU</c> (one layer, time-major) and an <c>nn.Linear</c>
/// head on the last step's hidden state, the parameters copied from a <see cref="NetGenRecurrent"/> (the same state-dict
/// order and layouts).
/// </summary>
public sealed class TorchRecurrent : IDisposable
{
    private static readonly string[] CellNames = ["weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0"];
    private readonly LSTM? _lstm;
    private readonly GRU? _gru;
    private readonly Linear _head;
    private readonly int[] _sizes;

    public TorchRecurrent(NetGenRecurrent source)
    {
        _sizes = source.Sizes;
        if (source.Cell == RecurrentCell.Lstm)
        {
            _lstm = nn.LSTM(source.Inputs, source.Units);
        }
        else
        {
            _gru = nn.GRU(source.Inputs, source.Units);
        }
        _head = nn.Linear(source.Units, source.Classes);
        Load(source.Parameters);
    }

    public IEnumerable<Parameter> TrainableParameters() => Ordered();

    /// <summary>The logits <c>[batch, classes]</c> of <paramref name="x"/> <c>[steps, batch, inputs]</c>.</summary>
    public Tensor Forward(Tensor x)
    {
        Tensor last = _lstm is not null ? _lstm.forward(x, null).Item2[0] : _gru!.forward(x, null).Item2[0];
        return _head.forward(last);
    }

    /// <summary>Copies NetGen-layout parameters in.</summary>
    public void Load(ReadOnlySpan<float> parameters)
    {
        using var noGrad = no_grad();
        int offset = 0;
        int index = 0;
        foreach (Parameter p in Ordered())
        {
            int length = _sizes[index++];
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

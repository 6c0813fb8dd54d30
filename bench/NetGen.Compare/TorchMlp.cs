using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Compare;

/// <summary>
/// The TorchSharp side: an <c>nn.Sequential</c> of <c>nn.Linear</c> and <c>nn.ReLU</c> whose weights and biases are
/// copied from NetGen's parameters (<c>nn.Linear.weight</c> is [out, in], NetGen's row-major layout).
/// </summary>
public sealed class TorchMlp : IDisposable
{
    private readonly int[] _sizes;
    private readonly Linear[] _linears;

    public TorchMlp(int[] sizes, ReadOnlySpan<float> parameters)
    {
        _sizes = sizes;
        int layers = sizes.Length - 1;
        _linears = new Linear[layers];
        var modules = new List<(string, nn.Module<Tensor, Tensor>)>();
        for (int l = 0; l < layers; l++)
        {
            _linears[l] = nn.Linear(sizes[l], sizes[l + 1]);
            modules.Add(($"linear{l + 1}", _linears[l]));
            if (l < layers - 1)
            {
                modules.Add(($"relu{l + 1}", nn.ReLU()));
            }
        }
        Model = nn.Sequential(modules);
        Load(parameters);
    }

    public Sequential Model { get; }

    public IEnumerable<Parameter> TrainableParameters() => Model.parameters();

    /// <summary>Copies NetGen-layout parameters (per layer: weights [out, in], then biases) into the modules.</summary>
    public void Load(ReadOnlySpan<float> parameters)
    {
        int offset = 0;
        using var noGrad = torch.no_grad();
        for (int l = 0; l < _linears.Length; l++)
        {
            int fanIn = _sizes[l];
            int units = _sizes[l + 1];
            using Tensor weights = torch.tensor(parameters.Slice(offset, units * fanIn).ToArray(), [units, fanIn]);
            offset += units * fanIn;
            using Tensor biases = torch.tensor(parameters.Slice(offset, units).ToArray(), [units]);
            offset += units;
            _linears[l].weight!.copy_(weights);
            _linears[l].bias!.copy_(biases);
        }
    }

    /// <summary>The parameters, in NetGen's layout.</summary>
    public float[] ReadParameters() => Read(l => _linears[l].weight!, l => _linears[l].bias!);

    /// <summary>The gradients of the last backward pass, in NetGen's layout.</summary>
    public float[] ReadGradients() => Read(l => _linears[l].weight!.grad!, l => _linears[l].bias!.grad!);

    private float[] Read(Func<int, Tensor> weights, Func<int, Tensor> biases)
    {
        var all = new List<float>();
        for (int l = 0; l < _linears.Length; l++)
        {
            all.AddRange(weights(l).data<float>().ToArray());
            all.AddRange(biases(l).data<float>().ToArray());
        }
        return [.. all];
    }

    public void Dispose()
    {
        Model.Dispose();
    }
}

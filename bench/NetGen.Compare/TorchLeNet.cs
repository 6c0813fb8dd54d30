using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Compare;

/// <summary>
/// The TorchSharp side of the convolutional cases: LeNet-5 with ReLU and max pooling as PyTorch users write it,
/// <c>nn.Sequential(Conv2d(1, 6, 5, padding 2), ReLU, MaxPool2d(2), Conv2d(6, 16, 5), ReLU, MaxPool2d(2), Flatten,
/// Linear(400, 120), ReLU, Linear(120, 84), ReLU, Linear(84, 10))</c>, with PyTorch's own initialization. Its parameters
/// in state-dict order (each layer's weight then bias; convolution weights <c>[out, in, k, k]</c>) are NetGen's layout.
/// </summary>
public sealed class TorchLeNet : IDisposable
{
    public TorchLeNet(int seed)
    {
        random.manual_seed(seed);
        Model = nn.Sequential(
            ("conv1", nn.Conv2d(1, 6, 5, padding: 2)), ("relu1", nn.ReLU()), ("pool1", nn.MaxPool2d(2)),
            ("conv2", nn.Conv2d(6, 16, 5)), ("relu2", nn.ReLU()), ("pool2", nn.MaxPool2d(2)),
            ("flatten", nn.Flatten()),
            ("fc1", nn.Linear(400, 120)), ("relu3", nn.ReLU()),
            ("fc2", nn.Linear(120, 84)), ("relu4", nn.ReLU()),
            ("fc3", nn.Linear(84, 10)));
        Sizes = [.. Model.parameters().Select(p => (int)p.numel())];
    }

    public Sequential Model { get; }

    /// <summary>The parameters' lengths, in state-dict order.</summary>
    public int[] Sizes { get; }

    public static readonly string[] ParameterNames =
        ["conv1.weight", "conv1.bias", "conv2.weight", "conv2.bias", "fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias", "fc3.weight", "fc3.bias"];

    /// <summary>Copies flat parameters, in state-dict order, in.</summary>
    public void Load(ReadOnlySpan<float> parameters)
    {
        using var noGrad = no_grad();
        int offset = 0;
        foreach (Parameter p in Model.parameters())
        {
            int length = (int)p.numel();
            using Tensor value = tensor(parameters.Slice(offset, length).ToArray(), p.shape);
            p.copy_(value);
            offset += length;
        }
    }

    public float[] ReadParameters() => [.. Model.parameters().SelectMany(p => p.data<float>().ToArray())];

    public float[] ReadGradients() => [.. Model.parameters().SelectMany(p => p.grad!.data<float>().ToArray())];

    public void Dispose() => Model.Dispose();
}

using static TorchSharp.torch;

namespace NetGen.Compare;

/// <summary>What the recurrent and convolutional cases share: the per-parameter checks after one step, and the timed contenders.</summary>
public static class SideBySide
{
    /// <summary>Compares each parameter's gradient and its value after the step, NetGen against TorchSharp, in state-dict order.</summary>
    public static void CompareParameters(
        CheckList checks, IReadOnlyList<string> names, IReadOnlyList<int> sizes,
        float[] gradientsNetGen, float[] gradientsTorch, float[] parametersNetGen, float[] parametersTorch)
    {
        int offset = 0;
        for (int p = 0; p < names.Count; p++)
        {
            int length = sizes[p];
            checks.Compare($"gradients {names[p]}", "TorchSharp", gradientsNetGen.AsSpan(offset, length), gradientsTorch.AsSpan(offset, length));
            checks.Compare($"updated {names[p]}", "TorchSharp", parametersNetGen.AsSpan(offset, length), parametersTorch.AsSpan(offset, length));
            offset += length;
        }
    }

    /// <summary>
    /// NetGen's <c>TrainStep</c> and TorchSharp's zero_grad / cross-entropy / backward / step, on each thread count. Each
    /// sample starts again from the initial parameters, so that both sides follow the same k steps.
    /// </summary>
    public static List<Contender> SgdSteps(
        INetwork<float> network, float[] initial, float[] inputs, float[] targets, int batch, Sgd<float> sgd,
        Func<Tensor, Tensor> torchForward, Action<float[]> torchLoad, optim.Optimizer optimizer, Tensor x, Tensor y, IReadOnlyList<int> threadCounts)
    {
        var contenders = new List<Contender>();
        foreach (int threads in threadCounts)
        {
            contenders.Add(new()
            {
                Name = "NetGen", Threads = threads,
                Prepare = () => { KernelThreading.ThreadCount = threads; initial.CopyTo(network.Parameters); },
                Run = k => { for (int i = 0; i < k; i++) { network.TrainStep(inputs, targets, batch, sgd); } },
            });
        }
        foreach (int threads in threadCounts)
        {
            contenders.Add(new()
            {
                Name = "TorchSharp", Threads = threads,
                Prepare = () => { Cases.TorchThreads.Set(threads); torchLoad(initial); },
                Run = k =>
                {
                    for (int i = 0; i < k; i++)
                    {
                        using var scope = NewDisposeScope();
                        optimizer.zero_grad();
                        Tensor loss = nn.functional.cross_entropy(torchForward(x), y);
                        loss.backward();
                        optimizer.step();
                        _ = loss.item<float>();   // NetGen's TrainStep returns the loss too
                    }
                },
            });
        }
        return contenders;
    }

    /// <summary>NetGen's call and TorchSharp's k calls, on each thread count (NetGen's by <see cref="KernelThreading.ThreadCount"/>, TorchSharp's by its intra-op threads).</summary>
    public static List<Contender> Calls(Action netGen, Action<int> torch, IReadOnlyList<int> threadCounts)
    {
        var contenders = new List<Contender>();
        foreach (int threads in threadCounts)
        {
            contenders.Add(new()
            {
                Name = "NetGen", Threads = threads,
                Prepare = () => { KernelThreading.ThreadCount = threads; },
                Run = k => { for (int i = 0; i < k; i++) { netGen(); } },
            });
        }
        foreach (int threads in threadCounts)
        {
            contenders.Add(new()
            {
                Name = "TorchSharp", Threads = threads,
                Prepare = () => Cases.TorchThreads.Set(threads),
                Run = torch,
            });
        }
        return contenders;
    }
}

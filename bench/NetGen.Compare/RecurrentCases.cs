using static TorchSharp.torch;

namespace NetGen.Compare;

/// <summary>
/// The recurrent cases of issue 15: an LSTM or GRU (input 28, hidden 128, 28 steps: row-by-row MNIST's shape) with a dense
/// head of 10 on the last step, softmax cross-entropy, SGD; NetGen's kernels (<see cref="NetGenRecurrent"/>) beside
/// TorchSharp's <c>nn.LSTM</c>/<c>nn.GRU</c> + <c>nn.Linear</c> on the same weights, checked equal first.
/// </summary>
public static class RecurrentCases
{
    private const int Steps = 28, Inputs = 28, Units = 128, Classes = 10;
    private const float LearningRate = 0.01f;

    /// <summary>One SGD training step on a batch.</summary>
    public static CaseResult Training(string id, RecurrentCell cell, int batch, IReadOnlyList<int> torchThreads, HarnessOptions options)
    {
        string title = $"{Name(cell)} training step, batch {batch}";
        Console.WriteLine($"{id}. {title}: {Name(cell)} 28 -> 128 over 28 steps, dense 10 on the last step, softmax cross-entropy, SGD lr 0.01");
        var network = new NetGenRecurrent(cell, Steps, Inputs, Units, Classes, batch, seed: 1);
        float[] initial = [.. network.Parameters];
        (float[] inputs, long[] labels) = Data(batch, seed: 20 + batch);
        using var torchNetwork = new TorchRecurrent(network);
        using var optimizer = optim.SGD(torchNetwork.TrainableParameters(), LearningRate);
        using Tensor x = tensor(inputs, [Steps, batch, Inputs]);
        using Tensor y = tensor(labels, [batch]);

        var checks = new CheckList();
        float[] logitsNetGen = new float[batch * Classes];
        network.Forward(inputs, logitsNetGen, batch);
        float[] logitsTorch;
        using (no_grad())
        using (NewDisposeScope())
        {
            logitsTorch = torchNetwork.Forward(x).data<float>().ToArray();
        }
        checks.Compare("forward (logits)", "TorchSharp", logitsNetGen, logitsTorch);
        float lossNetGen = network.TrainStep(inputs, labels, batch, LearningRate);
        float[] gradientsNetGen = [.. network.Gradients];
        float lossTorch;
        float[] gradientsTorch;
        using (NewDisposeScope())
        {
            optimizer.zero_grad();
            Tensor loss = nn.functional.cross_entropy(torchNetwork.Forward(x), y);
            loss.backward();
            lossTorch = loss.item<float>();
            gradientsTorch = torchNetwork.ReadGradients();
            optimizer.step();
        }
        checks.Compare("loss", "TorchSharp", [lossNetGen], [lossTorch]);
        string[] names = ["weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0", "head weight", "head bias"];
        float[] parametersTorch = torchNetwork.ReadParameters();
        int offset = 0;
        for (int p = 0; p < names.Length; p++)
        {
            int length = network.Sizes[p];
            checks.Compare($"gradients {names[p]}", "TorchSharp", gradientsNetGen.AsSpan(offset, length), gradientsTorch.AsSpan(offset, length));
            checks.Compare($"updated {names[p]}", "TorchSharp", network.Parameters.AsSpan(offset, length), parametersTorch.AsSpan(offset, length));
            offset += length;
        }
        double flops = network.TrainingFlops(batch);
        if (!checks.AllPass)
        {
            return Cases.Aborted(id, title, flops, checks);
        }

        var contenders = new List<Contender>();
        foreach (int threads in torchThreads)
        {
            contenders.Add(new()
            {
                Name = "NetGen", Threads = threads,
                Prepare = () => { KernelThreading.ThreadCount = threads; initial.CopyTo(network.Parameters, 0); },
                Run = k => { for (int i = 0; i < k; i++) { network.TrainStep(inputs, labels, batch, LearningRate); } },
            });
        }
        foreach (int threads in torchThreads)
        {
            contenders.Add(new()
            {
                Name = "TorchSharp", Threads = threads,
                Prepare = () => { Cases.TorchThreads.Set(threads); torchNetwork.Load(initial); },
                Run = k =>
                {
                    for (int i = 0; i < k; i++)
                    {
                        using var scope = NewDisposeScope();
                        optimizer.zero_grad();
                        Tensor loss = nn.functional.cross_entropy(torchNetwork.Forward(x), y);
                        loss.backward();
                        optimizer.step();
                        _ = loss.item<float>();   // NetGen's TrainStep returns the loss too
                    }
                },
            });
        }
        return Cases.Timed(id, title, flops, checks, contenders, options);
    }

    /// <summary>The logits of one sequence, copied to a managed array.</summary>
    public static CaseResult Inference(string id, RecurrentCell cell, IReadOnlyList<int> torchThreads, HarnessOptions options)
    {
        string title = $"{Name(cell)} inference, one sequence";
        Console.WriteLine($"{id}. {title}: {Name(cell)} 28 -> 128 over 28 steps, dense 10 on the last step");
        var network = new NetGenRecurrent(cell, Steps, Inputs, Units, Classes, maxBatch: 1, seed: 1);
        (float[] input, _) = Data(1, seed: 5);
        using var torchNetwork = new TorchRecurrent(network);
        using Tensor x = tensor(input, [Steps, 1, Inputs]);

        var checks = new CheckList();
        float[] outputNetGen = new float[Classes], outputTorch = new float[Classes];
        network.Forward(input, outputNetGen, 1);
        TorchInfer(torchNetwork, x, outputTorch, 1);
        checks.Compare("forward (logits)", "TorchSharp", outputNetGen, outputTorch);
        double flops = network.ForwardFlops(1);
        if (!checks.AllPass)
        {
            return Cases.Aborted(id, title, flops, checks);
        }

        var contenders = new List<Contender>();
        foreach (int threads in torchThreads)
        {
            contenders.Add(new()
            {
                Name = "NetGen", Threads = threads,
                Prepare = () => { KernelThreading.ThreadCount = threads; },
                Run = k => { for (int i = 0; i < k; i++) { network.Forward(input, outputNetGen, 1); } },
            });
        }
        foreach (int threads in torchThreads)
        {
            contenders.Add(new()
            {
                Name = "TorchSharp", Threads = threads,
                Prepare = () => Cases.TorchThreads.Set(threads),
                Run = k => TorchInfer(torchNetwork, x, outputTorch, k),
            });
        }
        return Cases.Timed(id, title, flops, checks, contenders, options);
    }

    private static void TorchInfer(TorchRecurrent network, Tensor x, float[] output, int k)
    {
        using var noGrad = no_grad();
        for (int i = 0; i < k; i++)
        {
            using var scope = NewDisposeScope();
            network.Forward(x).data<float>().CopyTo(output);
        }
    }

    private static string Name(RecurrentCell cell) => cell == RecurrentCell.Lstm ? "LSTM" : "GRU";

    /// <summary>Sequences <c>[steps, batch, inputs]</c> like MNIST rows (80 % zeros, the rest in [0, 1)) and random labels.</summary>
    private static (float[] Inputs, long[] Labels) Data(int batch, int seed)
    {
        var random = new Random(seed);
        float[] x = [.. Enumerable.Range(0, Steps * batch * Inputs).Select(_ => random.NextDouble() < 0.8 ? 0f : (float)random.NextDouble())];
        long[] labels = [.. Enumerable.Range(0, batch).Select(_ => (long)random.Next(Classes))];
        return (x, labels);
    }
}

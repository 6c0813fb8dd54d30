using static TorchSharp.torch;

namespace NetGen.Compare;

/// <summary>
/// The recurrent cases of issue 15: an LSTM or GRU (input 28, hidden 128, 28 steps: row-by-row MNIST's shape) with a dense
/// head of 10 on the last step, softmax cross-entropy, SGD; NetGen's declared networks (<see cref="RecurrentLstm"/>,
/// <see cref="RecurrentGru"/>) beside TorchSharp's <c>nn.LSTM</c>/<c>nn.GRU</c> + <c>nn.Linear</c>, TorchSharp's
/// parameters copied into NetGen's, checked equal first. Inputs are batch-major <c>[batch, steps, features]</c> on both sides.
/// </summary>
public static class RecurrentCases
{
    private const int Steps = 28, Inputs = 28, Units = 128, Classes = 10;
    private const float LearningRate = 0.01f;
    private static readonly string[] ParameterNames = ["weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0", "head weight", "head bias"];

    /// <summary>One SGD training step on a batch.</summary>
    public static CaseResult Training(string id, RecurrentCell cell, int batch, IReadOnlyList<int> threadCounts, HarnessOptions options)
    {
        string title = $"{Name(cell)} training step, batch {batch}";
        Console.WriteLine($"{id}. {title}: {Name(cell)} 28 -> 128 over 28 steps, dense 10 on the last step, softmax cross-entropy, SGD lr 0.01");
        INetwork<float> network = Declared(cell, batch);
        using var torchNetwork = new TorchRecurrent(cell, Inputs, Units, Classes, seed: 1);
        float[] initial = CopyParameters(torchNetwork, network);
        (float[] inputs, float[] targets, long[] labels) = Data(batch, seed: 20 + batch);
        var sgd = new Sgd<float>(LearningRate);
        using var optimizer = optim.SGD(torchNetwork.TrainableParameters(), LearningRate);
        using Tensor x = tensor(inputs, [batch, Steps, Inputs]);
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
        // The gradients from ComputeGradients (the fused TrainStep applies them without keeping them), then the timed
        // call, TrainStep, from the same parameters: its loss and updated parameters are what is compared.
        network.ComputeGradients(inputs, targets, batch);
        float[] gradientsNetGen = network.Gradients.ToArray();
        float lossNetGen = network.TrainStep(inputs, targets, batch, sgd);
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
        float[] parametersNetGen = network.Parameters.ToArray(), parametersTorch = torchNetwork.ReadParameters();
        SideBySide.CompareParameters(checks, ParameterNames, torchNetwork.Sizes, gradientsNetGen, gradientsTorch, parametersNetGen, parametersTorch);
        double flops = TrainingFlops(cell, batch);
        if (!checks.AllPass)
        {
            return Cases.Aborted(id, title, flops, checks);
        }

        List<Contender> contenders = SideBySide.SgdSteps(
            network, initial, inputs, targets, batch, sgd, torchNetwork.Forward, p => torchNetwork.Load(p), optimizer, x, y, threadCounts);
        return Cases.Timed(id, title, flops, checks, contenders, options);
    }

    /// <summary>The logits of one sequence, copied to a managed array.</summary>
    public static CaseResult Inference(string id, RecurrentCell cell, IReadOnlyList<int> threadCounts, HarnessOptions options)
    {
        string title = $"{Name(cell)} inference, one sequence";
        Console.WriteLine($"{id}. {title}: {Name(cell)} 28 -> 128 over 28 steps, dense 10 on the last step");
        INetwork<float> network = Declared(cell, maxBatch: 1);
        network.IsTraining = false;
        using var torchNetwork = new TorchRecurrent(cell, Inputs, Units, Classes, seed: 1);
        CopyParameters(torchNetwork, network);
        (float[] input, _, _) = Data(1, seed: 5);
        using Tensor x = tensor(input, [1, Steps, Inputs]);

        var checks = new CheckList();
        float[] outputNetGen = new float[Classes], outputTorch = new float[Classes];
        network.Forward(input, outputNetGen);
        TorchInfer(torchNetwork, x, outputTorch, 1);
        checks.Compare("forward (logits)", "TorchSharp", outputNetGen, outputTorch);
        double flops = ForwardFlops(cell, 1);
        if (!checks.AllPass)
        {
            return Cases.Aborted(id, title, flops, checks);
        }

        List<Contender> contenders = SideBySide.Calls(
            () => network.Forward(input, outputNetGen), k => TorchInfer(torchNetwork, x, outputTorch, k), threadCounts);
        return Cases.Timed(id, title, flops, checks, contenders, options);
    }

    /// <summary>
    /// The floating-point operations (2 per multiply-add) of the products of a training step: forward W_ih·x for every step
    /// and W_hh·h from the second step on (h_0 is zero); backward ∂W_ih, and W_hhᵀ·dz and ∂W_hh from the second step on
    /// (h_0's gradient is not wanted, and h_0 is zero); the head 3 times.
    /// </summary>
    public static double TrainingFlops(RecurrentCell cell, int batch)
    {
        double rows = GateCount(cell) * Units;
        return 2.0 * batch * (2 * Steps * rows * Inputs + 3 * (Steps - 1) * rows * Units + 3.0 * Classes * Units);
    }

    /// <summary>The floating-point operations of the products of one forward pass.</summary>
    public static double ForwardFlops(RecurrentCell cell, int batch) =>
        2.0 * batch * (GateCount(cell) * Units * (Steps * Inputs + (Steps - 1) * Units) + Classes * Units);

    /// <summary>
    /// How often a call reads the recurrent weights <c>W_hh</c>, and their bytes: once per step from the second on in the
    /// forward pass (h_0 is zero), and once more per step in the backward pass (<c>W_hhᵀ·dz</c>). At one sample they are
    /// matrix-vector products, so each read streams the weights from L2 (beyond what L1 keeps).
    /// </summary>
    public static (int Reads, long Bytes) RecurrentWeightTraffic(RecurrentCell cell, bool training) =>
        ((training ? 2 : 1) * (Steps - 1), (long)GateCount(cell) * Units * Units * sizeof(float));

    private static int GateCount(RecurrentCell cell) => cell == RecurrentCell.Lstm ? 4 : 3;

    private static INetwork<float> Declared(RecurrentCell cell, int maxBatch) =>
        cell == RecurrentCell.Lstm ? new RecurrentLstm(maxBatch, seed: 1) : new RecurrentGru(maxBatch, seed: 1);

    /// <summary>TorchSharp's draws into NetGen's parameters (the same state-dict order and layouts); returns them.</summary>
    private static float[] CopyParameters(TorchRecurrent source, INetwork<float> target)
    {
        float[] parameters = source.ReadParameters();
        if (parameters.Length != target.Parameters.Length)
        {
            throw new InvalidOperationException(
                $"TorchSharp's modules have {parameters.Length} parameters and the declared network {target.Parameters.Length}; " +
                "they must be the same layers to copy one into the other");
        }
        parameters.CopyTo(target.Parameters);
        return parameters;
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

    /// <summary>
    /// Sequences <c>[batch, steps, inputs]</c> like MNIST rows (80 % zeros, the rest in [0, 1)), random labels, and the same
    /// labels one-hot <c>[batch, classes]</c> (NetGen's targets).
    /// </summary>
    private static (float[] Inputs, float[] Targets, long[] Labels) Data(int batch, int seed)
    {
        var random = new Random(seed);
        float[] x = [.. Enumerable.Range(0, batch * Steps * Inputs).Select(_ => random.NextDouble() < 0.8 ? 0f : (float)random.NextDouble())];
        long[] labels = [.. Enumerable.Range(0, batch).Select(_ => (long)random.Next(Classes))];
        float[] targets = new float[batch * Classes];
        for (int s = 0; s < batch; s++)
        {
            targets[s * Classes + (int)labels[s]] = 1;
        }
        return (x, targets, labels);
    }
}

using static TorchSharp.torch;

namespace NetGen.Compare;

/// <summary>
/// The convolutional cases of issue 16: LeNet-5 (<see cref="LeNet"/> against <see cref="TorchLeNet"/>, TorchSharp's
/// parameters copied into NetGen's, checked equal first) trained a step at batch 64 and run on one image, and one 3x3
/// convolution of 64 to 64 channels on 32x32 images at batch 32 (<see cref="Convolution3x3"/> against
/// <c>nn.Conv2d</c>, libtorch with oneDNN). Images are NCHW on both sides.
/// </summary>
public static class ConvolutionCases
{
    private const float LearningRate = 0.01f;

    /// <summary>LeNet-5's multiply-adds for one image, forward: the two convolutions and the three dense layers.</summary>
    private const double LeNetMultiplyAdds = 28 * 28 * 6 * 25 + 10 * 10 * 16 * 150 + 400 * 120 + 120 * 84 + 84 * 10;

    /// <summary>One SGD training step of LeNet-5 on a batch.</summary>
    public static CaseResult Training(string id, int batch, IReadOnlyList<int> threadCounts, HarnessOptions options)
    {
        string title = $"LeNet-5 training step, batch {batch}";
        Console.WriteLine($"{id}. {title}: conv 6@5x5 (pad 2), max pool 2, conv 16@5x5, max pool 2, dense 120, 84, 10, ReLU, softmax cross-entropy, SGD lr 0.01");
        var network = new LeNet(maxBatchSize: batch, seed: 1);
        using var torchNetwork = new TorchLeNet(seed: 1);
        float[] initial = CopyParameters(torchNetwork, network);
        (float[] inputs, float[] targets, long[] labels) = Data(batch, seed: 30 + batch);
        var sgd = new Sgd<float>(LearningRate);
        using var optimizer = optim.SGD(torchNetwork.Model.parameters(), LearningRate);
        using Tensor x = tensor(inputs, [batch, 1, 28, 28]);
        using Tensor y = tensor(labels, [batch]);

        var checks = new CheckList();
        float[] logitsNetGen = new float[batch * 10];
        network.Forward(inputs, logitsNetGen, batch);
        float[] logitsTorch;
        using (no_grad())
        using (NewDisposeScope())
        {
            logitsTorch = torchNetwork.Model.forward(x).data<float>().ToArray();
        }
        checks.Compare("forward (logits)", "TorchSharp", logitsNetGen, logitsTorch);
        network.ComputeGradients(inputs, targets, batch);
        float[] gradientsNetGen = network.Gradients.ToArray();
        float lossNetGen = network.TrainStep(inputs, targets, batch, sgd);
        float lossTorch;
        float[] gradientsTorch;
        using (NewDisposeScope())
        {
            optimizer.zero_grad();
            Tensor loss = nn.functional.cross_entropy(torchNetwork.Model.forward(x), y);
            loss.backward();
            lossTorch = loss.item<float>();
            gradientsTorch = torchNetwork.ReadGradients();
            optimizer.step();
        }
        checks.Compare("loss", "TorchSharp", [lossNetGen], [lossTorch]);
        float[] parametersNetGen = network.Parameters.ToArray(), parametersTorch = torchNetwork.ReadParameters();
        SideBySide.CompareParameters(checks, TorchLeNet.ParameterNames, torchNetwork.Sizes, gradientsNetGen, gradientsTorch, parametersNetGen, parametersTorch);
        // Forward, the parameters' gradients and the inputs' gradients of every layer but the first.
        double flops = 2.0 * batch * (3 * LeNetMultiplyAdds - 28 * 28 * 6 * 25);
        if (!checks.AllPass)
        {
            return Cases.Aborted(id, title, flops, checks);
        }

        List<Contender> contenders = SideBySide.SgdSteps(
            network, initial, inputs, targets, batch, sgd, torchNetwork.Model.forward, p => torchNetwork.Load(p), optimizer, x, y, threadCounts);
        return Cases.Timed(id, title, flops, checks, contenders, options);
    }

    /// <summary>LeNet-5's logits for one image, copied to a managed array.</summary>
    public static CaseResult Inference(string id, IReadOnlyList<int> threadCounts, HarnessOptions options)
    {
        string title = "LeNet-5 inference, one image";
        Console.WriteLine($"{id}. {title}");
        var network = new LeNet(maxBatchSize: 1, seed: 1);
        network.IsTraining = false;
        using var torchNetwork = new TorchLeNet(seed: 1);
        torchNetwork.Model.eval();
        CopyParameters(torchNetwork, network);
        (float[] input, _, _) = Data(1, seed: 6);
        using Tensor x = tensor(input, [1, 1, 28, 28]);

        var checks = new CheckList();
        float[] outputNetGen = new float[10], outputTorch = new float[10];
        network.Forward(input, outputNetGen);
        TorchInfer(torchNetwork, x, outputTorch, 1);
        checks.Compare("forward (logits)", "TorchSharp", outputNetGen, outputTorch);
        double flops = 2.0 * LeNetMultiplyAdds;
        if (!checks.AllPass)
        {
            return Cases.Aborted(id, title, flops, checks);
        }

        List<Contender> contenders = SideBySide.Calls(
            () => network.Forward(input, outputNetGen), k => TorchInfer(torchNetwork, x, outputTorch, k), threadCounts);
        return Cases.Timed(id, title, flops, checks, contenders, options);
    }

    /// <summary>One 3x3 convolution, 64 to 64 channels, 32x32, padding 1, batch 32, forward.</summary>
    public static CaseResult Convolution(string id, IReadOnlyList<int> threadCounts, HarnessOptions options)
    {
        const int batch = 32, channels = 64, size = 32;
        string title = "3x3 convolution 64->64, 32x32, batch 32, forward";
        Console.WriteLine($"{id}. {title}");
        var network = new Convolution3x3(maxBatchSize: batch, seed: 1);
        random.manual_seed(1);
        using var convolution = nn.Conv2d(channels, channels, 3, padding: 1);
        convolution.eval();
        float[] parameters = [.. convolution.parameters().SelectMany(p => p.data<float>().ToArray())];
        parameters.CopyTo(network.Parameters); // the convolution's weights and biases come first; the dense layer keeps its own
        var draw = new Random(7);
        float[] inputs = [.. Enumerable.Range(0, batch * channels * size * size).Select(_ => (float)(draw.NextDouble() * 2 - 1))];
        using Tensor x = tensor(inputs, [batch, channels, size, size]);

        var checks = new CheckList();
        float[] outputNetGen = new float[batch];
        network.Forward(inputs, outputNetGen, batch);
        float[] convolutionNetGen = network.PreActivations(0).ToArray();
        float[] outputTorch;
        using (no_grad())
        using (NewDisposeScope())
        {
            outputTorch = convolution.forward(x).data<float>().ToArray();
        }
        checks.Compare("forward (convolution outputs)", "TorchSharp", convolutionNetGen, outputTorch);
        double flops = 2.0 * batch * size * size * channels * channels * 9;
        if (!checks.AllPass)
        {
            return Cases.Aborted(id, title, flops, checks);
        }

        // TorchSharp's result stays a tensor (not copied out): the case measures the convolution, as case 4 the product.
        List<Contender> contenders = SideBySide.Calls(() => network.Forward(inputs, outputNetGen, batch), k =>
        {
            using var noGrad = no_grad();
            for (int i = 0; i < k; i++)
            {
                using var scope = NewDisposeScope();
                convolution.forward(x);
            }
        }, threadCounts);
        return Cases.Timed(id, title, flops, checks, contenders, options);
    }

    /// <summary>TorchSharp's draws into NetGen's parameters (the same state-dict order and layouts); returns them.</summary>
    private static float[] CopyParameters(TorchLeNet source, LeNet target)
    {
        float[] parameters = source.ReadParameters();
        if (parameters.Length != target.Parameters.Length)
        {
            throw new InvalidOperationException(
                $"TorchSharp's LeNet has {parameters.Length} parameters and the declared network {target.Parameters.Length}; they must be the same layers");
        }
        parameters.CopyTo(target.Parameters);
        return parameters;
    }

    private static void TorchInfer(TorchLeNet network, Tensor x, float[] output, int k)
    {
        using var noGrad = no_grad();
        for (int i = 0; i < k; i++)
        {
            using var scope = NewDisposeScope();
            network.Model.forward(x).data<float>().CopyTo(output);
        }
    }

    /// <summary>MNIST-like images <c>[batch, 1, 28, 28]</c> (80 % zeros, the rest in [0, 1)), random labels, and the same labels one-hot.</summary>
    private static (float[] Inputs, float[] Targets, long[] Labels) Data(int batch, int seed)
    {
        var random = new Random(seed);
        float[] x = [.. Enumerable.Range(0, batch * 784).Select(_ => random.NextDouble() < 0.8 ? 0f : (float)random.NextDouble())];
        long[] labels = [.. Enumerable.Range(0, batch).Select(_ => (long)random.Next(10))];
        float[] targets = new float[batch * 10];
        for (int s = 0; s < batch; s++)
        {
            targets[s * 10 + (int)labels[s]] = 1;
        }
        return (x, targets, labels);
    }
}

using static TorchSharp.torch;

namespace NetGen.Compare;

/// <summary>What one case measured: the agreement checks, then the times (empty when the checks failed).</summary>
public sealed record CaseResult(
    string Id, string Title, string Description, double? FlopsPerIteration, List<Check> Checks, bool ChecksPass, string? AbortReason,
    List<Measurement> Measurements);

/// <summary>The four cases. Each builds its NetGen network, copies its parameters into the other two, checks, then times.</summary>
public static class Cases
{
    private const float LearningRate = 0.01f;
    private static readonly int[] TrainingSizes = [784, 256, 256, 10];
    private static readonly int[] InferenceSizes = [784, 128, 10];
    private static readonly int[] DenseSizes = [1024, 1024];

    /// <summary>Cases 1 and 2: one SGD training step of 784-256-256-10 on a batch.</summary>
    public static CaseResult Training(string id, int batch, IReadOnlyList<int> torchThreads, HarnessOptions options)
    {
        string title = $"training step, batch {batch}";
        Console.WriteLine($"{id}. {title}: 784-256-256-10 ReLU (He), softmax cross-entropy, SGD lr 0.01");
        var network = new TrainingMlp(maxBatchSize: batch, seed: 1);
        float[] initial = network.Parameters.ToArray();
        (float[] inputs, float[] targets, long[] labels) = Data(batch, 784, 10, seed: 10 + batch);
        var sgd = new Sgd<float>(LearningRate);
        var baseline = new TensorPrimitivesMlp(TrainingSizes, batch, initial);
        using var torchMlp = new TorchMlp(TrainingSizes, initial);
        using var optimizer = optim.SGD(torchMlp.TrainableParameters(), LearningRate);
        using Tensor x = tensor(inputs, [batch, 784]);
        using Tensor y = tensor(labels, [batch]);

        // Checks: the same logits, then after one step the same loss, gradients and updated parameters.
        var checks = new CheckList();
        var logitsNetGen = new float[batch * 10];
        var logitsBaseline = new float[batch * 10];
        network.Forward(inputs, logitsNetGen, batch);
        baseline.Forward(inputs, logitsBaseline, batch);
        float[] logitsTorch;
        using (no_grad())
        using (NewDisposeScope())
        {
            logitsTorch = torchMlp.Model.forward(x).data<float>().ToArray();
        }
        checks.Compare("forward (logits)", "TensorPrimitives", logitsNetGen, logitsBaseline);
        checks.Compare("forward (logits)", "TorchSharp", logitsNetGen, logitsTorch);

        // The gradients from ComputeGradients (a fused TrainStep applies them without keeping them), then the timed call,
        // the fused TrainStep, from the same parameters: its loss and updated parameters are what is compared.
        network.ComputeGradients(inputs, targets, batch);
        float[] gradientsNetGen = network.Gradients.ToArray();
        float lossNetGen = network.TrainStep(inputs, targets, batch, sgd);
        float lossBaseline = baseline.TrainStep(inputs, targets, batch, LearningRate);
        float lossTorch;
        float[] gradientsTorch;
        using (NewDisposeScope())
        {
            optimizer.zero_grad();
            Tensor loss = nn.functional.cross_entropy(torchMlp.Model.forward(x), y);
            loss.backward();
            lossTorch = loss.item<float>();
            gradientsTorch = torchMlp.ReadGradients();
            optimizer.step();
        }
        checks.Compare("loss", "TensorPrimitives", [lossNetGen], [lossBaseline]);
        checks.Compare("loss", "TorchSharp", [lossNetGen], [lossTorch]);
        CompareLayers(checks, "gradients", TrainingMlp.Layers, gradientsNetGen, baseline.Gradients, gradientsTorch);
        CompareLayers(checks, "updated parameters", TrainingMlp.Layers, network.Parameters, baseline.Parameters, torchMlp.ReadParameters());
        if (!checks.AllPass)
        {
            return Aborted(id, title, null, checks);
        }

        // Each sample starts again from the initial parameters, so that every implementation follows the same k steps.
        var contenders = new List<Contender>
        {
            new()
            {
                Name = "TensorPrimitives", Threads = 1,
                Prepare = () => initial.CopyTo(baseline.Parameters, 0),
                Run = k => { for (int i = 0; i < k; i++) { baseline.TrainStep(inputs, targets, batch, LearningRate); } },
            },
        };
        foreach (int threads in torchThreads)
        {
            contenders.Insert(0, new()
            {
                Name = "NetGen", Threads = threads,
                Prepare = () => { KernelThreading.ThreadCount = threads; initial.CopyTo(network.Parameters); },
                Run = k => { for (int i = 0; i < k; i++) { network.TrainStep(inputs, targets, batch, sgd); } },
            });
        }
        foreach (int threads in torchThreads)
        {
            contenders.Add(new()
            {
                Name = "TorchSharp", Threads = threads,
                Prepare = () => { TorchThreads.Set(threads); torchMlp.Load(initial); },
                Run = k =>
                {
                    for (int i = 0; i < k; i++)
                    {
                        using var scope = NewDisposeScope();
                        optimizer.zero_grad();
                        Tensor loss = nn.functional.cross_entropy(torchMlp.Model.forward(x), y);
                        loss.backward();
                        optimizer.step();
                        _ = loss.item<float>();   // NetGen's TrainStep returns the loss too
                    }
                },
            });
        }
        return Timed(id, title, null, checks, contenders, options);
    }

    /// <summary>Case 3: one sample through 784-128-10, its 10 outputs in a managed array.</summary>
    public static CaseResult Inference(string id, IReadOnlyList<int> torchThreads, HarnessOptions options)
    {
        string title = "inference, one sample";
        Console.WriteLine($"{id}. {title}: 784-128-10 ReLU (He)");
        var network = new InferenceMlp(maxBatchSize: 1, seed: 1);
        float[] initial = network.Parameters.ToArray();
        (float[] input, _, _) = Data(1, 784, 10, seed: 3);
        var baseline = new TensorPrimitivesMlp(InferenceSizes, 1, initial);
        using var torchMlp = new TorchMlp(InferenceSizes, initial);
        torchMlp.Model.eval();
        using Tensor x = tensor(input, [1, 784]);

        var checks = new CheckList();
        float[] outputNetGen = new float[10], outputBaseline = new float[10], outputTorch = new float[10];
        network.Forward(input, outputNetGen);
        baseline.Forward(input, outputBaseline, 1);
        TorchInfer(torchMlp, x, outputTorch, 1);
        checks.Compare("forward (logits)", "TensorPrimitives", outputNetGen, outputBaseline);
        checks.Compare("forward (logits)", "TorchSharp", outputNetGen, outputTorch);
        if (!checks.AllPass)
        {
            return Aborted(id, title, null, checks);
        }

        var contenders = new List<Contender>
        {
            new()
            {
                Name = "TensorPrimitives", Threads = 1,
                Run = k => { for (int i = 0; i < k; i++) { baseline.Forward(input, outputBaseline, 1); } },
            },
        };
        foreach (int threads in torchThreads)
        {
            contenders.Insert(0, new()
            {
                Name = "NetGen", Threads = threads,
                Prepare = () => { KernelThreading.ThreadCount = threads; },
                Run = k => { for (int i = 0; i < k; i++) { network.Forward(input, outputNetGen); } },
            });
        }
        foreach (int threads in torchThreads)
        {
            contenders.Add(new()
            {
                Name = "TorchSharp", Threads = threads,
                Prepare = () => TorchThreads.Set(threads),
                Run = k => TorchInfer(torchMlp, x, outputTorch, k),
            });
        }
        return Timed(id, title, null, checks, contenders, options);
    }

    /// <summary>TorchSharp's inference loop: no_grad around the loop, a dispose scope per call, the outputs copied out.</summary>
    private static void TorchInfer(TorchMlp mlp, Tensor x, float[] output, int k)
    {
        using var noGrad = no_grad();
        for (int i = 0; i < k; i++)
        {
            using var scope = NewDisposeScope();
            mlp.Model.forward(x).data<float>().CopyTo(output);
        }
    }

    /// <summary>Case 4: the forward pass of one 1024 x 1024 dense layer (identity) on a batch of 256.</summary>
    public static CaseResult Dense(string id, IReadOnlyList<int> torchThreads, HarnessOptions options)
    {
        const int batch = 256;
        string title = "dense 1024x1024 forward, batch 256";
        Console.WriteLine($"{id}. {title}: identity activation, Glorot weights, random biases");
        var network = new DenseLayer(maxBatchSize: batch, seed: 1);
        var random = new Random(4);
        foreach (ref float b in network.Layer1Biases)
        {
            b = (float)(random.NextDouble() - 0.5);
        }
        float[] initial = network.Parameters.ToArray();
        float[] inputs = [.. Enumerable.Range(0, batch * 1024).Select(_ => (float)(random.NextDouble() * 2 - 1))];
        var baseline = new TensorPrimitivesMlp(DenseSizes, batch, initial);
        using var torchMlp = new TorchMlp(DenseSizes, initial);
        torchMlp.Model.eval();
        using Tensor x = tensor(inputs, [batch, 1024]);

        var checks = new CheckList();
        float[] outputNetGen = new float[batch * 1024], outputBaseline = new float[batch * 1024];
        network.Forward(inputs, outputNetGen, batch);
        baseline.Forward(inputs, outputBaseline, batch);
        float[] outputTorch;
        using (no_grad())
        using (NewDisposeScope())
        {
            outputTorch = torchMlp.Model.forward(x).data<float>().ToArray();
        }
        checks.Compare("forward (outputs)", "TensorPrimitives", outputNetGen, outputBaseline);
        checks.Compare("forward (outputs)", "TorchSharp", outputNetGen, outputTorch);
        double flops = 2.0 * 1024 * 1024 * batch;
        if (!checks.AllPass)
        {
            return Aborted(id, title, flops, checks);
        }

        var contenders = new List<Contender>
        {
            new()
            {
                Name = "TensorPrimitives", Threads = 1,
                Run = k => { for (int i = 0; i < k; i++) { baseline.Forward(inputs, outputBaseline, batch); } },
            },
        };
        foreach (int threads in torchThreads)
        {
            contenders.Insert(0, new()
            {
                Name = "NetGen", Threads = threads,
                Prepare = () => { KernelThreading.ThreadCount = threads; },
                Run = k => { for (int i = 0; i < k; i++) { network.Forward(inputs, outputNetGen, batch); } },
            });
        }
        foreach (int threads in torchThreads)
        {
            contenders.Add(new()
            {
                Name = "TorchSharp", Threads = threads,
                Prepare = () => TorchThreads.Set(threads),
                Run = k =>
                {
                    // The result stays a tensor (not copied out): case 4 measures the matrix product.
                    using var noGrad = no_grad();
                    for (int i = 0; i < k; i++)
                    {
                        using var scope = NewDisposeScope();
                        torchMlp.Model.forward(x);
                    }
                },
            });
        }
        return Timed(id, title, flops, checks, contenders, options);
    }

    /// <summary>Sets libtorch's intra-op thread count only when it changes.</summary>
    internal static class TorchThreads
    {
        private static int s_current = -1;

        public static void Set(int threads)
        {
            if (threads != s_current)
            {
                set_num_threads(threads);
                s_current = threads;
            }
        }
    }

    private static void CompareLayers(
        CheckList checks, string what, IReadOnlyList<LayerInfo> layers, ReadOnlySpan<float> netgen, ReadOnlySpan<float> baseline, ReadOnlySpan<float> torch)
    {
        foreach (LayerInfo layer in layers)
        {
            int start = layer.WeightOffset;
            int count = layer.ParameterCount;   // weights then biases, contiguous
            checks.Compare($"{what} {layer.Name}", "TensorPrimitives", netgen.Slice(start, count), baseline.Slice(start, count));
            checks.Compare($"{what} {layer.Name}", "TorchSharp", netgen.Slice(start, count), torch.Slice(start, count));
        }
    }

    internal static CaseResult Aborted(string id, string title, double? flops, CheckList checks)
    {
        string reason = $"case {id} aborted: the implementations disagree (tolerance {CheckList.Tolerance:E0}); see the FAIL lines above";
        Console.WriteLine($"  {reason}");
        return new CaseResult(id, title, title, flops, checks.Checks, false, reason, []);
    }

    private static List<Measurement> MeasureWithRoundTrip(List<Contender> contenders, HarnessOptions options)
    {
        double before = CoreLatencyProbe.MedianRoundTripNanoseconds();
        List<Measurement> measurements = Harness.Measure(contenders, options);
        double after = CoreLatencyProbe.MedianRoundTripNanoseconds();
        return [.. measurements.Select(m => m with { CoreRoundTrip = new CoreRoundTrip(before, after) })];
    }

    internal static CaseResult Timed(string id, string title, double? flops, CheckList checks, List<Contender> contenders, HarnessOptions options)
    {
        Console.WriteLine("    checks pass; timing ...");
        // NetGen, TensorPrimitives and TorchSharp on its first thread count are interleaved; every other thread count of
        // TorchSharp is measured after them, on its own: switching libtorch's thread count between samples made its
        // 2-thread training step up to 100 times slower here (176 ms instead of 0.8 ms a step; on a loaded 2-core
        // machine the 2-thread figures vary that much anyway, as the second OpenMP thread waits for a core).
        // Each block of samples carries the cores' round trip before and after it: the host can move the two vCPUs in
        // between, and the two-thread figures of the blocks are comparable only if it did not (docs/performance.md).
        int firstThreads = contenders.First(c => c.Name == "TorchSharp").Threads;
        List<Measurement> measurements = MeasureWithRoundTrip([.. contenders.Where(c => c.Name != "TorchSharp" || c.Threads == firstThreads)], options);
        foreach (Contender other in contenders.Where(c => c.Name == "TorchSharp" && c.Threads != firstThreads))
        {
            measurements.AddRange(MeasureWithRoundTrip([other], options));
        }
        foreach (Measurement m in measurements)
        {
            string rate = flops is double f ? $"  {f / m.MedianMicroseconds / 1e3,7:F1} GFLOP/s" : "";
            Console.WriteLine(
                $"    {m.Name,-16} {m.Threads} thr  median {m.MedianMicroseconds,10:F1} us  (min {m.MinMicroseconds:F1}, max {m.MaxMicroseconds:F1}, {m.Samples} x {m.IterationsPerSample})  alloc {m.AllocatedBytesPerIteration,8:F0} B/iter{rate}");
        }
        return new CaseResult(id, title, title, flops, checks.Checks, true, null, measurements);
    }

    /// <summary>MNIST-like inputs (80 % zeros, the rest in [0, 1)), one-hot targets and their labels.</summary>
    private static (float[] Inputs, float[] Targets, long[] Labels) Data(int batch, int inputs, int classes, int seed)
    {
        var random = new Random(seed);
        float[] x = [.. Enumerable.Range(0, batch * inputs).Select(_ => random.NextDouble() < 0.8 ? 0f : (float)random.NextDouble())];
        var targets = new float[batch * classes];
        var labels = new long[batch];
        for (int s = 0; s < batch; s++)
        {
            labels[s] = random.Next(classes);
            targets[s * classes + labels[s]] = 1;
        }
        return (x, targets, labels);
    }
}

using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace NetGen.Compare;

public sealed record MachineInfo(
    string Processor, int LogicalCores, bool Vector512Accelerated, bool Avx512F, int VectorFloatLanes, string Os, string DotNet,
    string TorchSharpVersion, string LibTorchVersion, int TorchDefaultThreads, string LoadAverageAtStart);

/// <summary>A ratio of one implementation's median to NetGen's: above 1, NetGen is that many times faster.</summary>
public sealed record Ratio(string Case, string Against, int Threads, double TimeOverNetGen);

/// <summary>One target of the issue, and where NetGen stands.</summary>
public sealed record Target(string Case, string Goal, string Measured, bool? Met);

public sealed record Report(
    string Date, string Command, MachineInfo Machine, int TensorPrimitivesThreads, IReadOnlyList<int> TorchSharpThreads,
    HarnessOptions Harness, IReadOnlyList<PeakResult> Peak, double PeakSingleThreadGflops, IReadOnlyList<BandwidthResult> Bandwidth,
    double CoreRoundTripAtStartNanoseconds, double CoreRoundTripAtEndNanoseconds, IReadOnlyList<CaseResult> Cases,
    IReadOnlyList<Ratio> Ratios, double? Case4NetGenGflops, double? Case4Efficiency, IReadOnlyList<Target> Targets)
{
    public const string RunCommand = "bench/compare.sh";

    /// <summary>The variables that limit either side's instruction sets, where set, to emulate a machine without AVX-512.</summary>
    private static readonly string[] InstructionSetVariables =
        ["DOTNET_EnableAVX512", "DOTNET_EnableAVX2", "DOTNET_EnableHWIntrinsic", "ATEN_CPU_CAPABILITY", "MKL_ENABLE_INSTRUCTIONS", "ONEDNN_MAX_CPU_ISA"];

    /// <summary>How this run was started: those variables, then the command and its arguments.</summary>
    private static string CommandLine() => string.Join(" ",
        InstructionSetVariables.Where(v => Environment.GetEnvironmentVariable(v) is not null).Select(v => $"{v}={Environment.GetEnvironmentVariable(v)}")
            .Append(RunCommand).Concat(Environment.GetCommandLineArgs().Skip(1)));

    public static Report Build(
        MachineInfo machine, IReadOnlyList<int> torchThreads, HarnessOptions harness, IReadOnlyList<PeakResult> peak,
        IReadOnlyList<BandwidthResult> bandwidth, (double AtStart, double AtEnd) coreRoundTrip, IReadOnlyList<CaseResult> cases)
    {
        double peak1 = peak.Where(p => p.Threads == 1).Max(p => p.BestGflops);
        var ratios = new List<Ratio>();
        foreach (CaseResult c in cases)
        {
            foreach (Measurement m in c.Measurements.Where(m => m.Name != "NetGen"))
            {
                // Against NetGen on the same number of threads.
                Measurement? netgen = c.Measurements.Find(n => n.Name == "NetGen" && n.Threads == m.Threads);
                if (netgen is not null)
                {
                    ratios.Add(new Ratio(c.Id, m.Name, m.Threads, m.MedianMicroseconds / netgen.MedianMicroseconds));
                }
            }
        }

        CaseResult dense = cases.Single(c => c.Id == "4");
        Measurement? denseNetGen = dense.Measurements.Find(m => m.Name == "NetGen" && m.Threads == 1);
        double? gflops = denseNetGen is null ? null : dense.FlopsPerIteration!.Value / denseNetGen.MedianMicroseconds / 1e3;
        double? efficiency = gflops / peak1;

        const int ReferenceThreads = 2; // the thread count of the issue's TorchSharp column
        var targets = new List<Target>();
        void Speedup(string id, double goal)
        {
            CaseResult c = cases.Single(x => x.Id == id);
            // The issue's reference is TorchSharp on 2 threads, NetGen on as many; the other thread counts are shown beside it.
            List<Ratio> same = ratios.Where(r => r.Case == id && r.Against == "TorchSharp").ToList();
            Ratio? reference = same.Find(r => r.Threads == ReferenceThreads);
            targets.Add(new Target(
                $"{id}. {c.Title}", $"NetGen >= {F(goal, 1)}x TorchSharp, both on {ReferenceThreads} threads",
                same.Count == 0 ? "not measured" : string.Join(", ", same.Select(r => $"{F(r.TimeOverNetGen, 2)}x on {r.Threads} thread{(r.Threads == 1 ? "" : "s")}")),
                reference is null ? null : reference.TimeOverNetGen >= goal));
        }
        Speedup("1", 2);
        Speedup("2", 10);
        Speedup("3", 5);
        Speedup("4", 0.9);
        targets.Add(new Target(
            "4. dense 1024x1024, batch 256", "NetGen >= 60 % of the measured single-core FMA peak",
            gflops is null ? "not measured" : $"{F(gflops.Value, 1)} GFLOP/s = {F(100 * efficiency!.Value, 1)} % of {F(peak1, 1)}",
            efficiency is null ? null : efficiency >= 0.6));
        foreach (string id in new[] { "1", "2" })
        {
            NoAllocation(id, "training step");
        }
        // Issue 15: the same targets for the LSTM and the GRU, and the fraction of the FMA peak (reported, no goal).
        foreach ((string id, double goal, string what, RecurrentCell cell) in new[]
        {
            ("5", 2.0, "training step", RecurrentCell.Lstm), ("6", 10.0, "training step", RecurrentCell.Lstm), ("7", 10.0, "inference", RecurrentCell.Lstm),
            ("8", 2.0, "training step", RecurrentCell.Gru), ("9", 10.0, "training step", RecurrentCell.Gru), ("10", 10.0, "inference", RecurrentCell.Gru),
        })
        {
            Speedup(id, goal);
            NoAllocation(id, what);
            Bound(id, goal, cell, what != "inference");
            CaseResult c = cases.Single(x => x.Id == id);
            Measurement? m = c.Measurements.Find(x => x.Name == "NetGen" && x.Threads == 1);
            double? fraction = m is null ? null : c.FlopsPerIteration!.Value / m.MedianMicroseconds / 1e3 / peak1;
            targets.Add(new Target(
                $"{id}. {c.Title}", "fraction of the measured single-core FMA peak, NetGen on 1 thread (reported, no goal)",
                fraction is null ? "not measured" : $"{F(100 * fraction.Value, 1)} % of {F(peak1, 1)} GFLOP/s", null));
        }

        // The fastest any implementation could be on the reference thread count, from the peaks measured in this run: the
        // case's FLOPs at the FMA peak, or its streaming of the recurrent weights from L2 at the L2 peak (less what L1 keeps),
        // whichever is longer; and so the largest ratio to TorchSharp any implementation could reach here.
        void Bound(string id, double goal, RecurrentCell cell, bool training)
        {
            CaseResult c = cases.Single(x => x.Id == id);
            Measurement? torch = c.Measurements.Find(x => x.Name == "TorchSharp" && x.Threads == ReferenceThreads);
            PeakResult? fma = peak.Where(p => p.Threads == ReferenceThreads).MaxBy(p => p.BestGflops);
            BandwidthResult? l2 = bandwidth.FirstOrDefault(b => b.Threads == ReferenceThreads);
            if (torch is null || fma is null || l2 is null || c.FlopsPerIteration is null)
            {
                targets.Add(new Target($"{id}. {c.Title}", "bound from this run's peaks (reported)", "not measured", null));
                return;
            }
            (int reads, long bytes) = RecurrentCases.RecurrentWeightTraffic(cell, training);
            double computeMicroseconds = c.FlopsPerIteration.Value / fma.BestGflops / 1e3;
            double streamedBytes = reads * Math.Max(0, bytes - (double)ReferenceThreads * l2.L1DataBytes);
            double memoryMicroseconds = streamedBytes / l2.BestGBs / 1e3;
            double bound = Math.Max(computeMicroseconds, memoryMicroseconds);
            double goalMicroseconds = torch.MedianMicroseconds / goal;
            targets.Add(new Target(
                $"{id}. {c.Title}", $"fastest possible on {ReferenceThreads} threads from this run's peaks (reported)",
                $"{F(computeMicroseconds, 1)} us at the FMA peak, {F(memoryMicroseconds, 1)} us streaming W_hh from L2: at most " +
                $"{F(torch.MedianMicroseconds / bound, 1)}x TorchSharp; {F(goal, 0)}x ({F(goalMicroseconds, 1)} us) needs " +
                $"{F(100 * bound / goalMicroseconds, 0)} % of the bounding peak throughout",
                null));
        }

        // Issue 16: LeNet-5 and one 3x3 convolution.
        Speedup("11", 1.5);
        NoAllocation("11", "training step");
        Speedup("12", 5);
        NoAllocation("12", "inference");
        Speedup("13", 0.8);
        CaseResult convolution = cases.Single(x => x.Id == "13");
        Measurement? convolutionNetGen = convolution.Measurements.Find(m => m.Name == "NetGen" && m.Threads == 1);
        double? convolutionFraction = convolutionNetGen is null ? null : convolution.FlopsPerIteration!.Value / convolutionNetGen.MedianMicroseconds / 1e3 / peak1;
        targets.Add(new Target(
            $"13. {convolution.Title}", "NetGen >= 60 % of the measured single-core FMA peak (1 thread)",
            convolutionFraction is null ? "not measured" : $"{F(100 * convolutionFraction.Value, 1)} % of {F(peak1, 1)} GFLOP/s",
            convolutionFraction is null ? null : convolutionFraction >= 0.6));

        void NoAllocation(string id, string what)
        {
            CaseResult c = cases.Single(x => x.Id == id);
            List<Measurement> netgen = c.Measurements.FindAll(x => x.Name == "NetGen");
            double? most = netgen.Count == 0 ? null : netgen.Max(m => m.AllocatedBytesPerIteration);
            targets.Add(new Target(
                $"{id}. {c.Title}", $"0 bytes allocated per NetGen {what} (after warm-up)",
                most is null ? "not measured" : $"{F(most.Value, 0)} B/{(what == "inference" ? "call" : "step")}", most is null ? null : most == 0));
        }

        return new Report(
            DateTime.Now.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), CommandLine(), machine, 1, torchThreads, harness, peak, peak1, bandwidth,
            coreRoundTrip.AtStart, coreRoundTrip.AtEnd, cases, ratios, gflops, efficiency, targets);
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    public string ToMarkdown()
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# NetGen vs TorchSharp vs TensorPrimitives ({Date})");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Command: `{Command}` (see docs/performance.md).");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture,
            $"Machine: {Machine.Processor}, {Machine.LogicalCores} logical cores, Vector512 accelerated: {Machine.Vector512Accelerated}, " +
            $"AVX-512F: {Machine.Avx512F}, Vector<float>: {Machine.VectorFloatLanes} lanes; {Machine.Os}; {Machine.DotNet}; " +
            $"TorchSharp {Machine.TorchSharpVersion} (libtorch {Machine.LibTorchVersion}, default {Machine.TorchDefaultThreads} threads); " +
            $"load average at start: {Machine.LoadAverageAtStart}.");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture,
            $"Threads: NetGen and TorchSharp {string.Join(" and ", TorchSharpThreads)} (`KernelThreading.ThreadCount`, `torch.set_num_threads`), " +
            $"TensorPrimitives {TensorPrimitivesThreads}. Timing: warm-up >= {Harness.WarmupIterations} iterations " +
            $"and >= {F(Harness.WarmupMilliseconds, 0)} ms each, then {Harness.Samples} samples of k iterations (k chosen for about " +
            $"{F(Harness.SampleMilliseconds, 0)} ms a sample), taken in interleaved rounds; medians of the time per iteration.");
        md.AppendLine();

        md.AppendLine("## FP32 FMA peak (measured)");
        md.AppendLine();
        md.AppendLine("| kernel | threads | median GFLOP/s | best GFLOP/s |");
        md.AppendLine("|---|---:|---:|---:|");
        foreach (PeakResult p in Peak)
        {
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {p.Vector} FusedMultiplyAdd, {p.Chains} chains | {p.Threads} | {F(p.MedianGflops, 1)} | {F(p.BestGflops, 1)} |");
        }
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture,
            $"Single-core peak used for the efficiency: **{F(PeakSingleThreadGflops, 1)} GFLOP/s** (the best repetition, so the efficiency is not flattered).");
        md.AppendLine();
        md.AppendLine("## L2 read bandwidth (measured)");
        md.AppendLine();
        md.AppendLine("| buffer per thread | threads | median GB/s | best GB/s | L1 data per core |");
        md.AppendLine("|---:|---:|---:|---:|---:|");
        foreach (BandwidthResult b in Bandwidth)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {b.BufferBytes / 1024} KB | {b.Threads} | {F(b.MedianGBs, 1)} | {F(b.BestGBs, 1)} | {b.L1DataBytes / 1024} KB |");
        }
        md.AppendLine();
        md.AppendLine("The recurrent cases' bounds (in the targets) use the best repetitions of both probes on 2 threads: no implementation " +
            "can beat both the FLOPs at the FMA peak and, at one sample, the recurrent weights streamed from L2 at every step.");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture,
            $"Core-to-core round trip of a cache line (`CoreLatencyProbe`): **{F(CoreRoundTripAtStartNanoseconds, 0)} ns** at the start, " +
            $"**{F(CoreRoundTripAtEndNanoseconds, 0)} ns** at the end. Every two-thread product pays a few of them: on the development VM " +
            $"it is about 100 ns when the host places the two vCPUs near each other and about 370 ns when it does not, and the " +
            $"two-thread one-sample cases (2 and 3) follow it.");
        md.AppendLine();

        md.AppendLine("## Medians per iteration");
        md.AppendLine();
        var torchHeaders = TorchSharpThreads.Select(t => $"TorchSharp {t} thr").ToList();
        md.AppendLine("| case | " + string.Join(" | ", TorchSharpThreads.Select(t => $"NetGen {t} thr")) + " | TensorPrimitives 1 thr | " +
            string.Join(" | ", torchHeaders) + " | " +
            string.Join(" | ", TorchSharpThreads.Select(t => $"Torch {t} thr / NetGen {t} thr")) + " | TensorPrimitives / NetGen 1 thr |");
        md.AppendLine("|---|" + string.Concat(Enumerable.Repeat("---:|", 1 + 3 * TorchSharpThreads.Count + 1)));
        foreach (CaseResult c in Cases)
        {
            if (!c.ChecksPass)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"| {c.Id}. {c.Title} | {c.AbortReason} |");
                continue;
            }
            string Time(string name, int threads)
            {
                Measurement? m = c.Measurements.Find(x => x.Name == name && x.Threads == threads);
                return m is null ? "-" : Us(m.MedianMicroseconds) + (c.FlopsPerIteration is double f ? $" ({F(f / m.MedianMicroseconds / 1e3, 1)} GFLOP/s)" : "");
            }
            string R(string name, int threads)
            {
                Ratio? r = Ratios.FirstOrDefault(x => x.Case == c.Id && x.Against == name && x.Threads == threads);
                return r is null ? "-" : $"{F(r.TimeOverNetGen, 2)}x";
            }
            md.AppendLine(
                $"| {c.Id}. {c.Title} | " + string.Join(" | ", TorchSharpThreads.Select(t => Time("NetGen", t))) + $" | {Time("TensorPrimitives", 1)} | " +
                string.Join(" | ", TorchSharpThreads.Select(t => Time("TorchSharp", t))) + " | " +
                string.Join(" | ", TorchSharpThreads.Select(t => R("TorchSharp", t))) + $" | {R("TensorPrimitives", 1)} |");
        }
        md.AppendLine();
        md.AppendLine("Ratios are the other implementation's median over NetGen's: above 1, NetGen is that many times faster.");
        md.AppendLine(CultureInfo.InvariantCulture,
            $"Case 4 efficiency: NetGen {(Case4NetGenGflops is double g ? F(g, 1) : "-")} GFLOP/s = " +
            $"**{(Case4Efficiency is double e ? F(100 * e, 1) + " %" : "-")}** of the measured single-core peak.");
        md.AppendLine();

        md.AppendLine("## Spread and allocations");
        md.AppendLine();
        md.AppendLine("| case | implementation | threads | median | min | max | samples x k | managed bytes allocated / iteration | core round trip before / after (ns) |");
        md.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (CaseResult c in Cases)
        {
            foreach (Measurement m in c.Measurements)
            {
                md.AppendLine(CultureInfo.InvariantCulture,
                    $"| {c.Id} | {m.Name} | {m.Threads} | {Us(m.MedianMicroseconds)} | {Us(m.MinMicroseconds)} | {Us(m.MaxMicroseconds)} | " +
                    $"{m.Samples} x {m.IterationsPerSample} | {F(m.AllocatedBytesPerIteration, 0)} | " +
                    $"{(m.CoreRoundTrip is { } trip ? $"{F(trip.BeforeNanoseconds, 0)} / {F(trip.AfterNanoseconds, 0)}" : "-")} |");
            }
        }
        md.AppendLine();
        md.AppendLine("Allocations are `GC.GetAllocatedBytesForCurrentThread` after warm-up: managed bytes only (TorchSharp's native tensors are not counted).");
        md.AppendLine();

        md.AppendLine("## Agreement checks (before timing)");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture,
            $"relative = max |other − NetGen| / max |NetGen| over the compared values; tolerance {CheckList.Tolerance:E0}. Gradients and updated parameters are compared layer by layer after one training step from the same parameters.");
        md.AppendLine();
        md.AppendLine("| case | what | against | relative | pass |");
        md.AppendLine("|---|---|---|---:|---|");
        foreach (CaseResult c in Cases)
        {
            foreach (Check k in c.Checks)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"| {c.Id} | {k.What} | {k.Against} | {k.Relative:E1} | {(k.Pass ? "yes" : "**no**")} |");
            }
        }
        md.AppendLine();

        md.AppendLine("## Targets");
        md.AppendLine();
        if (!Machine.Vector512Accelerated)
        {
            md.AppendLine("The issue set these for the AVX-512 development machine; this run is without AVX-512 (see the command line).");
            md.AppendLine();
        }
        md.AppendLine("| case | target | measured | met |");
        md.AppendLine("|---|---|---|---|");
        foreach (Target t in Targets)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {t.Case} | {t.Goal} | {t.Measured} | {(t.Met is bool m ? (m ? "yes" : "**no**") : "-")} |");
        }
        return md.ToString();
    }

    private static string F(double value, int decimals) => value.ToString("N" + decimals, CultureInfo.InvariantCulture);

    private static string Us(double microseconds) => microseconds >= 10_000
        ? $"{F(microseconds / 1000, 2)} ms"
        : $"{F(microseconds, microseconds >= 100 ? 0 : 1)} us";
}

// The side-by-side comparison of NetGen's generated code with TorchSharp and a TensorPrimitives baseline, and the
// machine's FMA peak. Run it with bench/compare.sh (see docs/performance.md).
//
// options: --samples N (15)  --warmup N (50)  --warmup-ms MS (300)  --sample-ms MS (40)  --threads 1,2 (TorchSharp's)
//          --cases 1,2,...,13 (5-10: LSTM and GRU, RecurrentCases.cs; 11-13: LeNet-5 and a 3x3 convolution, ConvolutionCases.cs)  --out DIR (bench/results under the repository)  --no-write
using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using NetGen.Compare;
using TorchSharp;

var options = new HarnessOptions(WarmupIterations: 50, WarmupMilliseconds: 300, Samples: 15, SampleMilliseconds: 40);
List<int> torchThreads = [1, 2];
HashSet<string> selected = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13"];
string? outDirectory = null;
bool write = true;
for (int i = 0; i < args.Length; i++)
{
    string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
    switch (args[i])
    {
        case "--samples": options = options with { Samples = int.Parse(Next(), CultureInfo.InvariantCulture) }; break;
        case "--warmup": options = options with { WarmupIterations = int.Parse(Next(), CultureInfo.InvariantCulture) }; break;
        case "--warmup-ms": options = options with { WarmupMilliseconds = double.Parse(Next(), CultureInfo.InvariantCulture) }; break;
        case "--sample-ms": options = options with { SampleMilliseconds = double.Parse(Next(), CultureInfo.InvariantCulture) }; break;
        case "--threads": torchThreads = [.. Next().Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))]; break;
        case "--cases": selected = [.. Next().Split(',')]; break;
        case "--out": outDirectory = Next(); break;
        case "--no-write": write = false; break;
        default:
            Console.Error.WriteLine($"unknown option {args[i]}; see the header of bench/NetGen.Compare/Program.cs");
            return 2;
    }
}

MachineInfo machine = Machine();
Console.WriteLine($"NetGen compare: {machine.Processor}, {machine.LogicalCores} cores, Vector512 {machine.Vector512Accelerated}, AVX-512F {machine.Avx512F}");
Console.WriteLine($"{machine.DotNet}, TorchSharp {machine.TorchSharpVersion} (libtorch {machine.LibTorchVersion}), load average {machine.LoadAverageAtStart}");
Console.WriteLine($"threads: NetGen and TorchSharp {string.Join(" and ", torchThreads)} (KernelThreading.ThreadCount, torch.set_num_threads), TensorPrimitives 1");
Console.WriteLine();

Console.WriteLine("FMA peak probe (FP32, 12 independent FusedMultiplyAdd chains):");
var peak = new List<PeakResult>();
bool use512 = Vector512.IsHardwareAccelerated;
foreach (int threads in torchThreads.Append(1).Distinct().Order())
{
    peak.Add(FmaProbe.Measure(use512, threads));
}
if (use512)
{
    peak.Add(FmaProbe.Measure(false, 1));   // for comparison: is 512-bit FMA full rate here?
}
foreach (PeakResult p in peak)
{
    Console.WriteLine($"  {p.Vector} x {p.Chains} chains, {p.Threads} thread(s): median {p.MedianGflops:F1} GFLOP/s, best {p.BestGflops:F1}");
}
Console.WriteLine($"L2 read bandwidth probe ({CacheBandwidthProbe.BufferBytes / 1024} KB per thread, 512-bit loads):");
var bandwidth = new List<BandwidthResult>();
foreach (int threads in torchThreads.Append(1).Distinct().Order())
{
    BandwidthResult b = CacheBandwidthProbe.Measure(threads);
    bandwidth.Add(b);
    Console.WriteLine($"  {threads} thread(s): median {b.MedianGBs:F1} GB/s, best {b.BestGBs:F1} (L1 data cache {b.L1DataBytes / 1024} KB per core)");
}
double roundTripAtStart = CoreLatencyProbe.MedianRoundTripNanoseconds();
Console.WriteLine($"core-to-core round trip: {roundTripAtStart:F0} ns");
Console.WriteLine();

var cases = new List<CaseResult>();
void Run(string id, Func<CaseResult> run)
{
    if (selected.Contains(id))
    {
        try
        {
            cases.Add(run());
        }
        catch (Exception e)
        {
            // A contender failing (libtorch once threw from inside SGD.step here) costs its case, not the whole run.
            string reason = $"case {id} failed: {e.GetType().Name}: {e.Message.Split('\n')[0].Trim()}";
            Console.Error.WriteLine(e);
            Console.WriteLine($"  {reason}");
            cases.Add(new CaseResult(id, $"case {id}", "failed", null, [], false, reason, []));
        }
        Console.WriteLine();
    }
    else
    {
        cases.Add(new CaseResult(id, $"case {id}", "not selected", null, [], false, "not run (--cases)", []));
    }
}
Run("1", () => Cases.Training("1", 64, torchThreads, options));
Run("2", () => Cases.Training("2", 1, torchThreads, options));
Run("3", () => Cases.Inference("3", torchThreads, options));
Run("4", () => Cases.Dense("4", torchThreads, options));
Run("5", () => RecurrentCases.Training("5", RecurrentCell.Lstm, 64, torchThreads, options));
Run("6", () => RecurrentCases.Training("6", RecurrentCell.Lstm, 1, torchThreads, options));
Run("7", () => RecurrentCases.Inference("7", RecurrentCell.Lstm, torchThreads, options));
Run("8", () => RecurrentCases.Training("8", RecurrentCell.Gru, 64, torchThreads, options));
Run("9", () => RecurrentCases.Training("9", RecurrentCell.Gru, 1, torchThreads, options));
Run("10", () => RecurrentCases.Inference("10", RecurrentCell.Gru, torchThreads, options));
Run("11", () => ConvolutionCases.Training("11", 64, torchThreads, options));
Run("12", () => ConvolutionCases.Inference("12", torchThreads, options));
Run("13", () => ConvolutionCases.Convolution("13", torchThreads, options));

double roundTripAtEnd = CoreLatencyProbe.MedianRoundTripNanoseconds();
Report report = Report.Build(machine, torchThreads, options, peak, bandwidth, (roundTripAtStart, roundTripAtEnd), cases);
string markdown = report.ToMarkdown();
Console.WriteLine(markdown);
if (write)
{
    string directory = outDirectory ?? Path.Combine(RepositoryRoot(), "bench", "results");
    Directory.CreateDirectory(directory);
    string stem = Path.Combine(directory, $"compare-{DateTime.Now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
    File.WriteAllText(stem + ".md", markdown);
    File.WriteAllText(stem + ".json", report.ToJson() + Environment.NewLine);
    Console.WriteLine($"written: {stem}.md, {stem}.json");
}
bool agree = cases.Where(c => c.AbortReason is null || !c.AbortReason.StartsWith("not run", StringComparison.Ordinal)).All(c => c.ChecksPass);
if (!agree)
{
    Console.Error.WriteLine("some cases were aborted: the implementations disagree (see the FAIL lines) or one of them failed");
}
return agree ? 0 : 1;

static MachineInfo Machine()
{
    string processor = "unknown";
    string load = "unknown";
    try
    {
        string[] cpuinfo = File.ReadAllLines("/proc/cpuinfo");
        string? Field(string name)
        {
            string? line = cpuinfo.FirstOrDefault(l => l.StartsWith(name, StringComparison.Ordinal) && l[name.Length..].TrimStart().StartsWith(':'));
            return line?[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
        }
        processor = $"{Field("model name") ?? processor} (cpu family {Field("cpu family")}, model {Field("model")}, {Field("cpu MHz")} MHz nominal)";
        load = File.ReadAllText("/proc/loadavg").Trim();
    }
    catch (IOException)
    {
    }
    string torchSharp = typeof(torch).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(torch).Assembly.GetName().Version?.ToString() ?? "unknown";
    int plus = torchSharp.IndexOf('+', StringComparison.Ordinal);
    return new MachineInfo(
        processor, Environment.ProcessorCount, Vector512.IsHardwareAccelerated, Avx512F.IsSupported, System.Numerics.Vector<float>.Count,
        RuntimeInformation.OSDescription, RuntimeInformation.FrameworkDescription, plus > 0 ? torchSharp[..plus] : torchSharp,
        torch.__version__, torch.get_num_threads(), load);
}

static string RepositoryRoot()
{
    for (DirectoryInfo? d = new(Directory.GetCurrentDirectory()); d is not null; d = d.Parent)
    {
        if (File.Exists(Path.Combine(d.FullName, "NetGen.sln")))
        {
            return d.FullName;
        }
    }
    for (DirectoryInfo? d = new(AppContext.BaseDirectory); d is not null; d = d.Parent)
    {
        if (File.Exists(Path.Combine(d.FullName, "NetGen.sln")))
        {
            return d.FullName;
        }
    }
    return Directory.GetCurrentDirectory();
}

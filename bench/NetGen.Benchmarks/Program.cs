using BenchmarkDotNet.Running;
using NetGen.Benchmarks;

BenchmarkSwitcher.FromTypes([typeof(MonitorBenchmarks), typeof(KernelBenchmarks), typeof(ElementwiseBenchmarks)]).Run(args);

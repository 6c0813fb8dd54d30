using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromTypes([typeof(MonitorBenchmarks), typeof(KernelBenchmarks), typeof(ElementwiseBenchmarks)]).Run(args);

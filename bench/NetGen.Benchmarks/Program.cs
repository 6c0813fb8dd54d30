using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromTypes([typeof(MonitorBenchmarks), typeof(KernelBenchmarks)]).Run(args);

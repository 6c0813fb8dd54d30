using BenchmarkDotNet.Running;
using NetGen.Benchmarks.Analyzers;

BenchmarkSwitcher.FromTypes([typeof(AnalysisBenchmarks), typeof(DeclarationScalingBenchmarks), typeof(RecurrentSequenceBenchmarks)]).Run(args);

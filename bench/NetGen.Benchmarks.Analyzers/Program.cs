using BenchmarkDotNet.Running;
using NetGen.Benchmarks.Analyzers;

BenchmarkRunner.Run<AnalysisBenchmarks>(args: args);

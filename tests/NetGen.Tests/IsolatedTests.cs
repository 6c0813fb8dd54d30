namespace NetGen.Tests;

/// <summary>Tests that measure process-wide things (allocations, kernel threads) run alone, after the others.</summary>
[CollectionDefinition(nameof(IsolatedTests), DisableParallelization = true)]
public sealed class IsolatedTests;

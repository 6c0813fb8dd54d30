namespace NetGen;

/// <summary>
/// Everything a <see cref="SeededRandom"/> remembers: the four words of its xoshiro256** state and the spare normal sample
/// of its last Box–Muller pair. A generator created from a state continues the sequence exactly.
/// </summary>
/// <param name="S0">The first state word.</param>
/// <param name="S1">The second state word.</param>
/// <param name="S2">The third state word.</param>
/// <param name="S3">The fourth state word.</param>
/// <param name="SpareGaussian">The normal sample <see cref="SeededRandom.NextGaussian"/> returns next without drawing, or null.</param>
public readonly record struct SeededRandomState(ulong S0, ulong S1, ulong S2, ulong S3, double? SpareGaussian);

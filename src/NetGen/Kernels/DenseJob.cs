namespace NetGen;

/// <summary>Which product of a dense layer a <see cref="DenseJob"/> computes.</summary>
internal enum DenseOperation
{
    Forward,
    ParameterGradients,
    UpdateParameters,
    InputGradients,
}

/// <summary>
/// One dense-layer product, by the addresses of its operands (pinned by the caller, which waits for every thread
/// before it returns), so that worker threads can share it without allocating. Operands: Forward (x, W, b, z);
/// ParameterGradients (dz, x, ∂W, ∂b; <see cref="Accumulate"/>: add to them rather than overwrite); UpdateParameters (dz, x, W,
/// b, with the <see cref="Optimizer"/> and where W and b are among its parameters); InputGradients (dz, W, dx).
/// </summary>
internal readonly record struct DenseJob(
    DenseOperation Operation, nint A, nint B, nint C, nint D, bool Accumulate, int Batch, int Inputs, int Units,
    object? Optimizer = null, int WeightOffset = 0, int BiasOffset = 0)
{
    /// <summary>The number of multiply-adds: what decides whether threads pay off.</summary>
    public long Work => (long)Batch * Inputs * Units;
}

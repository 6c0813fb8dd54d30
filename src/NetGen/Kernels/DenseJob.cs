namespace NetGen;

/// <summary>Which product of a dense layer a <see cref="DenseJob"/> computes.</summary>
internal enum DenseOperation
{
    Forward,
    ParameterGradients,
    InputGradients,
}

/// <summary>
/// One dense-layer product, by the addresses of its operands (pinned by the caller, which waits for every thread
/// before it returns), so that worker threads can share it without allocating. Operands: Forward (x, W, b, z);
/// ParameterGradients (dz, x, ∂W, ∂b; <see cref="Accumulate"/>: add to them rather than overwrite); InputGradients (dz, W, dx).
/// </summary>
internal readonly record struct DenseJob(DenseOperation Operation, nint A, nint B, nint C, nint D, bool Accumulate, int Batch, int Inputs, int Units)
{
    /// <summary>The number of multiply-adds: what decides whether threads pay off.</summary>
    public long Work => (long)Batch * Inputs * Units;
}

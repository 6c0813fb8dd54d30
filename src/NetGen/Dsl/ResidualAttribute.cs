using System;

namespace NetGen;

/// <summary>
/// Starts a residual block (He et al. 2016): the layers declared after it, up to the matching <see cref="EndResidualAttribute"/>,
/// form the branch <c>F</c>, and the block computes <c>a = activation(F(x) + skip(x))</c>. The skip is the identity when the
/// branch keeps the width of <c>x</c>, else a learned projection <c>P·x</c> (no bias, Glorot uniform); over images, when the
/// branch changes the shape, a 1×1 convolution of stride s without bias (PyTorch's <c>Conv2d(C_in, C_out, 1, stride=s, bias=False)</c>).
/// </summary>
/// <example>Twenty-four residual blocks of two layers each:
/// <code>
/// [Residual(Repeat = 24)]
/// [Dense(64, Activation.ReLU, Init = Init.HeNormal)]
/// [Dense(64, Init = Init.HeNormal)]
/// [EndResidual(Activation = Activation.ReLU)]
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class ResidualAttribute : Attribute
{
    /// <summary>How many identical blocks this declares, one after the other. Default 1; must be positive.</summary>
    public int Repeat { get; set; } = 1;

    /// <summary>
    /// Whether the skip may be a learned projection when the branch changes the width (or an image's shape). Default true;
    /// with false, such a change is a compile error (NG0025), for when an identity skip is wanted for sure.
    /// </summary>
    public bool Projection { get; set; } = true;
}

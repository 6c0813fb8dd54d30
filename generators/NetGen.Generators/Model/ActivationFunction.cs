using System.Globalization;

namespace NetGen.Generators.Model;

/// <summary>An activation and its parameter: LeakyReLU's negative slope, ELU's alpha, 0 for the others.</summary>
internal sealed record ActivationFunction(ActivationKind Kind, double Parameter)
{
    public static ActivationFunction Identity { get; } = new(ActivationKind.Identity, 0);

    public bool IsIdentity => Kind == ActivationKind.Identity;

    /// <summary>How summaries and comments name it: <c>ReLU</c>, <c>LeakyReLU(0.01)</c>.</summary>
    public override string ToString() => Kind is ActivationKind.LeakyReLU or ActivationKind.ELU
        ? $"{Kind}({Parameter.ToString("R", CultureInfo.InvariantCulture)})"
        : Kind.ToString();
}

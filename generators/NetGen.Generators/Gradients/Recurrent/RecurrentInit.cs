using System;

namespace NetGen.Generators.Gradients.Recurrent;

/// <summary>How the recurrent matrix W_hh is initialized, as the model needs it: its gain on the hidden state's squared norm, per gate.</summary>
internal enum RecurrentMatrixKind
{
    /// <summary>I.i.d. zero-mean entries of a given variance (PyTorch's U(±1/√H): variance 1/(3H)).</summary>
    Random,

    /// <summary>Each gate's H×H block orthogonal, times a gain.</summary>
    Orthogonal,

    /// <summary>
    /// One orthogonal matrix over the gates stacked (Keras's <c>orthogonal</c> on the (H, G·H) kernel; PyTorch's
    /// <c>init.orthogonal_</c> on <c>weight_hh</c> of shape (G·H, H)): the stacked map keeps the norm, so each of the G
    /// gates' blocks carries gain²/G of it.
    /// </summary>
    StackedOrthogonal,

    /// <summary>The identity times a gain (IRNN, Le, Jaitly &amp; Hinton 2015).</summary>
    Identity,
}

/// <summary>The recurrent matrix's initialization.</summary>
/// <param name="Kind">The kind of matrix.</param>
/// <param name="Value">The element variance for <see cref="RecurrentMatrixKind.Random"/>, the gain for the others.</param>
internal sealed record RecurrentInit(RecurrentMatrixKind Kind, double Value)
{
    /// <summary>I.i.d. entries of variance <paramref name="elementVariance"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The variance is negative or not finite.</exception>
    public static RecurrentInit Random(double elementVariance) => new(RecurrentMatrixKind.Random, NonNegative(elementVariance, nameof(elementVariance)));

    /// <summary>Each gate's block orthogonal times <paramref name="gain"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The gain is negative or not finite.</exception>
    public static RecurrentInit Orthogonal(double gain) => new(RecurrentMatrixKind.Orthogonal, NonNegative(gain, nameof(gain)));

    /// <summary>One orthogonal matrix over the stacked gates, times <paramref name="gain"/> (Keras's default recurrent kernel).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The gain is negative or not finite.</exception>
    public static RecurrentInit StackedOrthogonal(double gain) => new(RecurrentMatrixKind.StackedOrthogonal, NonNegative(gain, nameof(gain)));

    /// <summary>The identity times <paramref name="gain"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The gain is negative or not finite.</exception>
    public static RecurrentInit Identity(double gain) => new(RecurrentMatrixKind.Identity, NonNegative(gain, nameof(gain)));

    /// <summary>
    /// s_rec²: E‖W_g·h‖² / ‖h‖² for one gate's block W_g, H·variance for i.i.d. entries, gain² for an orthogonal block or
    /// the identity (exactly, whatever h), gain²/<paramref name="gates"/> for a stacked orthogonal matrix.
    /// </summary>
    public double NormGainSquared(int hiddenSize, int gates) => Kind switch
    {
        RecurrentMatrixKind.Random => hiddenSize * Value,
        RecurrentMatrixKind.StackedOrthogonal => Value * Value / gates,
        _ => Value * Value,
    };

    private static double NonNegative(double value, string name) => value >= 0 && !double.IsInfinity(value)
        ? value
        : throw new ArgumentOutOfRangeException(name, value, $"Expected a finite value >= 0, got {value.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}.");
}

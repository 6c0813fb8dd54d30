using System;
using NetGen.Generators.Model;

namespace NetGen.Generators.Gradients;

/// <summary>The activations and their derivatives in double, as the runtime computes them, for the gradient model.</summary>
internal static class ActivationFunctions
{
    private const double SeluLambda = 1.0507009873554804934193349852946;
    private const double SeluAlpha = 1.6732632423543772848170429916717;

    public static Func<double, double> Function(ActivationKind activation, double parameter) => activation switch
    {
        ActivationKind.Sigmoid => z => 1 / (1 + Math.Exp(-z)),
        ActivationKind.Tanh => Math.Tanh,
        ActivationKind.ReLU => z => z > 0 ? z : 0,
        ActivationKind.LeakyReLU => z => z > 0 ? z : parameter * z,
        ActivationKind.ELU => z => z > 0 ? z : parameter * (Math.Exp(z) - 1),
        ActivationKind.SELU => z => SeluLambda * (z > 0 ? z : SeluAlpha * (Math.Exp(z) - 1)),
        _ => z => z,
    };

    public static Func<double, double> Derivative(ActivationKind activation, double parameter) => activation switch
    {
        ActivationKind.Sigmoid => z =>
        {
            double s = 1 / (1 + Math.Exp(-z));
            return s * (1 - s);
        },
        ActivationKind.Tanh => z => 1 - Math.Tanh(z) * Math.Tanh(z),
        ActivationKind.ReLU => z => z > 0 ? 1 : 0,
        ActivationKind.LeakyReLU => z => z > 0 ? 1 : parameter,
        ActivationKind.ELU => z => z > 0 ? 1 : parameter * Math.Exp(z),
        ActivationKind.SELU => z => SeluLambda * (z > 0 ? 1 : SeluAlpha * Math.Exp(z)),
        _ => _ => 1,
    };

    /// <summary>Whether the activation saturates (its derivative goes to 0 on both sides).</summary>
    public static bool Saturates(ActivationKind activation) => activation is ActivationKind.Sigmoid or ActivationKind.Tanh;

    /// <summary>Whether the activation is of the ReLU family (He initialization fits it).</summary>
    public static bool IsReLUFamily(ActivationKind activation) => activation is ActivationKind.ReLU or ActivationKind.LeakyReLU or ActivationKind.ELU;
}

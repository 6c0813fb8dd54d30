using NetGen.Generators.Gradients.Recurrent;
using NetGen.Generators.Model;

namespace NetGen.Generators.Tests.Health.Recurrent;

/// <summary>
/// Model inputs only (no measurement): every cell and initialization the model distinguishes, at H = I = 64 and any T,
/// for the fast path's checks against the numbers before it (<see cref="HorizonNumbersBeforeFastPath"/>) and its cost.
/// </summary>
internal static class HorizonCases
{
    private const int Hidden = 64;
    private const int Input = 64;
    private const double Torch = 1.0 / (3 * Hidden);

    private static readonly Dictionary<string, Func<int, RecurrentHorizonInput>> All = new()
    {
        ["rnn-tanh-torch"] = t => Layer(RecurrentCell.SimpleRnn, ActivationKind.Tanh, RecurrentInit.Random(Torch), Torch, 2 * Torch, ForgetGateBias.Of(0), t),
        ["rnn-tanh-keras"] = t => Layer(RecurrentCell.SimpleRnn, ActivationKind.Tanh, RecurrentInit.Orthogonal(1), 2.0 / (Input + Hidden), 0, ForgetGateBias.Of(0), t),
        ["rnn-relu-orth"] = t => Layer(RecurrentCell.SimpleRnn, ActivationKind.ReLU, RecurrentInit.Orthogonal(1), 1.0 / Input, 0, ForgetGateBias.Of(0), t),
        ["irnn"] = t => Layer(RecurrentCell.SimpleRnn, ActivationKind.ReLU, RecurrentInit.Identity(1), 1e-6, 0, ForgetGateBias.Of(0), t),
        ["lstm-torch"] = t => Layer(RecurrentCell.Lstm, ActivationKind.Tanh, RecurrentInit.Random(Torch), Torch, 2 * Torch, ForgetGateBias.Of(0), t),
        ["lstm-b1"] = t => Layer(RecurrentCell.Lstm, ActivationKind.Tanh, RecurrentInit.Random(Torch), Torch, 0, ForgetGateBias.Of(1), t),
        ["lstm-keras"] = t => Layer(RecurrentCell.Lstm, ActivationKind.Tanh, RecurrentInit.StackedOrthogonal(1), 2.0 / (Input + 4 * Hidden), 0, ForgetGateBias.Of(1), t),
        ["lstm-b3"] = t => Layer(RecurrentCell.Lstm, ActivationKind.Tanh, RecurrentInit.Random(Torch), Torch, 0, ForgetGateBias.Of(3), t),
        ["lstm-chrono50"] = t => Layer(RecurrentCell.Lstm, ActivationKind.Tanh, RecurrentInit.Random(Torch), Torch, 0, ForgetGateBias.Chrono(50), t),
        // Chrono from the declared length, as a user would write it (T_max = T, capped where chrono itself is defined).
        ["lstm-chronoT"] = t => Layer(RecurrentCell.Lstm, ActivationKind.Tanh, RecurrentInit.Random(Torch), Torch, 0, ForgetGateBias.Chrono(Math.Max(3, t)), t),
        ["gru-torch"] = t => Layer(RecurrentCell.Gru, ActivationKind.Tanh, RecurrentInit.Random(Torch), Torch, 2 * Torch, ForgetGateBias.Of(0), t),
        // Inputs that were not standardized (pixel values, E[x²] ~ 10⁴): the gates saturate, beyond the Gauss–Hermite rules' reach.
        ["lstm-chrono50-unscaled"] = t => Layer(RecurrentCell.Lstm, ActivationKind.Tanh, RecurrentInit.Random(Torch), Torch, 0, ForgetGateBias.Chrono(50), t) with { InputMeanSquare = 1e4 },
        ["gru-unscaled"] = t => Layer(RecurrentCell.Gru, ActivationKind.Tanh, RecurrentInit.Random(Torch), Torch, 2 * Torch, ForgetGateBias.Of(0), t) with { InputMeanSquare = 1e4 },
        ["gru-keras"] = t => Layer(RecurrentCell.Gru, ActivationKind.Tanh, RecurrentInit.StackedOrthogonal(1), 2.0 / (Input + 3 * Hidden), 0, ForgetGateBias.Of(0), t),
    };

    public static IEnumerable<string> Names => All.Keys;

    public static RecurrentHorizonInput Get(string name, int length) => All[name](length);

    private static RecurrentHorizonInput Layer(RecurrentCell cell, ActivationKind activation, RecurrentInit recurrent, double inputVariance, double biasVariance,
        ForgetGateBias forget, int length) =>
        new(cell, activation, Hidden, Input, 1, recurrent, inputVariance, biasVariance, forget, length);
}

using NetGen.Generators.Model;

namespace NetGen.Generators.Gradients.Recurrent;

/// <summary>What the time-horizon model needs of one recurrent layer at initialization.</summary>
/// <param name="Cell">The cell.</param>
/// <param name="Activation">A SimpleRNN's activation (tanh or ReLU); LSTM and GRU ignore it.</param>
/// <param name="HiddenSize">H, the hidden state's size.</param>
/// <param name="InputSize">I, the input's size per step.</param>
/// <param name="InputMeanSquare">E[x²] of the input's elements (1 for standardized inputs).</param>
/// <param name="Recurrent">W_hh's initialization (every gate's block the same way).</param>
/// <param name="InputWeightVariance">The element variance of W_ih (PyTorch: 1/(3H); Keras Glorot: 2/(I + G·H) for G gates).</param>
/// <param name="BiasVariance">
/// The variance of each gate's total bias about its mean (PyTorch's b_ih + b_hh, each U(±1/√H): 2/(3H); Keras: 0).
/// </param>
/// <param name="ForgetBias">The LSTM forget gate's bias mean (and chrono); the other cells ignore it.</param>
/// <param name="SequenceLength">T, the steps the layer runs from a zero state.</param>
internal sealed record RecurrentHorizonInput(
    RecurrentCell Cell,
    ActivationKind Activation,
    int HiddenSize,
    int InputSize,
    double InputMeanSquare,
    RecurrentInit Recurrent,
    double InputWeightVariance,
    double BiasVariance,
    ForgetGateBias ForgetBias,
    int SequenceLength)
{
    /// <summary>The gates stacked in W_hh: 1, 4 or 3.</summary>
    public int Gates => Cell switch
    {
        RecurrentCell.Lstm => 4,
        RecurrentCell.Gru => 3,
        _ => 1,
    };

    /// <summary>s_rec² of one gate's block.</summary>
    public double RecurrentGain => Recurrent.NormGainSquared(HiddenSize, Gates);

    /// <summary>The input's share of every pre-activation's variance: I·Var(W_ih)·E[x²].</summary>
    public double InputDrive => InputSize * InputWeightVariance * InputMeanSquare;
}

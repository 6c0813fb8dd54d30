using System;
using NetGen.Generators.Emit;
using NetGen.Generators.Gradients;
using NetGen.Generators.Gradients.Recurrent;
using NetGen.Generators.Model;

namespace NetGen.Generators.Layers.Recurrent;

/// <summary>
/// A SimpleRNN, LSTM or GRU layer over a sequence, in PyTorch's layout: weights <c>weight_ih</c> [gates·units, inputs] then
/// <c>weight_hh</c> [gates·units, units], biases <c>bias_ih</c> then <c>bias_hh</c> [gates·units], the gates stacked in PyTorch's
/// order (LSTM i, f, g, o; GRU r, z, n). Its output is the hidden state, at every step or at the last.
/// </summary>
/// <param name="Cell">Which cell.</param>
/// <param name="CellActivation">A SimpleRNN's activation, tanh or ReLU; the gated cells ignore it.</param>
/// <param name="InputWeightInit">How <c>weight_ih</c> is drawn (fan_in = inputs, fan_out = gates·units).</param>
/// <param name="RecurrentWeightInit">How <c>weight_hh</c> is drawn (fan_in = units, fan_out = gates·units).</param>
/// <param name="BiasInit">How both bias vectors are drawn; null for a cell without biases.</param>
/// <param name="ForgetBias">An LSTM's forget gate's total bias (its block of <c>bias_ih</c>, that of <c>bias_hh</c> 0), or null to keep the draw.</param>
/// <param name="ChronoMaxDependency">T_max of an LSTM's chrono initialization, 0 for none.</param>
internal sealed record RecurrentLayer(
    int Number, Shape Input, Shape Output, RecurrentCell Cell, ActivationKind CellActivation,
    Initializer InputWeightInit, Initializer RecurrentWeightInit, Initializer? BiasInit, double? ForgetBias, int ChronoMaxDependency)
    : Layer(Number, Input, Output)
{
    public override LayerKind Kind => KindOf(Cell);

    /// <summary>The layer kind of a cell: <see cref="LayerKind.SimpleRNN"/>, <see cref="LayerKind.LSTM"/> or <see cref="LayerKind.GRU"/>.</summary>
    public static LayerKind KindOf(RecurrentCell cell) => cell switch
    {
        RecurrentCell.Lstm => LayerKind.LSTM,
        RecurrentCell.Gru => LayerKind.GRU,
        _ => LayerKind.SimpleRNN,
    };

    /// <summary>The gates stacked in the weights: 1, 4 or 3.</summary>
    public int Gates => Cell switch
    {
        RecurrentCell.Lstm => 4,
        RecurrentCell.Gru => 3,
        _ => 1,
    };

    public int Inputs => Input.Features;

    public int Units => Output.Features;

    public int Steps => Input.Steps;

    public bool ReturnSequences => Output.IsSequence;

    public long LongInputWeightCount => (long)Gates * Units * Inputs;

    public override long LongWeightCount => LongInputWeightCount + (long)Gates * Units * Units;

    public override long LongBiasCount => BiasInit is null ? 0 : 2L * Gates * Units;

    public override bool Accepts(Shape input) => input.IsSequence;

    public override (string Takes, string Fix) AcceptedInput =>
        ("a sequence", "declare Steps on [Network], or set ReturnSequences = true on the recurrent layer before it");

    /// <summary>Its largest cache: the gates of every step (and a GRU's backward workspace, twice three gates per step).</summary>
    public override long LargestBufferPerSample => (long)Steps * Units * (Cell == RecurrentCell.Gru ? 6 : Math.Max(4, Gates)) + Units;

    public override string ActivationDescription => Cell == RecurrentCell.SimpleRnn ? CellActivation.ToString() : "-";

    public override string TypeDescription => ReturnSequences ? $"{Kind}(sequences)" : Kind.ToString();

    public override string WeightInitDescription => $"{InputWeightInit}, {RecurrentWeightInit}";

    public override string BiasInitDescription => BiasInit is null ? "-"
        : ChronoMaxDependency > 0 ? $"{BiasInit}, chrono({ChronoMaxDependency})"
        : ForgetBias is double forget ? $"{BiasInit}, forget {forget.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}"
        : BiasInit.ToString();

    public override LayerWriter CreateWriter(NetworkModel network) => new RecurrentWriter(network, this);

    /// <summary>
    /// The layer's output h, from the moments of its input: E[h²] at the last step by the mean-field recursions of
    /// <see cref="RecurrentOutputMoments"/>; the time-horizon prediction goes into <see cref="MeanField.Horizons"/>.
    /// </summary>
    public override Moments PreActivation(MeanField field)
    {
        double inputMeanSquare = field.Outputs[Number - 1].MeanSquare;
        field.Horizons[Number] = PredictHorizon(inputMeanSquare);
        return new Moments(0, RecurrentOutputMoments.FinalMeanSquare(this, inputMeanSquare));
    }

    /// <summary>
    /// The input's gradient: every step's gate pre-activation gradient δ_t reaches h_{t−1} through W_hhᵀ and x_t through
    /// W_ihᵀ, so E[(∂L/∂x_t)²] = E[(∂L/∂h_{t−1})²]·Var(W_ih)·units/s_rec² (s_rec² the recurrent weights' gain per gate);
    /// E[(∂L/∂h_t)²] follows the predicted ratios over lags from the gradient arriving at the last step (or, returning
    /// sequences, at every step, the paths adding). Averaged over the steps, as the layer below sees it per unit.
    /// </summary>
    public override void Backpropagate(MeanField field, GradientMoments preActivationGradient)
    {
        RecurrentHorizonPrediction? horizon = field.Horizons[Number];
        double gain = RecurrentGain();
        if (Number == 1 || horizon is null || !(gain > 0))
        {
            return;
        }
        double inputVariance = InputWeightInit.Variance(Inputs, Gates * Units);
        // ∂L/∂x_t comes with ∂L/∂h_{t−1}, lag L = T − t + 1 from the last step: its mean square is ratio(L)² of the last
        // step's, or, returning sequences, Σ_{m ≤ L} ratio(m)² (a loss at every step, the paths independent). Over a very
        // long sequence every stride-th lag stands for the stride lags from it: the ratios change smoothly.
        int stride = Math.Max(1, Steps / MaxLagsAveraged);
        double perStep = 0, cumulative = Squared(horizon, 0);
        for (int lag = 1; lag <= Steps; lag += stride)
        {
            int lags = Math.Min(stride, Steps - lag + 1);
            cumulative += lags * Squared(horizon, lag);
            perStep += lags * (ReturnSequences ? cumulative : Squared(horizon, lag));
        }
        double toInput = inputVariance * Units / gain;
        field.AddOutputGradient(Number - 1, new GradientMoments(preActivationGradient.MeanSquare * toInput * perStep / Steps, 0));
    }

    /// <summary>The horizon model's input for this layer, or null where the model does not apply (a recurrent matrix it does not know).</summary>
    private RecurrentHorizonInput? HorizonInput(double inputMeanSquare)
    {
        RecurrentInit? recurrent = RecurrentMatrix();
        if (recurrent is null || !IsZeroMean(InputWeightInit))
        {
            return null;
        }
        double biasVariance = BiasInit is null ? 0 : 2 * BiasInit.Variance(Units, Gates * Units);
        double biasMean = BiasInit is null ? 0 : 2 * BiasInit.Mean(Units, Gates * Units);
        ForgetGateBias forget = ChronoMaxDependency > 0 ? ForgetGateBias.Chrono(ChronoMaxDependency) : ForgetGateBias.Of(ForgetBias ?? biasMean);
        return new RecurrentHorizonInput(Cell, CellActivation, Units, Inputs, inputMeanSquare, recurrent,
            InputWeightInit.Variance(Inputs, Gates * Units), biasVariance, forget, Steps);
    }

    private RecurrentHorizonPrediction? PredictHorizon(double inputMeanSquare)
    {
        RecurrentHorizonInput? input = HorizonInput(inputMeanSquare);
        if (input is null)
        {
            return null;
        }
        try
        {
            return RecurrentHorizon.Predict(input);
        }
        catch (NotSupportedException)
        {
            return null; // an identity ReLU recurrence the model does not cover (a gain other than 1, random biases)
        }
    }

    /// <summary>s_rec² of one gate's block, or NaN where unknown.</summary>
    private double RecurrentGain() => RecurrentMatrix()?.NormGainSquared(Units, Gates) ?? double.NaN;

    /// <summary>
    /// W_hh as the model knows it: zero-mean i.i.d. entries, one orthogonal matrix over the stacked gates (our orthogonal
    /// initializer on the [gates·units, units] matrix), or the identity of a SimpleRNN; null otherwise.
    /// </summary>
    private RecurrentInit? RecurrentMatrix() => RecurrentWeightInit switch
    {
        MatrixInitializer { Kind: InitKind.Orthogonal } m => Gates == 1 ? Gradients.Recurrent.RecurrentInit.Orthogonal(m.Gain) : Gradients.Recurrent.RecurrentInit.StackedOrthogonal(m.Gain),
        MatrixInitializer { Kind: InitKind.Identity } m when Gates == 1 => Gradients.Recurrent.RecurrentInit.Identity(m.Gain),
        MatrixInitializer => null,
        Initializer i when IsZeroMean(i) => Gradients.Recurrent.RecurrentInit.Random(i.Variance(Units, Gates * Units)),
        _ => null,
    };

    private static bool IsZeroMean(Initializer initializer) => initializer is not MatrixInitializer && initializer.Mean(1, 1) == 0 && initializer.IsRandom;

    private const int MaxLagsAveraged = 4096;

    /// <summary>The squared ratio at <paramref name="lag"/>; the initial state's lag T is taken as the first step's.</summary>
    private static double Squared(RecurrentHorizonPrediction horizon, int lag)
    {
        double ratio = horizon.Ratio(Math.Min(lag, horizon.SequenceLength - 1));
        return ratio * ratio;
    }
}

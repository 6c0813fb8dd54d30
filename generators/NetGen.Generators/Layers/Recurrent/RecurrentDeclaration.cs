using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using NetGen.Generators.Analysis;
using NetGen.Generators.Gradients.Recurrent;
using NetGen.Generators.Model;
using static NetGen.Generators.Diagnostics.DiagnosticDescriptors;

namespace NetGen.Generators.Layers.Recurrent;

/// <summary>One <c>[SimpleRNN]</c>, <c>[LSTM]</c> or <c>[GRU]</c> attribute as written, its rules, and the layer it declares.</summary>
internal sealed class RecurrentDeclaration : ComputedLayerDeclaration
{
    public const string SimpleRnnAttributeName = "NetGen.SimpleRNNAttribute";
    public const string LstmAttributeName = "NetGen.LSTMAttribute";
    public const string GruAttributeName = "NetGen.GRUAttribute";

    /// <summary>Keras's <c>unit_forget_bias</c>.</summary>
    public const double DefaultForgetBias = 1.0;

    public RecurrentDeclaration(AttributeData attribute, int position, RecurrentCell cell)
        : base(attribute, position)
    {
        Cell = cell;
        var arguments = new AttributeArguments(attribute);
        Units = arguments.Positional(0, "units", 0);
        Activation = cell == RecurrentCell.SimpleRnn
            ? arguments.PositionalEnum(1, "activation", ActivationKind.Tanh)
            : new Argument<ActivationKind>("activation", ActivationKind.Tanh, false);
        ReturnSequences = arguments.Named("ReturnSequences", false);
        Defaults = arguments.NamedEnum("Defaults", RecurrentDefaultsKind.Keras);
        bool pyTorch = Defaults.Value == RecurrentDefaultsKind.PyTorch;
        int units = Units.Value;
        Init = new InitializerArguments(arguments, "Init", pyTorch ? InitKind.HiddenSizeUniform : InitKind.GlorotUniform, isMatrix: true, units);
        RecurrentInit = new InitializerArguments(arguments, "RecurrentInit", pyTorch ? InitKind.HiddenSizeUniform : InitKind.Orthogonal, isMatrix: true, units);
        BiasInit = new InitializerArguments(arguments, "BiasInit", pyTorch ? InitKind.HiddenSizeUniform : InitKind.Zeros, isMatrix: false, units);
        UseBias = arguments.Named("UseBias", true);
        ForgetBias = arguments.Named("ForgetBias", DefaultForgetBias);
        ChronoMaxDependency = arguments.Named("ChronoMaxDependency", 0);
    }

    public RecurrentCell Cell { get; }

    public LayerKind Kind => RecurrentLayer.KindOf(Cell);

    public override string Description => $"{Kind} layer {Position}";

    public Argument<int> Units { get; }

    /// <summary>A SimpleRNN's activation (tanh or ReLU); the gated cells have their own.</summary>
    public Argument<ActivationKind> Activation { get; }

    public Argument<bool> ReturnSequences { get; }

    public Argument<RecurrentDefaultsKind> Defaults { get; }

    public InitializerArguments Init { get; }

    public InitializerArguments RecurrentInit { get; }

    public InitializerArguments BiasInit { get; }

    public Argument<bool> UseBias { get; }

    public Argument<double> ForgetBias { get; }

    public Argument<int> ChronoMaxDependency { get; }

    /// <summary>
    /// The LSTM forget gate's total bias, or null when the forget gate keeps its bias draw: PyTorch's defaults with
    /// <c>ForgetBias</c> not written, a cell without biases, or chrono initialization (which sets it per unit).
    /// </summary>
    private double? ForgetGateBias =>
        Cell != RecurrentCell.Lstm || !UseBias.Value || ChronoMaxDependency.Value > 0 || (Defaults.Value == RecurrentDefaultsKind.PyTorch && !ForgetBias.IsExplicit)
            ? null
            : ForgetBias.Value;

    public override void Check(PrecisionKind precision, List<DeclarationProblem> problems)
    {
        ArgumentRules.Size(Units, Attribute, $"The units of {Description}", problems);
        ArgumentRules.Defined(Defaults, Attribute, $"Defaults of {Description}", problems);
        if (Cell == RecurrentCell.SimpleRnn && Activation.Value is not (ActivationKind.Tanh or ActivationKind.ReLU))
        {
            problems.Add(new DeclarationProblem(ArgumentOutOfRange, Attribute, Activation.Name, $"The activation of {Description}",
                Activation.Value.ToString(), "Activation.Tanh or Activation.ReLU, the two nonlinearities of PyTorch's nn.RNN"));
        }
        Init.Check(Attribute, Description, precision, problems);
        RecurrentInit.Check(Attribute, Description, precision, problems);
        BiasInit.Check(Attribute, Description, precision, problems);
        if (!UseBias.Value)
        {
            Ignored(BiasInit.Kind, "UseBias is false", "set UseBias = true");
            Ignored(ForgetBias, "UseBias is false", "set UseBias = true");
            Ignored(ChronoMaxDependency, "UseBias is false", "set UseBias = true");
        }
        if (ForgetBias.IsExplicit && UseBias.Value)
        {
            ArgumentRules.Number(ForgetBias, Attribute, $"ForgetBias of {Description}", "a finite number", _ => true, precision, problems);
            Ignored(ForgetBias, "ChronoMaxDependency sets the forget gate's biases", "remove ChronoMaxDependency", ChronoMaxDependency.Value > 0);
        }
        if (ChronoMaxDependency.IsExplicit && UseBias.Value && ChronoMaxDependency.Value < 3)
        {
            problems.Add(new DeclarationProblem(ArgumentOutOfRange, Attribute, ChronoMaxDependency.Name, $"ChronoMaxDependency of {Description}",
                ChronoMaxDependency.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "at least 3: chrono initialization draws each forget bias as log u, u ~ U[1, T_max − 1] (Tallec & Ollivier 2018); " +
                "set it to the longest dependency in steps, or remove it"));
        }

        void Ignored<T>(Argument<T> argument, string because, string fix, bool when = true)
        {
            if (argument.IsExplicit && when)
            {
                problems.Add(new DeclarationProblem(ArgumentIsIgnored, Attribute, argument.Name, $"{argument.Name} of {Description}", because, fix));
            }
        }
    }

    public override Layer ToLayer(int number, Shape input) => new RecurrentLayer(
        number,
        input,
        ReturnSequences.Value ? new Shape(Units.Value, input.Steps) : new Shape(Units.Value),
        Cell,
        Activation.Value,
        Init.ToInitializer(),
        RecurrentInit.ToInitializer(),
        UseBias.Value ? BiasInit.ToInitializer() : null,
        ForgetGateBias,
        UseBias.Value ? ChronoMaxDependency.Value : 0);
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using NetGen.Generators.Analysis;
using NetGen.Generators.Layers.Dense;
using NetGen.Generators.Layers.Normalization;
using NetGen.Generators.Layers.Recurrent;
using NetGen.Generators.Layers.Residual;
using NetGen.Generators.Model;
using static NetGen.Generators.Diagnostics.DiagnosticDescriptors;

namespace NetGen.Generators.Gradients;

/// <summary>
/// The gradient-health rules (NG01xx): the designs that will not train, with the predicted numbers. They run on the
/// analysis of a declaration without errors: its model, its unrolled layers and the mean-field prediction.
/// </summary>
internal static class GradientRules
{
    private const int MinReLUDepthForInitRule = 4;
    private const int MinDepthForBatchNormRule = 8;
    private const int MinBlocksForResidualRule = 4;
    private const int MinFanInForStandardNormal = 16;

    public static List<DeclarationProblem> Check(NetworkAnalysis analysis, GradientHealthOptions options)
    {
        var problems = new List<DeclarationProblem>();
        if (analysis.Model is not NetworkModel network)
        {
            return problems;
        }
        GradientProfile profile = GradientModel.Predict(network);
        IReadOnlyList<ExpandedLayer> layers = analysis.Layers;
        CheckGradientRatio(network, layers, profile, options, problems);
        CheckInitializers(layers, profile, problems);
        CheckNarrowReLU(profile, layers, options, problems);
        CheckBatchNormWithoutSkips(analysis, layers, problems);
        CheckResidualWithoutNormalization(layers, profile, problems);
        CheckSigmoidOutputWithQuadraticLoss(analysis, network, layers, problems);
        RecurrentRules.Check(layers, profile, options, problems);
        return problems;
    }

    private static IEnumerable<(DenseLayer Layer, DenseDeclaration Source)> Dense(IEnumerable<ExpandedLayer> layers) =>
        layers.Where(l => l.Layer is DenseLayer).Select(l => ((DenseLayer)l.Layer, (DenseDeclaration)l.Source));

    /// <summary>
    /// NG0101/NG0108 and NG0102/NG0109: Nielsen's speed of learning (ch. 5), the size of ∂loss/∂z per unit (what a bias
    /// gradient measures), of the first hidden dense layer against the last. With one hidden layer there is nothing to compare.
    /// </summary>
    private static void CheckGradientRatio(
        NetworkModel network, IReadOnlyList<ExpandedLayer> layers, GradientProfile profile, GradientHealthOptions options, List<DeclarationProblem> problems)
    {
        var hidden = Dense(layers).Where(l => l.Layer.Number < network.Layers.Count).ToList();
        if (hidden.Count < 2)
        {
            return;
        }
        (DenseLayer first, DenseDeclaration firstSource) = hidden[0];
        DenseLayer last = hidden[hidden.Count - 1].Layer;
        LayerPrediction firstPrediction = profile.Layers[first.Number - 1], lastPrediction = profile.Layers[last.Number - 1];
        double firstGradient = firstPrediction.RelativeGradientNorm, lastGradient = lastPrediction.RelativeGradientNorm;
        if (!(firstGradient > 0 || lastGradient > 0))
        {
            return; // no gradient reaches either layer (zero weights after them): NG0103 says why
        }
        double faster = firstGradient / lastGradient, slower = lastGradient / firstGradient;
        if (Rung(slower, faster, options) is not DiagnosticDescriptor descriptor)
        {
            return;
        }
        bool vanishing = slower > faster;
        double? firstNorm = WeightGradientNorm(first, firstPrediction), lastNorm = WeightGradientNorm(last, lastPrediction);
        string norms = firstNorm is double f && lastNorm is double l && l > 0 ? $"; its weight-gradient norm is ~{Format(f / l)} times {last.Name}'s" : "";
        problems.Add(new DeclarationProblem(descriptor, firstSource.Attribute, null,
            $"{first.Name} ({firstSource.Description})", Factor(vanishing ? slower : faster), last.Name, Format(firstGradient), Format(lastGradient), norms,
            Describe(network),
            vanishing
                ? "use ReLU with He init (Init.HeNormal), add residual blocks, or add normalization ([BatchNorm] or [LayerNorm])"
                : "use an initializer with a smaller variance (Glorot or LeCun), add normalization, or clip gradients (TrainingOptions.ClipGradientNorm)"));
    }

    /// <summary>The ladder: the warning from its factor on, else the note from its factor on, else nothing.</summary>
    private static DiagnosticDescriptor? Rung(double slower, double faster, GradientHealthOptions options) =>
        slower >= options.VanishingWarningFactor ? VanishingGradient
        : slower >= options.VanishingNoteFactor ? FirstLayersLearnSlower
        : faster >= options.ExplodingWarningFactor ? ExplodingGradient
        : faster >= options.ExplodingNoteFactor ? FirstLayersLearnFaster
        : null;

    /// <summary>
    /// The L2 norm of a dense layer's weight gradient per sample, relative to the output layer's ∂loss/∂z (AutoTrainer's
    /// quantity): Σᵢⱼ (dzᵢ·xⱼ)² = units·g·inputs·E[x²]. With zero-mean weights the layer's own pre-activation variance,
    /// q = inputs·E[w²]·E[x²] + Var(b), gives inputs·E[x²]; null for other weights (the model does not keep E[x²]).
    /// </summary>
    private static double? WeightGradientNorm(DenseLayer layer, LayerPrediction prediction)
    {
        double secondMoment = layer.WeightInit.SecondMoment(layer.Inputs, layer.Units);
        if (layer.WeightInit.Mean(layer.Inputs, layer.Units) != 0 || !(secondMoment > 0))
        {
            return null;
        }
        double biasVariance = layer.BiasInit?.Variance(layer.Inputs, layer.Units) ?? 0;
        double inputSquares = Math.Max(0, prediction.PreActivationVariance - biasVariance) / secondMoment;
        return prediction.RelativeGradientNorm * Math.Sqrt(layer.Units * inputSquares);
    }

    /// <summary>"8 Sigmoid layers with GlorotUniform init, no residual or normalization": what the prediction comes from.</summary>
    private static string Describe(NetworkModel network)
    {
        IEnumerable<string> groups = network.Layers.OfType<DenseLayer>()
            .Where(l => l.Number < network.Layers.Count)
            .GroupBy(l => (l.Activation.Kind, Init: l.WeightInit.ToString()))
            .OrderByDescending(g => g.Count())
            .Select(g => $"{g.Count()} {g.Key.Kind} layer{(g.Count() == 1 ? "" : "s")} with {g.Key.Init} init");
        int blocks = network.Layers.Count(l => l.Kind == LayerKind.Residual);
        int normalizations = network.Layers.Count(l => l is NormalizationLayer);
        string structure = blocks == 0 && normalizations == 0
            ? "no residual or normalization"
            : $"{blocks} residual block{(blocks == 1 ? "" : "s")}, {normalizations} normalization layer{(normalizations == 1 ? "" : "s")}";
        return string.Join(", ", groups) + ", " + structure;
    }

    private static void CheckInitializers(IReadOnlyList<ExpandedLayer> layers, GradientProfile profile, List<DeclarationProblem> problems)
    {
        double Gain(DenseLayer layer) =>
            layer.Units * layer.WeightInit.SecondMoment(layer.Inputs, layer.Units) * profile.Layers[layer.Number - 1].DerivativeMeanSquare;
        var relu = Dense(layers).Where(l => ActivationFunctions.IsReLUFamily(l.Layer.Activation.Kind)).ToList();
        // What the ReLU-family layers do to the gradient together: the product of each one's own gain.
        double reluProduct = relu.Aggregate(1.0, (product, l) => product * Gain(l.Layer));
        var reported = new HashSet<DenseDeclaration>();
        foreach ((DenseLayer layer, DenseDeclaration dense) in Dense(layers))
        {
            if (!reported.Add(dense))
            {
                continue;
            }
            double gain = Gain(layer);
            string? problem = null, fix = null;
            ActivationKind activation = layer.Activation.Kind;
            InitKind init = dense.Init.Kind.Value;
            bool endsResidualBranch = layer.Number < layers.Count && layers[layer.Number].Layer is ResidualLayer;
            if (layer.WeightInit is ConstantInitializer constant && !endsResidualBranch)
            {
                // A branch that starts at zero makes its block the identity (Fixup, SkipInit): a remedy, not a mistake.
                problem = constant.Value == 0
                    ? $"its weights all start at 0 ({init}): every unit computes the same output and no gradient reaches the layers before it until the weights move"
                    : $"its weights all start at {Format(constant.Value)} ({init}): every unit computes the same output, so the layer starts with one unit's worth of features and its units become different only through the gradients sent back to them";
                fix = "use a random zero-mean initializer (" + Fitting(activation) + ")";
            }
            else if (init == InitKind.StandardNormal && layer.Inputs >= MinFanInForStandardNormal)
            {
                problem = $"N(0, 1) weights on {layer.Inputs} inputs give pre-activations of variance ~{layer.Inputs}·E[x²], which saturates sigmoid and tanh and blows up the ReLU family";
                fix = "use Init." + Fitting(activation) + ", whose variance is scaled by the fan-in";
            }
            else if (ActivationFunctions.IsReLUFamily(activation) && layer.WeightInit is FanInitializer && init is not (InitKind.HeNormal or InitKind.HeUniform)
                     && relu.Count >= MinReLUDepthForInitRule)
            {
                problem = $"{activation} with {init} init multiplies the gradient's variance by ~{Format(gain)} at this layer (n·Var(W)·E[f'(z)²]), and the {relu.Count} ReLU-family layers together by ~{Format(reluProduct)}";
                fix = "use Init.HeNormal, which keeps it near 1 (He et al. 2015)";
            }
            else if (ActivationFunctions.Saturates(activation) && init is InitKind.HeNormal or InitKind.HeUniform)
            {
                problem = $"He init is meant for the ReLU family; with {activation} it makes the pre-activations' variance twice as large, pushing the units toward saturation (gain ~{Format(gain)} per layer)";
                fix = "use Init.GlorotUniform or Init.LeCunNormal";
            }
            else if (activation == ActivationKind.SELU && layer.WeightInit is FanInitializer && init != InitKind.LeCunNormal)
            {
                problem = $"SELU is self-normalizing only with LeCun normal init (Klambauer et al. 2017); with {init} the gain is ~{Format(gain)} per layer";
                fix = "use Init.LeCunNormal (SELU's default when Init is not given)";
            }
            if (problem is not null)
            {
                problems.Add(new DeclarationProblem(InitializerDoesNotFitActivation, dense.Attribute, dense.Init.Kind.Name,
                    $"{dense.Description} ({activation}, {init})", problem, fix!));
            }
        }
    }

    /// <summary>The initializer that keeps the signal's variance steady for the activation: what NG0103 recommends and its fix writes.</summary>
    internal static string Fitting(ActivationKind activation) => activation switch
    {
        ActivationKind.ReLU or ActivationKind.LeakyReLU or ActivationKind.ELU => "HeNormal",
        ActivationKind.SELU => "LeCunNormal",
        _ => "GlorotUniform",
    };

    private static void CheckNarrowReLU(GradientProfile profile, IReadOnlyList<ExpandedLayer> layers, GradientHealthOptions options, List<DeclarationProblem> problems)
    {
        if (profile.FiniteWidth is not FiniteWidthPrediction prediction || prediction.Layers == 0
            || !(prediction.TypicalRatio < options.NarrowReLUTypicalGradient || prediction.DeadForAnInput >= options.NarrowReLUDeadProbability))
        {
            return;
        }
        DenseDeclaration first = Dense(layers).First(l => l.Layer.Activation.Kind is ActivationKind.ReLU or ActivationKind.LeakyReLU).Source;
        problems.Add(new DeclarationProblem(DeepNarrowReLUStack, first.Attribute, first.Units.Name,
            prediction.Layers, prediction.NarrowestWidth, Format(prediction.Beta), Fraction(prediction.TypicalRatio),
            Percent(prediction.DeadForAnInput), Percent(prediction.DeadUnitFraction), FiniteWidth.BatchSize,
            Fraction(options.NarrowReLUTypicalGradient), Percent(options.NarrowReLUDeadProbability)));
    }

    /// <summary>"1/500", "1/1.2E+04" for a ratio below 1; two significant digits otherwise.</summary>
    private static string Fraction(double ratio)
    {
        if (ratio >= 1)
        {
            return Format(ratio);
        }
        double inverse = 1 / ratio;
        return "1/" + (inverse < 1000 ? Math.Round(inverse).ToString(CultureInfo.InvariantCulture) : Format(inverse));
    }

    /// <summary>"45 %", "0.3 %", "&lt;0.01 %": whole percents from 1 % up, one significant digit below, down to 0.01 %.</summary>
    private static string Percent(double probability)
    {
        double percent = 100 * probability;
        return percent >= 1 ? Math.Round(percent).ToString(CultureInfo.InvariantCulture) + " %"
            : percent >= 0.01 ? percent.ToString("G1", CultureInfo.InvariantCulture) + " %"
            : "<0.01 %";
    }

    private static void CheckBatchNormWithoutSkips(NetworkAnalysis analysis, IReadOnlyList<ExpandedLayer> layers, List<DeclarationProblem> problems)
    {
        if (layers.Any(l => l.Layer.Kind == LayerKind.Residual))
        {
            return;
        }
        var hidden = layers.Where(l => l.Layer.Kind == LayerKind.Dense && l.Layer.Number < layers.Count).ToList();
        bool everyOneNormalized = hidden.All(l => layers[l.Layer.Number].Layer.Kind == LayerKind.BatchNorm);
        if (hidden.Count >= MinDepthForBatchNormRule && everyOneNormalized)
        {
            problems.Add(new DeclarationProblem(BatchNormWithoutSkipConnections, analysis.Declaration.Network, null, hidden.Count));
        }
    }

    private static void CheckResidualWithoutNormalization(IReadOnlyList<ExpandedLayer> layers, GradientProfile profile, List<DeclarationProblem> problems)
    {
        var blocks = layers.Where(l => l.Layer is ResidualLayer).ToList();
        bool normalized = layers.Any(l => l.Layer is NormalizationLayer);
        if (blocks.Count < MinBlocksForResidualRule || normalized)
        {
            return;
        }
        var first = (ResidualLayer)blocks[0].Layer;
        Layer last = blocks[blocks.Count - 1].Layer;
        double before = first.SkipFrom == 0 ? 1 : profile.Layers[first.SkipFrom - 1].PreActivationVariance;
        double growth = profile.Layers[last.Number - 1].PreActivationVariance / before;
        problems.Add(new DeclarationProblem(ResidualWithoutNormalization, blocks[0].Block!.Attribute, null, blocks.Count, Format(growth)));
    }

    private static void CheckSigmoidOutputWithQuadraticLoss(NetworkAnalysis analysis, NetworkModel network, IReadOnlyList<ExpandedLayer> layers, List<DeclarationProblem> problems)
    {
        ActivationKind activation = network.OutputLayer.Activation.Kind;
        if (network.Loss != LossKind.MeanSquaredError || !ActivationFunctions.Saturates(activation))
        {
            return;
        }
        var output = (DenseDeclaration)layers[layers.Count - 1].Source;
        string maximum = activation == ActivationKind.Sigmoid ? "1/4" : "1";
        NetworkDeclaration declaration = analysis.Declaration;
        problems.Add(declaration.Loss.IsExplicit
            ? new DeclarationProblem(SigmoidOutputWithQuadraticLoss, declaration.Network, declaration.Loss.Name, activation, maximum)
            : new DeclarationProblem(SigmoidOutputWithQuadraticLoss, output.Attribute, output.Activation.Activation.Name, activation, maximum));
    }

    /// <summary>How many times faster or slower, to two significant digits, without an exponent below 1000: 9.5, 24, 110, 1E+03.</summary>
    private static string Factor(double value) =>
        value >= 10 && value < 1000 ? double.Parse(Format(value), CultureInfo.InvariantCulture).ToString("F0", CultureInfo.InvariantCulture) : Format(value);

    /// <summary>Two significant digits, invariant: 3.7E-06, 0.5, 1000.</summary>
    private static string Format(double value) => value.ToString("G2", CultureInfo.InvariantCulture);
}

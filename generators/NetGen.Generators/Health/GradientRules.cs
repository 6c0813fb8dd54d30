using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NetGen.Generators.Declarations;
using NetGen.Generators.Model;
using static NetGen.Generators.Diagnostics.DiagnosticDescriptors;

namespace NetGen.Generators.Health;

/// <summary>
/// The gradient-health rules (NG01xx): the designs that will not train, with the predicted numbers. They run on a
/// declaration without errors, with its spec and the mean-field prediction.
/// </summary>
internal static class GradientRules
{
    private const int MinReLUDepthForInitRule = 4;
    private const int MinDepthForBatchNormRule = 8;
    private const int MinBlocksForResidualRule = 4;
    private const int MinFanInForStandardNormal = 16;

    public static List<DeclarationProblem> Check(NetworkDeclaration declaration, NetworkSpec spec, GradientHealthOptions options)
    {
        var problems = new List<DeclarationProblem>();
        List<ExpandedLayer> layers = LayerExpansion.Expand(spec.Inputs, declaration.Layers);
        GradientProfile profile = GradientModel.Predict(spec);
        CheckGradientRatio(declaration, spec, layers, profile, options, problems);
        CheckInitializers(spec, layers, profile, problems);
        CheckNarrowReLU(layers, options, problems);
        CheckBatchNormWithoutSkips(declaration, layers, problems);
        CheckResidualWithoutNormalization(declaration, layers, profile, problems);
        CheckSigmoidOutputWithQuadraticLoss(declaration, spec, problems);
        return problems;
    }

    private static void CheckGradientRatio(
        NetworkDeclaration declaration, NetworkSpec spec, List<ExpandedLayer> layers, GradientProfile profile, GradientHealthOptions options,
        List<DeclarationProblem> problems)
    {
        double ratio = profile.FirstToLastRatio;
        bool vanishing = ratio < options.VanishingThreshold;
        if (!vanishing && !(ratio > options.ExplodingThreshold))
        {
            return;
        }
        ExpandedLayer first = layers.First(l => l.Kind == LayerKind.Dense);
        string where = $"Layer{first.Number} ({first.Source.Description})";
        string output = $"Layer{spec.Layers.Count}";
        string reason = Describe(spec);
        problems.Add(vanishing
            ? new DeclarationProblem(VanishingGradient, first.Source.Attribute, null, where, Format(ratio), output, reason,
                "use ReLU with He init (Init.HeNormal), add residual blocks, or add normalization ([BatchNorm] or [LayerNorm])")
            : new DeclarationProblem(ExplodingGradient, first.Source.Attribute, null, where, Format(ratio), output, reason,
                "use an initializer with a smaller variance (Glorot or LeCun), add normalization, or clip gradients (TrainingOptions.ClipGradientNorm)"));
    }

    /// <summary>"8 Sigmoid layers, GlorotUniform init, no residual or normalization": what the prediction comes from.</summary>
    private static string Describe(NetworkSpec spec)
    {
        List<LayerSpec> hidden = spec.Layers.Where(l => l.Kind == LayerKind.Dense && l.Number < spec.Layers.Count).ToList();
        IEnumerable<string> groups = hidden
            .GroupBy(l => (l.Activation, l.WeightInit))
            .OrderByDescending(g => g.Count())
            .Select(g => $"{g.Count()} {g.Key.Activation} layer{(g.Count() == 1 ? "" : "s")} with {g.Key.WeightInit} init");
        int blocks = spec.Layers.Count(l => l.Kind == LayerKind.Residual);
        int normalizations = spec.Layers.Count(l => l.Kind is LayerKind.BatchNorm or LayerKind.LayerNorm);
        string structure = blocks == 0 && normalizations == 0
            ? "no residual or normalization"
            : $"{blocks} residual block{(blocks == 1 ? "" : "s")}, {normalizations} normalization layer{(normalizations == 1 ? "" : "s")}";
        return string.Join(", ", groups) + ", " + structure;
    }

    private static void CheckInitializers(NetworkSpec spec, List<ExpandedLayer> layers, GradientProfile profile, List<DeclarationProblem> problems)
    {
        int reluLayers = spec.Layers.Count(l => l.Kind == LayerKind.Dense && ActivationFunctions.IsReLUFamily(l.Activation));
        var reported = new HashSet<LayerDeclaration>();
        foreach (ExpandedLayer expanded in layers)
        {
            if (expanded.Source is not DenseDeclaration dense || !reported.Add(dense))
            {
                continue;
            }
            LayerSpec layer = spec.Layers[expanded.Number - 1];
            double gain = layer.Units * InitVariance.SecondMoment(layer.WeightInit, layer.WeightInitValue, layer.Inputs, layer.Units)
                          * profile.Layers[layer.Number - 1].DerivativeMeanSquare;
            string? problem = null, fix = null;
            ActivationKind activation = layer.Activation;
            InitKind init = layer.WeightInit;
            if (init is InitKind.Zeros or InitKind.Constant)
            {
                problem = $"its weights all start at {Format(layer.WeightInitValue)} ({init}), so every unit of the layer computes the same and gets the same gradient: they never become different";
                fix = "use a random zero-mean initializer (" + Fitting(activation) + ")";
            }
            else if (init == InitKind.StandardNormal && layer.Inputs >= MinFanInForStandardNormal)
            {
                problem = $"N(0, 1) weights on {layer.Inputs} inputs give pre-activations of variance ~{layer.Inputs}·E[x²], which saturates sigmoid and tanh and blows up the ReLU family";
                fix = "use Init." + Fitting(activation) + ", whose variance is scaled by the fan-in";
            }
            else if (ActivationFunctions.IsReLUFamily(activation) && init is not (InitKind.HeNormal or InitKind.HeUniform) && reluLayers >= MinReLUDepthForInitRule)
            {
                problem = $"{activation} with {init} init multiplies the gradient's variance by ~{Format(gain)} per layer (n·Var(W)·E[f'(z)²]), which over {reluLayers} such layers is ~{Format(Math.Pow(gain, reluLayers))}";
                fix = "use Init.HeNormal, which keeps it near 1 (He et al. 2015)";
            }
            else if (ActivationFunctions.Saturates(activation) && init is InitKind.HeNormal or InitKind.HeUniform)
            {
                problem = $"He init is meant for the ReLU family; with {activation} it makes the pre-activations' variance twice as large, pushing the units toward saturation (gain ~{Format(gain)} per layer)";
                fix = "use Init.GlorotUniform or Init.LeCunNormal";
            }
            else if (activation == ActivationKind.SELU && init != InitKind.LeCunNormal)
            {
                problem = $"SELU is self-normalizing only with LeCun normal init (Klambauer et al. 2017); with {init} the gain is ~{Format(gain)} per layer";
                fix = "use Init.LeCunNormal (SELU's default when Init is not given)";
            }
            if (problem is not null)
            {
                problems.Add(new DeclarationProblem(InitializerDoesNotFitActivation, dense.Attribute, dense.Init.Name,
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

    private static void CheckNarrowReLU(List<ExpandedLayer> layers, GradientHealthOptions options, List<DeclarationProblem> problems)
    {
        List<ExpandedLayer> relu = layers
            .Where(l => l.Kind == LayerKind.Dense && l.Source is DenseDeclaration dense && ActivationFunctions.IsReLUFamily(dense.Activation.Value))
            .ToList();
        if (relu.Count < MinReLUDepthForInitRule)
        {
            return;
        }
        double sum = relu.Sum(l => 1.0 / l.Units);
        if (sum > options.NarrowReLUThreshold)
        {
            problems.Add(new DeclarationProblem(DeepNarrowReLUStack, relu[0].Source.Attribute, "units",
                relu.Count, relu.Min(l => l.Units), Format(sum), Format(options.NarrowReLUThreshold)));
        }
    }

    private static void CheckBatchNormWithoutSkips(NetworkDeclaration declaration, List<ExpandedLayer> layers, List<DeclarationProblem> problems)
    {
        if (layers.Any(l => l.Kind == LayerKind.Residual))
        {
            return;
        }
        List<ExpandedLayer> hidden = layers.Where(l => l.Kind == LayerKind.Dense && l.Number < layers.Count).ToList();
        bool everyOneNormalized = hidden.All(l => l.Number < layers.Count && layers[l.Number].Kind == LayerKind.BatchNorm);
        if (hidden.Count >= MinDepthForBatchNormRule && everyOneNormalized)
        {
            problems.Add(new DeclarationProblem(BatchNormWithoutSkipConnections, declaration.Network, null, hidden.Count));
        }
    }

    private static void CheckResidualWithoutNormalization(
        NetworkDeclaration declaration, List<ExpandedLayer> layers, GradientProfile profile, List<DeclarationProblem> problems)
    {
        List<ExpandedLayer> blocks = layers.Where(l => l.Kind == LayerKind.Residual).ToList();
        bool normalized = layers.Any(l => l.Kind is LayerKind.BatchNorm or LayerKind.LayerNorm);
        if (blocks.Count < MinBlocksForResidualRule || normalized)
        {
            return;
        }
        ExpandedLayer first = blocks[0], last = blocks[blocks.Count - 1];
        double before = first.SkipFrom == 0 ? 1 : profile.Layers[first.SkipFrom - 1].PreActivationVariance;
        double growth = profile.Layers[last.Number - 1].PreActivationVariance / before;
        problems.Add(new DeclarationProblem(ResidualWithoutNormalization, first.Block!.Attribute, null, blocks.Count, Format(growth)));
    }

    private static void CheckSigmoidOutputWithQuadraticLoss(NetworkDeclaration declaration, NetworkSpec spec, List<DeclarationProblem> problems)
    {
        ActivationKind activation = spec.OutputLayer.Activation;
        if (spec.Loss != LossKind.MeanSquaredError || !ActivationFunctions.Saturates(activation))
        {
            return;
        }
        var output = (DenseDeclaration)declaration.Layers[declaration.Layers.Count - 1];
        string maximum = activation == ActivationKind.Sigmoid ? "1/4" : "1";
        problems.Add(declaration.Loss.IsExplicit
            ? new DeclarationProblem(SigmoidOutputWithQuadraticLoss, declaration.Network, declaration.Loss.Name, activation, maximum)
            : new DeclarationProblem(SigmoidOutputWithQuadraticLoss, output.Attribute, output.Activation.Name, activation, maximum));
    }

    /// <summary>Two significant digits, invariant: 3.7E-06, 0.5, 1000.</summary>
    private static string Format(double value) => value.ToString("G2", CultureInfo.InvariantCulture);
}

using System;
using System.Collections.Generic;
using System.Globalization;
using NetGen.Generators.Analysis;
using NetGen.Generators.Gradients;
using NetGen.Generators.Gradients.Recurrent;
using NetGen.Generators.Model;
using static NetGen.Generators.Diagnostics.DiagnosticDescriptors;

namespace NetGen.Generators.Layers.Recurrent;

/// <summary>
/// The recurrent layers' gradient-health rules, from their predictions over time (<see cref="LayerPrediction.Horizon"/>):
/// NG0110 when the gradient reaching the first step is a tiny fraction of the last step's (or a SimpleRNN's horizon a small
/// part of its sequence), NG0111 when it grows instead.
/// </summary>
internal static class RecurrentRules
{
    public static void Check(IReadOnlyList<ExpandedLayer> layers, GradientProfile profile, GradientHealthOptions options, List<DeclarationProblem> problems)
    {
        foreach (ExpandedLayer expanded in layers)
        {
            if (expanded.Layer is not RecurrentLayer layer || profile.Layers[layer.Number - 1].Horizon is not { } horizon || layer.Steps < 2)
            {
                continue;
            }
            var source = (RecurrentDeclaration)expanded.Source;
            double first = horizon.FirstStepRatio;
            string name = $"{layer.Name} ({source.Description})";
            bool shortForASimpleRnn = layer.Cell == RecurrentCell.SimpleRnn && horizon.MemoryHorizon < options.RecurrentHorizonFraction * layer.Steps;
            if (first < options.RecurrentFirstStepGradient || shortForASimpleRnn)
            {
                string criterion = $"NG0110 fires for a first-step gradient below {Format(options.RecurrentFirstStepGradient)}" +
                                   (layer.Cell == RecurrentCell.SimpleRnn ? $", or a SimpleRNN's horizon below {Format(options.RecurrentHorizonFraction)} of its sequence" : "");
                problems.Add(new DeclarationProblem(ShortMemoryHorizon, source.Attribute, null, name, Steps(horizon.MemoryHorizon), layer.Steps.ToString(CultureInfo.InvariantCulture),
                    Format(first), Context(layer), criterion, Fix(layer)));
            }
            else if (first > options.RecurrentExplodingFactor && layer.Cell == RecurrentCell.SimpleRnn)
            {
                double singular = LargestSingularValue(layer);
                problems.Add(new DeclarationProblem(ExplodingRecurrence, source.Attribute, null, name, Format(first), layer.Steps.ToString(CultureInfo.InvariantCulture),
                    Format(singular), "1", Format(singular), Format(options.RecurrentExplodingFactor),
                    "clip the gradient by its global norm (TrainingOptions.ClipGradientNorm, Pascanu et al. 2013), or start from orthogonal recurrent weights of gain 1 (RecurrentInit = Init.Orthogonal)"));
            }
        }
    }

    /// <summary>What the rule's fix says: the remedy that fits the cell.</summary>
    public static string Fix(RecurrentLayer layer) => layer.Cell switch
    {
        RecurrentCell.Lstm => $"initialize it for {layer.Steps}-step dependencies with ChronoMaxDependency = {layer.Steps} (chrono initialization, Tallec & Ollivier 2018), or raise ForgetBias",
        RecurrentCell.Gru => $"use [LSTM({layer.Units}, ChronoMaxDependency = {layer.Steps})], whose chrono initialization starts with a memory of up to {layer.Steps} steps",
        _ => $"use [LSTM({layer.Units}, ChronoMaxDependency = {layer.Steps})] or [GRU({layer.Units})], whose gates carry the gradient back" +
             (layer.CellActivation == ActivationKind.ReLU ? ", or identity recurrent weights (IRNN, Le et al. 2015: RecurrentInit = Init.Identity)" : ""),
    };

    private static string Context(RecurrentLayer layer) => layer.Cell switch
    {
        RecurrentCell.Lstm when layer.ForgetBias is null && layer.ChronoMaxDependency == 0 => " (its forget gate starts at σ(0) = 0.5: PyTorch's and TorchSharp's default)",
        RecurrentCell.Lstm when layer.ForgetBias is double b && layer.ChronoMaxDependency == 0 => $" (its forget gate starts at σ({Format(b)}) = {Format(1 / (1 + Math.Exp(-b)))})",
        _ => "",
    };

    /// <summary>
    /// Of W_hh at initialization: the gain of an orthogonal or identity matrix, 2·√(units·variance) for i.i.d. entries (the
    /// edge of the Marchenko–Pastur law for a square matrix).
    /// </summary>
    private static double LargestSingularValue(RecurrentLayer layer) => layer.RecurrentWeightInit switch
    {
        MatrixInitializer matrix => Math.Abs(matrix.Gain),
        Initializer random => 2 * Math.Sqrt(layer.Units * random.SecondMoment(layer.Units, layer.Gates * layer.Units)),
    };

    private static string Steps(double horizon) => double.IsPositiveInfinity(horizon) ? "without bound" : Format(horizon) + " steps";

    private static string Format(double value) => value.ToString("G2", CultureInfo.InvariantCulture);
}

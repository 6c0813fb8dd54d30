using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using NetGen.Generators.Layers.Dense;
using NetGen.Generators.Model;
using static NetGen.Generators.Diagnostics.DiagnosticDescriptors;

namespace NetGen.Generators.Analysis;

/// <summary>The rules on the output layer: Softmax only there, and a loss that fits it.</summary>
internal static class OutputRules
{
    /// <summary>Softmax only on the last layer.</summary>
    public static void CheckSoftmaxPlacement(List<ExpandedLayer> layers, List<DeclarationProblem> problems)
    {
        var reported = new HashSet<LayerDeclaration>();
        for (int i = 0; i < layers.Count - 1; i++)
        {
            (Layer layer, LayerDeclaration source, _) = layers[i];
            if (layer.Activation.Kind == ActivationKind.Softmax && reported.Add(source))
            {
                string where = source is DenseDeclaration { Repeat.Value: > 1 } dense && layers[layers.Count - 1].Source == source
                    ? $"Repeat = {dense.Repeat.Value} makes layers {layer.Number} to {layers.Count - 1} hidden"
                    : $"layer {layer.Number} of {layers.Count}";
                problems.Add(new DeclarationProblem(SoftmaxMustBeOutput, source.Attribute, ActivationArgumentName(source), source.Description, where));
            }
        }
    }

    private static string? ActivationArgumentName(LayerDeclaration source) => source switch
    {
        DenseDeclaration dense => dense.Activation.Activation.Name,
        Layers.Convolution.Conv2DDeclaration conv => conv.Activation.Activation.Name,
        _ => "Activation",
    };

    public static void CheckLossFitsOutput(NetworkDeclaration declaration, AttributeData network, List<ExpandedLayer> layers, List<DeclarationProblem> problems)
    {
        var output = (DenseDeclaration)layers[layers.Count - 1].Source;
        ActivationKind activation = output.Activation.Activation.Value;
        int units = output.Units.Value;
        LossKind loss = declaration.Loss.Value;
        string outputName = $"the output layer (Dense layer {output.Position}, {units} units, {activation})";
        string? message = loss switch
        {
            LossKind.SoftmaxCrossEntropy when units < 2 =>
                $"Loss.SoftmaxCrossEntropy needs at least 2 outputs (one per class), but {outputName} has {units}; for a yes/no output use Loss.SigmoidCrossEntropy on 1 logit",
            LossKind.SoftmaxCrossEntropy when activation is not (ActivationKind.Identity or ActivationKind.Softmax) =>
                $"Loss.SoftmaxCrossEntropy takes logits, but {outputName} applies {activation}; declare the output layer with Activation.Identity (or Activation.Softmax)",
            LossKind.SigmoidCrossEntropy when activation != ActivationKind.Identity =>
                $"Loss.SigmoidCrossEntropy applies the sigmoid itself and takes logits, but {outputName} applies {activation}; declare the output layer with Activation.Identity, or use Loss.BinaryCrossEntropy with a Sigmoid output",
            LossKind.BinaryCrossEntropy when activation != ActivationKind.Sigmoid =>
                $"Loss.BinaryCrossEntropy takes probabilities from a sigmoid, but {outputName} applies {activation}; declare the output layer with Activation.Sigmoid, or use Loss.SigmoidCrossEntropy on logits",
            not LossKind.SoftmaxCrossEntropy when activation == ActivationKind.Softmax =>
                $"Activation.Softmax on {outputName} is only supported fused with Loss.SoftmaxCrossEntropy, but the loss is {loss}; set Loss = Loss.SoftmaxCrossEntropy",
            _ => null,
        };
        if (message is not null)
        {
            // On the Loss argument when the user wrote one; else on the output layer's activation, the other half of the mismatch.
            problems.Add(declaration.Loss.IsExplicit
                ? new DeclarationProblem(LossDoesNotFitOutput, network, declaration.Loss.Name, message)
                : new DeclarationProblem(LossDoesNotFitOutput, output.Attribute, output.Activation.Activation.Name, message));
        }
    }
}

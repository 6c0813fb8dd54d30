using System.Collections.Generic;
using System.Globalization;
using Microsoft.CodeAnalysis;
using static NetGen.Generators.Diagnostics.DiagnosticDescriptors;

namespace NetGen.Generators.Analysis;

/// <summary>The rules on an image input, <c>[Network(Channels = 3, Height = 32, Width = 32)]</c>: sizes positive, and not mixed with a vector's or a sequence's.</summary>
internal static class ImageInputRules
{
    public static void Check(NetworkDeclaration declaration, AttributeData network, List<DeclarationProblem> problems)
    {
        string name = declaration.Type.Name;
        if (declaration.Channels.IsExplicit)
        {
            ArgumentRules.Size(declaration.Channels, network, $"Channels of network '{name}'", problems);
        }
        ArgumentRules.Size(declaration.Height, network, $"Height of network '{name}'", problems);
        ArgumentRules.Size(declaration.Width, network, $"Width of network '{name}'", problems);
        if (declaration.Inputs.IsExplicit)
        {
            problems.Add(new DeclarationProblem(InputShapeConflict, network, declaration.Inputs.Name, "Inputs", name, "Channels, Height and Width",
                "an image's size is Channels × Height × Width; remove Inputs"));
        }
        if (declaration.Steps.IsExplicit)
        {
            problems.Add(new DeclarationProblem(InputShapeConflict, network, declaration.Steps.Name, "Steps", name, "Channels, Height and Width",
                "a sample is a sequence or an image, not both; remove Steps, or Channels, Height and Width"));
        }
        if (declaration.InputShape is { Channels: > 0, Height: > 0, Width: > 0 } shape && shape.LongSize > int.MaxValue)
        {
            problems.Add(new DeclarationProblem(NetworkTooLarge, network, declaration.Height.Name, name,
                $"one input image holds {Count(shape.Channels)} × {Count(shape.Height)} × {Count(shape.Width)} values", "2,147,483,647 values"));
        }
    }

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}

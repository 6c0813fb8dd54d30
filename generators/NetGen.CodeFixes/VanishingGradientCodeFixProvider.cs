using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NetGen.Generators.Analysis;
using NetGen.Generators.Layers.Dense;
using NetGen.Generators.Layers.Residual;
using NetGen.Generators.Diagnostics;
using NetGen.Generators.Gradients;
using NetGen.Generators.Model;

namespace NetGen.CodeFixes;

/// <summary>
/// NG0101: four remedies for the saturating (Sigmoid, Tanh) hidden <c>[Dense]</c> layers. Each is offered only when the
/// analyzer's own rules, run on the edited declaration, no longer predict a vanishing gradient and find no problem the
/// network did not already have.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(VanishingGradientCodeFixProvider)), Shared]
public sealed class VanishingGradientCodeFixProvider : CodeFixProvider
{
    public const string ReLUKey = DiagnosticIds.VanishingGradient + ".ReLUHeNormal";
    public const string SELUKey = DiagnosticIds.VanishingGradient + ".SELULeCunNormal";
    public const string BatchNormKey = DiagnosticIds.VanishingGradient + ".BatchNorm";
    public const string ResidualKey = DiagnosticIds.VanishingGradient + ".Residual";

    private delegate TypeDeclarationSyntax? Remedy(NetworkDocument network);

    private static readonly (string Title, string Key, Remedy Apply)[] Remedies =
    {
        ("Use ReLU with He init", ReLUKey, UseReLU),
        ("Use SELU with LeCun normal init", SELUKey, UseSELU),
        ("Add batch normalization after each saturating layer", BatchNormKey, AddBatchNorm),
        ("Wrap the saturating layers in residual blocks with batch normalization", ResidualKey, WrapInResidualBlocks),
    };

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.VanishingGradient);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        CancellationToken cancellationToken = context.CancellationToken;
        NetworkDocument? network = await NetworkDocument.LoadAsync(context.Document, context.Span, cancellationToken).ConfigureAwait(false);
        if (network is null)
        {
            return;
        }
        foreach ((string title, string key, Remedy apply) in Remedies)
        {
            if (apply(network) is not TypeDeclarationSyntax type)
            {
                continue;
            }
            Document document = network.With(type);
            if (await network.ClearsAsync(document, DiagnosticIds.VanishingGradient, cancellationToken).ConfigureAwait(false))
            {
                context.RegisterCodeFix(CodeAction.Create(title, _ => Task.FromResult(document), key), context.Diagnostics);
            }
        }
    }

    /// <summary>The hidden Sigmoid and Tanh <c>[Dense]</c> layers with their syntax; null when one is written outside this type declaration.</summary>
    private static List<(DenseDeclaration Dense, AttributeSyntax Syntax)>? Saturating(NetworkDocument network)
    {
        var layers = new List<(DenseDeclaration, AttributeSyntax)>();
        foreach (DenseDeclaration dense in network.HiddenDense().Where(d => ActivationFunctions.Saturates(d.Activation.Activation.Value)))
        {
            if (network.Syntax(dense.Attribute) is not AttributeSyntax syntax)
            {
                return null;
            }
            layers.Add((dense, syntax));
        }
        return layers;
    }

    /// <summary>Each saturating layer edited in place; null when there is none.</summary>
    private static TypeDeclarationSyntax? EditEach(NetworkDocument network, Func<AttributeSyntax, AttributeSyntax> edit)
    {
        List<(DenseDeclaration Dense, AttributeSyntax Syntax)>? layers = Saturating(network);
        if (layers is null || layers.Count == 0)
        {
            return null;
        }
        return network.Type.ReplaceNodes(layers.Select(l => l.Syntax), (old, _) => edit(old));
    }

    /// <summary><c>Activation.ReLU</c> with <c>Init = Init.HeNormal</c>: the gain per layer is 1 (He et al. 2015).</summary>
    private static TypeDeclarationSyntax? UseReLU(NetworkDocument network) => EditEach(network, attribute =>
        AttributeEditor.WithoutInitParameters(
            AttributeEditor.WithNamed(AttributeEditor.WithActivation(attribute, nameof(ActivationKind.ReLU)), "Init", AttributeEditor.EnumMember("Init", nameof(InitKind.HeNormal)))));

    /// <summary><c>Activation.SELU</c> without <c>Init</c>: SELU's default is LeCun normal, the self-normalizing pairing.</summary>
    private static TypeDeclarationSyntax? UseSELU(NetworkDocument network) => EditEach(network, attribute =>
        AttributeEditor.WithoutInitParameters(
            AttributeEditor.WithoutNamed(AttributeEditor.WithActivation(attribute, nameof(ActivationKind.SELU)), "Init")));

    /// <summary><c>[BatchNorm]</c> right after each saturating layer.</summary>
    private static TypeDeclarationSyntax? AddBatchNorm(NetworkDocument network)
    {
        List<(DenseDeclaration Dense, AttributeSyntax Syntax)>? layers = Saturating(network);
        if (layers is null || layers.Count == 0)
        {
            return null;
        }
        var replacements = layers.ToDictionary(
            l => l.Syntax,
            l => (IReadOnlyList<AttributeSyntax>)new[] { l.Syntax, AttributeEditor.NewAttribute("BatchNorm") });
        return AttributeLists.Replace(network.Type, replacements, replacements.ToDictionary(r => r.Key, _ => 0));
    }

    /// <summary>
    /// <c>[Dense(n, act, Repeat = k)]</c> outside a block becomes <c>[Residual(Repeat = k)] [Dense(n, act)] [BatchNorm]
    /// [EndResidual]</c>: k blocks of one layer each, whose skip carries the gradient past the saturating layer (the first
    /// block projects its input when the width changes).
    /// </summary>
    private static TypeDeclarationSyntax? WrapInResidualBlocks(NetworkDocument network)
    {
        List<(DenseDeclaration Dense, AttributeSyntax Syntax)>? layers = Saturating(network);
        if (layers is null)
        {
            return null;
        }
        var outside = new HashSet<DenseDeclaration>();
        bool inBlock = false;
        foreach (LayerDeclaration layer in network.Declaration.Layers)
        {
            inBlock = layer is ResidualDeclaration || (inBlock && layer is not EndResidualDeclaration);
            if (!inBlock && layer is DenseDeclaration dense)
            {
                outside.Add(dense);
            }
        }
        layers.RemoveAll(l => !outside.Contains(l.Dense));
        if (layers.Count == 0)
        {
            return null;
        }
        var replacements = new Dictionary<AttributeSyntax, IReadOnlyList<AttributeSyntax>>();
        foreach ((DenseDeclaration dense, AttributeSyntax syntax) in layers)
        {
            int repeat = dense.Repeat.Value;
            replacements[syntax] = new[]
            {
                AttributeEditor.NewAttribute("Residual", repeat == 1 ? null : "(Repeat = " + repeat.ToString(CultureInfo.InvariantCulture) + ")"),
                AttributeEditor.WithoutNamed(syntax, "Repeat"),
                AttributeEditor.NewAttribute("BatchNorm"),
                AttributeEditor.NewAttribute("EndResidual"),
            };
        }
        return AttributeLists.Replace(network.Type, replacements, replacements.ToDictionary(r => r.Key, _ => 1));
    }
}

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NetGen.Generators.Analysis;
using NetGen.Generators.Emit;
using NetGen.Generators.Model;

namespace NetGen.Generators;

/// <summary>
/// Generates, for each class marked <c>[Network]</c>, its forward and backward passes as specialized C#. The pipeline
/// only: <see cref="NetworkAnalysis"/> reads a class into its <see cref="NetworkModel"/> (none when the declaration has an
/// error, which the analyzer reports), <see cref="NetworkWriter"/> writes it.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class NetworkGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<NetworkModel> networks = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                NetworkDeclaration.NetworkAttributeName,
                predicate: static (node, _) => node is ClassDeclarationSyntax,
                transform: static (context, cancellationToken) =>
                    context.TargetSymbol is INamedTypeSymbol type ? NetworkAnalysis.Analyze(type, cancellationToken)?.Model : null)
            .WithTrackingName(TrackingNames.NetworkModels)
            .Where(static model => model is not null)
            .Select(static (model, _) => model!)
            .WithTrackingName(TrackingNames.ValidNetworkModels);

        context.RegisterSourceOutput(networks, static (context, model) => context.AddSource(model.HintName, NetworkWriter.Write(model)));
    }
}

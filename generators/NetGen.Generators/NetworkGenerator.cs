using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NetGen.Generators.Model;

namespace NetGen.Generators;

/// <summary>
/// Generates, for each class marked <c>[Network]</c>, its forward and backward passes as specialized C#.
/// The pipeline only: <see cref="Parser"/> turns a class into a <see cref="NetworkSpec"/>, <see cref="Emitter"/> writes it.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed partial class NetworkGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<NetworkSpec> networks = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                Declarations.DeclarationReader.NetworkAttributeName,
                predicate: static (node, _) => node is ClassDeclarationSyntax,
                transform: static (context, cancellationToken) => Parser.Parse(context.TargetSymbol, cancellationToken))
            .WithTrackingName(TrackingNames.NetworkSpecs)
            .Where(static spec => spec is not null)
            .Select(static (spec, _) => spec!)
            .WithTrackingName(TrackingNames.ValidNetworkSpecs);

        context.RegisterSourceOutput(networks, static (context, spec) =>
            context.AddSource(Emitter.HintName(spec), Emitter.Emit(spec)));
    }
}

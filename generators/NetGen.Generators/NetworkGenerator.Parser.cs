using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using NetGen.Generators.Declarations;
using NetGen.Generators.Model;

namespace NetGen.Generators;

public sealed partial class NetworkGenerator
{
    /// <summary>Turns a <c>[Network]</c> class into a <see cref="NetworkSpec"/>, or <see langword="null"/> when the declaration has an error (the analyzer reports it).</summary>
    internal static class Parser
    {
        public static NetworkSpec? Parse(ISymbol symbol, CancellationToken cancellationToken)
        {
            if (symbol is not INamedTypeSymbol type || DeclarationReader.Read(type) is not NetworkDeclaration declaration)
            {
                return null;
            }
            cancellationToken.ThrowIfCancellationRequested();
            if (declaration.HasUnresolvedArguments || DeclarationValidator.Validate(declaration).Any(p => p.IsError))
            {
                return null;
            }
            return SpecBuilder.Build(declaration);
        }
    }
}

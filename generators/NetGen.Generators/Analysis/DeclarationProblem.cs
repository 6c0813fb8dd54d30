using Microsoft.CodeAnalysis;

namespace NetGen.Generators.Analysis;

/// <summary>
/// What is wrong with a declaration, and where: on <see cref="ArgumentName"/> of <see cref="Attribute"/> when given,
/// else on the attribute, else on the class name.
/// </summary>
internal sealed class DeclarationProblem
{
    public DeclarationProblem(DiagnosticDescriptor descriptor, AttributeData? attribute, string? argumentName, params object[] messageArguments)
    {
        Descriptor = descriptor;
        Attribute = attribute;
        ArgumentName = argumentName;
        MessageArguments = messageArguments;
    }

    public DiagnosticDescriptor Descriptor { get; }

    public AttributeData? Attribute { get; }

    public string? ArgumentName { get; }

    public object[] MessageArguments { get; }

    public bool IsError => Descriptor.DefaultSeverity == DiagnosticSeverity.Error;
}

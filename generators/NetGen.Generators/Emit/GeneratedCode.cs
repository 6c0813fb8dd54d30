using System.Reflection;

namespace NetGen.Generators.Emit;

/// <summary>The <c>[GeneratedCode]</c> attribute put on generated members, so that tools can tell them from the user's.</summary>
internal static class GeneratedCode
{
    /// <summary>
    /// NetGen's version (Directory.Build.props, the package's version): the generator assembly's informational version
    /// without the "+commit" the SDK appends, so that generated code does not change from one commit to the next.
    /// </summary>
    public static readonly string Version = StripMetadata(
        typeof(GeneratedCode).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(GeneratedCode).Assembly.GetName().Version?.ToString()
        ?? "0.0.0");

    public static readonly string Attribute =
        $"[global::System.CodeDom.Compiler.GeneratedCode(\"NetGen.Generators\", \"{Version}\")]";

    private static string StripMetadata(string version)
    {
        int plus = version.IndexOf('+');
        return plus < 0 ? version : version.Substring(0, plus);
    }
}

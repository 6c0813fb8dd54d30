namespace NetGen.Generators.Emit;

/// <summary>The <c>[GeneratedCode]</c> attribute put on generated members, so that tools can tell them from the user's.</summary>
internal static class GeneratedCode
{
    public static readonly string Attribute =
        $"[global::System.CodeDom.Compiler.GeneratedCode(\"NetGen.Generators\", \"{typeof(GeneratedCode).Assembly.GetName().Version}\")]";
}

namespace NetGen.Generators.Analysis;

/// <summary>An attribute argument's value, whether the user wrote it, and its name (to find it in the syntax).</summary>
internal readonly struct Argument<T>
{
    public Argument(string name, T value, bool isExplicit)
    {
        Name = name;
        Value = value;
        IsExplicit = isExplicit;
    }

    /// <summary>The property name (<c>Inputs</c>) or constructor parameter name (<c>units</c>).</summary>
    public string Name { get; }

    public T Value { get; }

    public bool IsExplicit { get; }
}

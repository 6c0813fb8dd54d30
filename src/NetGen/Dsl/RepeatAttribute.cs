using System;

namespace NetGen;

/// <summary>
/// Starts a group of layers declared <see cref="Count"/> times, one copy after another, up to the matching
/// <see cref="EndRepeatAttribute"/>. Unlike <see cref="ResidualAttribute"/> it adds no skip connection.
/// </summary>
/// <example>Fifty layers of Dense then batch normalization:
/// <code>
/// [Repeat(50)]
/// [Dense(64, UseBias = false)]
/// [BatchNorm(Activation = Activation.ReLU)]
/// [EndRepeat]
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class RepeatAttribute : Attribute
{
    /// <summary>Starts a repeated group.</summary>
    /// <param name="count">How many times the group's layers are declared; must be positive.</param>
    public RepeatAttribute(int count) => Count = count;

    /// <summary>How many times the group's layers are declared.</summary>
    public int Count { get; }
}

/// <summary>Ends the group started by the last <see cref="RepeatAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class EndRepeatAttribute : Attribute
{
}

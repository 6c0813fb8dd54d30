using NetGen.Generators.Model;

namespace NetGen.Generators.Tests;

/// <summary>The generator cannot reference the runtime, so it mirrors the DSL enums; the mirrors must match by name and value.</summary>
public class MirroredEnumTests
{
    public static TheoryData<Type, Type> Pairs => new()
    {
        { typeof(NetGen.Activation), typeof(ActivationKind) },
        { typeof(NetGen.Init), typeof(InitKind) },
        { typeof(NetGen.Loss), typeof(LossKind) },
        { typeof(NetGen.Precision), typeof(PrecisionKind) },
        { typeof(NetGen.FanMode), typeof(FanModeKind) },
        { typeof(NetGen.InitDistribution), typeof(InitDistributionKind) },
        { typeof(NetGen.LayerKind), typeof(LayerKind) },
        { typeof(NetGen.RecurrentDefaults), typeof(RecurrentDefaultsKind) },
        { typeof(NetGen.Padding), typeof(PaddingKind) },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void MirrorHasTheSameNamesAndValues(Type runtime, Type mirror)
    {
        Assert.Equal(Enum.GetUnderlyingType(runtime), Enum.GetUnderlyingType(mirror));
        Assert.Equal(Members(runtime), Members(mirror));
    }

    private static List<(string Name, long Value)> Members(Type enumType) => Enum.GetNames(enumType)
        .Select(name => (name, Convert.ToInt64(Enum.Parse(enumType, name), System.Globalization.CultureInfo.InvariantCulture)))
        .OrderBy(m => m.name, StringComparer.Ordinal)
        .ToList();
}

using System.Reflection;
using NetGen.Generators.Emit;

namespace NetGen.Generators.Tests;

/// <summary>The generator stamps generated code with NetGen's version: the package's, from Directory.Build.props.</summary>
public class VersionTests
{
    [Fact]
    public void TheGeneratorsVersionIsTheRuntimePackagesVersion()
    {
        string runtime = WithoutMetadata(typeof(NetworkAttribute).Assembly
            .GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion);

        Assert.Equal(runtime, GeneratedCode.Version);
        Assert.NotEqual("1.0.0.0", GeneratedCode.Version);
        Assert.NotEqual("1.0.0", GeneratedCode.Version);
        Assert.DoesNotContain("+", GeneratedCode.Version, StringComparison.Ordinal);
    }

    private static string WithoutMetadata(string version) => version.Split('+')[0];
}

using System.Reflection;

namespace NetGen.Package.Tests;

/// <summary>Packs the repository's packages into a temporary folder, and creates console projects that restore from it.</summary>
internal sealed class LocalFeed(string root, string version)
{
    /// <summary>The folder the packages are packed into.</summary>
    public string Directory { get; } = Path.Combine(root, "feed");

    /// <summary>Packs <paramref name="project"/> (a path under the repository) as this feed's version, with no build.</summary>
    public string Pack(string project)
    {
        string configuration = typeof(LocalFeed).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "Configuration").Value!;
        DotNet.Result pack = DotNet.Run(Repository, "pack", project, "-c", configuration, "--no-build", "-o", Directory, $"-p:Version={version}");
        Assert.True(pack.ExitCode == 0, $"dotnet pack {project} failed: {pack}");
        return Path.Combine(Directory, $"{Path.GetFileNameWithoutExtension(project)}.{version}.nupkg");
    }

    /// <summary>A console project in <paramref name="name"/> under the root that references <paramref name="package"/> from this feed.</summary>
    public string CreateProject(string name, string package, string program)
    {
        string project = Path.Combine(root, name);
        System.IO.Directory.CreateDirectory(project);
        File.WriteAllText(Path.Combine(project, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <NetGenEmitGeneratedFiles>true</NetGenEmitGeneratedFiles>
                <!-- The package's own packages folder: a stale copy of this version in the user's cache cannot leak in. -->
                <RestorePackagesPath>{Path.Combine(root, "packages")}</RestorePackagesPath>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="{package}" Version="{version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(project, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="local" value="{Directory}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(project, "Program.cs"), program);
        // Directory.Build.props of the repository must not reach the temporary folder: it is outside the repository.
        return project;
    }

    /// <summary>The repository's root: the folder of NetGen.sln above the test's binaries.</summary>
    public static string Repository { get; } = FindRepository();

    private static string FindRepository()
    {
        string? directory = AppContext.BaseDirectory;
        while (directory is not null && !File.Exists(Path.Combine(directory, "NetGen.sln")))
        {
            directory = Path.GetDirectoryName(directory);
        }
        return directory ?? throw new InvalidOperationException("NetGen.sln not found above " + AppContext.BaseDirectory);
    }
}

namespace NetGen.Tests.Data;

/// <summary>Paths inside the repository the tests run from.</summary>
internal static class RepositoryPaths
{
    /// <summary>The directory holding NetGen.sln, found by walking up from the test assembly.</summary>
    public static string Root { get; } = FindRoot();

    public static string EmbeddedMnistSubset => Path.Combine(Root, "samples", "NetGen.Samples.Mnist", "Data");

    /// <summary>The full original MNIST, shared next to the checkout when present.</summary>
    public static string SharedMnist => Path.GetFullPath(Path.Combine(Root, "..", "shared", "data", "mnist"));

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "NetGen.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException($"No NetGen.sln in {AppContext.BaseDirectory} or any directory above it.");
    }
}

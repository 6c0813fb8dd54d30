using System.Runtime.CompilerServices;

namespace NetGen.Generators.Tests.Infrastructure;

/// <summary>
/// An approved-file snapshot: <c>Snapshots/{Class}.{Method}#{hint}.verified.txt</c> beside the calling test file, read
/// from the source tree (never from the output folder), LF-normalized. On a mismatch the actual text is written to
/// <c>.received.txt</c> next to it and the test fails. Set <c>NETGEN_ACCEPT_SNAPSHOTS=1</c> to accept the actual text
/// instead; that is ignored when <c>CI=true</c>, so CI can never approve its own output.
/// </summary>
public static class Snapshot
{
    public const string AcceptVariable = "NETGEN_ACCEPT_SNAPSHOTS";

    /// <summary>Compares <paramref name="actual"/> with the approved snapshot of the calling test.</summary>
    /// <param name="hint">What is snapshotted, e.g. the generated file's hint name.</param>
    /// <param name="actual">The text to compare.</param>
    /// <param name="testClass">The test class; by convention the name of the calling file.</param>
    /// <param name="callerFile">Filled in by the compiler: the calling test's source file.</param>
    /// <param name="method">Filled in by the compiler: the calling test method.</param>
    public static void Verify(
        string hint,
        string actual,
        string? testClass = null,
        [CallerFilePath] string callerFile = "",
        [CallerMemberName] string method = "")
    {
        string directory = Path.Combine(Path.GetDirectoryName(callerFile)!, "Snapshots");
        string name = $"{testClass ?? Path.GetFileNameWithoutExtension(callerFile)}.{method}#{hint}";
        string verifiedPath = Path.Combine(directory, name + ".verified.txt");
        string receivedPath = Path.Combine(directory, name + ".received.txt");
        string normalized = Normalize(actual);

        if (IsAccepting)
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(verifiedPath, normalized);
            File.Delete(receivedPath);
            return;
        }
        if (!File.Exists(verifiedPath))
        {
            File.WriteAllText(receivedPath, normalized);
            Assert.Fail($"No approved snapshot {verifiedPath}. The actual text is in {receivedPath}; review it and rename it to .verified.txt, or rerun with {AcceptVariable}=1.");
        }
        string expected = Normalize(File.ReadAllText(verifiedPath));
        if (expected == normalized)
        {
            File.Delete(receivedPath);
            return;
        }
        File.WriteAllText(receivedPath, normalized);
        Assert.Fail($"Snapshot mismatch for {name}: {FirstDifference(expected, normalized)}.{Environment.NewLine}" +
                    $"Compare: diff \"{verifiedPath}\" \"{receivedPath}\"{Environment.NewLine}" +
                    $"If the change is intended, rerun with {AcceptVariable}=1 (ignored when CI=true).");
    }

    /// <summary>Accepting is opt-in, and never on CI.</summary>
    public static bool IsAccepting =>
        Environment.GetEnvironmentVariable(AcceptVariable) == "1" &&
        !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string Normalize(string text) => text.Replace("\r\n", "\n").Replace('\r', '\n');

    /// <summary>Where the texts first differ: the line number and both lines.</summary>
    public static string FirstDifference(string expected, string actual)
    {
        string[] expectedLines = expected.Split('\n');
        string[] actualLines = actual.Split('\n');
        int common = Math.Min(expectedLines.Length, actualLines.Length);
        for (int i = 0; i < common; i++)
        {
            if (expectedLines[i] != actualLines[i])
            {
                return $"line {i + 1} differs{Environment.NewLine}  approved: {expectedLines[i]}{Environment.NewLine}  received: {actualLines[i]}";
            }
        }
        return $"the approved text has {expectedLines.Length} lines, the received text {actualLines.Length}";
    }
}

using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace NetGen.Tests.Data;

/// <summary>Reads the SHA-256 listed for a file in a data README, and hashes IDX contents rebuilt from loaded sets.</summary>
internal static partial class Sha256Readme
{
    /// <summary>The first SHA-256 on the README line naming <paramref name="fileName"/> (the uncompressed content's hash).</summary>
    public static string ExpectedHash(string readmePath, string fileName)
    {
        string line = File.ReadLines(readmePath).Single(l => l.Contains(fileName, StringComparison.Ordinal));
        return Sha256Pattern().Match(line).Value;
    }

    public static string ImagesHash(MnistSet set) =>
        Hash(IdxBytes.Images(set.Count, set.Rows, set.Columns, set.Pixels));

    public static string LabelsHash(MnistSet set) => Hash(IdxBytes.Labels(set.Labels));

    private static string Hash(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    [GeneratedRegex("\\b[0-9a-f]{64}\\b")]
    private static partial Regex Sha256Pattern();
}

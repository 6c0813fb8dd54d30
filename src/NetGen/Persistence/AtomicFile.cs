using System;
using System.IO;

namespace NetGen;

/// <summary>
/// Replaces a file all at once: the content goes to a temporary file in the same directory, which is flushed to disk and
/// then moved over the target. A failure at any point deletes the temporary file and leaves the previous target as it was.
/// </summary>
/// <remarks>
/// The temporary file is named <c>.name.&lt;32 hexadecimal digits&gt;.tmp</c>. A process killed mid-save cannot delete
/// its own, so every save first deletes the temporaries of the same target that earlier saves left behind (only names of
/// exactly that pattern; a save of the same target running at the same time in another process would lose its file).
/// After the move, on Linux and macOS the directory is opened read-only and flushed (<c>fsync</c>) so that the rename
/// itself survives a power loss; elsewhere (Windows, where a directory cannot be flushed this way) that step is skipped.
/// </remarks>
internal static class AtomicFile
{
    /// <summary>Writes <paramref name="path"/> with <paramref name="write"/>; <paramref name="wrap"/>, for tests, wraps the temporary file's stream.</summary>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty or names no file.</exception>
    /// <exception cref="IOException">The file could not be written or moved.</exception>
    public static void Write(string path, Action<Stream> write, Func<Stream, Stream>? wrap = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string target = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(target) ?? throw new ArgumentException($"'{path}' names no file.", nameof(path));
        string temporary = Path.Combine(directory, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        DeleteStaleTemporaries(directory, Path.GetFileName(target));
        try
        {
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                Stream stream = wrap is null ? file : wrap(file);
                write(stream);
                stream.Flush();
                file.Flush(flushToDisk: true);
            }
            File.Move(temporary, target, overwrite: true);
        }
        catch
        {
            DeleteQuietly(temporary);
            throw;
        }
        _ = DirectoryFlush.Flush(directory);
    }

    /// <summary>Deletes <c>.name.&lt;guid&gt;.tmp</c> files of this target, left by saves that were interrupted before they could clean up.</summary>
    private static void DeleteStaleTemporaries(string directory, string name)
    {
        string prefix = "." + name + ".";
        const string Suffix = ".tmp";
        foreach (string candidate in Directory.EnumerateFiles(directory, prefix + "*" + Suffix))
        {
            string fileName = Path.GetFileName(candidate);
            // The enumeration's pattern is loose (and case-insensitive on some systems): keep only exact "<prefix><32 hex digits>.tmp".
            bool ours = fileName.Length == prefix.Length + 32 + Suffix.Length
                && fileName.StartsWith(prefix, StringComparison.Ordinal)
                && fileName.EndsWith(Suffix, StringComparison.Ordinal)
                && Guid.TryParseExact(fileName.AsSpan(prefix.Length, 32), "N", out _);
            if (ours)
            {
                DeleteQuietly(candidate);
            }
        }
    }

    /// <summary>Deletes the temporary file if it exists; a failure here must not hide the one being reported.</summary>
    private static void DeleteQuietly(string temporary)
    {
        try
        {
            File.Delete(temporary);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

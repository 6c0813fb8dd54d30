using System;
using System.Runtime.InteropServices;

namespace NetGen;

/// <summary>
/// Flushes a directory's entries to disk (<c>open(O_RDONLY)</c> + <c>fsync</c>) on Linux and macOS, so that a file just
/// renamed into it stays renamed after a power loss. .NET cannot open a directory as a stream, hence the system calls.
/// </summary>
internal static partial class DirectoryFlush
{
    private const int ReadOnly = 0; // O_RDONLY, 0 on Linux and macOS

    /// <summary>Flushes <paramref name="directory"/> where the platform allows it; does nothing elsewhere or when the directory cannot be opened.</summary>
    /// <returns>Whether the directory was flushed.</returns>
    public static bool Flush(string directory)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return false;
        }
        try
        {
            int descriptor = Open(directory, ReadOnly);
            if (descriptor < 0)
            {
                return false;
            }
            // The file is already in place; a failed flush only loses the durability guarantee, so it is not reported.
            bool flushed = Fsync(descriptor) == 0;
            _ = Close(descriptor);
            return flushed;
        }
        catch (DllNotFoundException)
        {
            return false;
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
    }

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync")]
    private static partial int Fsync(int descriptor);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int descriptor);
}

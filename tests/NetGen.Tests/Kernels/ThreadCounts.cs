namespace NetGen.Tests.Kernels;

/// <summary>Runs test code at a given <see cref="KernelThreading.ThreadCount"/>, putting the process-wide count back after.</summary>
internal static class ThreadCounts
{
    public static TResult With<TResult>(int threads, Func<TResult> action)
    {
        int original = KernelThreading.ThreadCount;
        try
        {
            KernelThreading.ThreadCount = threads;
            return action();
        }
        finally
        {
            KernelThreading.ThreadCount = original;
        }
    }
}

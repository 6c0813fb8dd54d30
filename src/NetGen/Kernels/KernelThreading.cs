using System;
using System.Numerics;
using System.Threading;

namespace NetGen;

/// <summary>
/// How many threads the dense kernels use. A large layer's product is split into contiguous ranges of units (or of
/// samples), whole tiles of four each, computed by the calling thread and NetGen's worker threads; each output element is
/// computed by one thread with the same tile as on one thread, so results are bit-identical whatever the thread count.
/// The workers serve one caller at a time: a second thread calling meanwhile (another network, a replica) computes on its
/// own thread.
/// Below <see cref="MinimumWork"/> multiply-adds per product, waking a thread costs more than it saves and the caller
/// computes alone. Nothing is allocated per call.
/// </summary>
public static class KernelThreading
{
    /// <summary>Products with fewer multiply-adds than this run on the calling thread only.</summary>
    public const long MinimumWork = 1 << 19;

    private static int _threadCount = Math.Max(1, Environment.ProcessorCount);
    private static KernelWorker[] _workers = [];
    private static int _inUse; // 1 while a caller has the workers: another caller then computes on its own thread
    private static readonly object Lock = new();

    /// <summary>
    /// The number of threads, the caller's included, that a large product is split over. Default: the processor count.
    /// 1 makes every kernel single-threaded. Set it before training, not during a call.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public static int ThreadCount
    {
        get => _threadCount;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            _threadCount = value;
        }
    }

    internal static void Run<T>(in DenseJob job, int splitLength) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int parts = Math.Min(_threadCount, splitLength / 4);
        if (parts <= 1 || job.Work < MinimumWork)
        {
            DenseKernels.Execute<T>(job, 0, splitLength);
            return;
        }
        Workers(_threadCount - 1); // created at the first large product, whoever gets to use them: never later, mid-training
        if (Interlocked.CompareExchange(ref _inUse, 1, 0) != 0)
        {
            DenseKernels.Execute<T>(job, 0, splitLength);
            return;
        }
        try
        {
            RunOnWorkers<T>(job, splitLength, parts);
        }
        finally
        {
            Volatile.Write(ref _inUse, 0);
        }
    }

    private static void RunOnWorkers<T>(in DenseJob job, int splitLength, int parts) where T : unmanaged, IFloatingPointIeee754<T>
    {
        KernelWorker[] workers = Workers(parts - 1);
        // Whole tiles of four per part; the last part takes the remainder, as a single thread would.
        int tilesPerPart = splitLength / 4 / parts;
        for (int i = 0; i < parts - 1; i++)
        {
            workers[i].Start(job, typeof(T) == typeof(double), i * tilesPerPart * 4, (i + 1) * tilesPerPart * 4);
        }
        DenseKernels.Execute<T>(job, (parts - 1) * tilesPerPart * 4, splitLength);
        for (int i = 0; i < parts - 1; i++)
        {
            workers[i].WaitUntilDone();
        }
    }

    private static KernelWorker[] Workers(int count)
    {
        KernelWorker[] workers = _workers;
        if (workers.Length >= count)
        {
            return workers;
        }
        lock (Lock)
        {
            if (_workers.Length < count)
            {
                var grown = new KernelWorker[count];
                Array.Copy(_workers, grown, _workers.Length);
                for (int i = _workers.Length; i < count; i++)
                {
                    grown[i] = new KernelWorker(i);
                }
                _workers = grown;
            }
            return _workers;
        }
    }
}

/// <summary>A background thread that runs one range of a <see cref="DenseJob"/> at a time.</summary>
internal sealed class KernelWorker
{
    // Spinning a little before blocking keeps the wake-up short when a training step calls the kernels back to back.
    private const int SpinCount = 2000;

    private readonly ManualResetEventSlim _start = new(false, SpinCount);
    private readonly ManualResetEventSlim _done = new(false, SpinCount);
    private DenseJob _job;
    private bool _isDouble;
    private int _begin, _end;

    public KernelWorker(int index)
    {
        var thread = new Thread(Loop) { IsBackground = true, Name = $"NetGen kernel worker {index + 1}" };
        thread.Start();
        // The event allocates its lock the first time a waiter blocks; do it now, not during a training step.
        _done.Wait(TimeSpan.FromMilliseconds(1));
    }

    public void Start(in DenseJob job, bool isDouble, int begin, int end)
    {
        _job = job;
        _isDouble = isDouble;
        _begin = begin;
        _end = end;
        _done.Reset();
        _start.Set();
    }

    public void WaitUntilDone() => _done.Wait();

    private void Loop()
    {
        while (true)
        {
            _start.Wait();
            _start.Reset();
            if (_isDouble)
            {
                DenseKernels.Execute<double>(_job, _begin, _end);
            }
            else
            {
                DenseKernels.Execute<float>(_job, _begin, _end);
            }
            _done.Set();
        }
    }
}

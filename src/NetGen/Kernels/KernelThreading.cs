using System;
using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;

namespace NetGen;

/// <summary>
/// How many threads the dense kernels use. A large layer's products are split into the same contiguous ranges of units,
/// whole tiles of four each, computed by the calling thread and NetGen's worker threads, so that each thread reads and
/// updates only its own weight rows, which stay in its core's cache from step to step. The forward product, the parameter
/// gradients and the fused update compute each output element on one thread with the same tile as on one thread: they are
/// bit-identical whatever the thread count. The input gradient sums over the units, so each thread sums its own units and
/// the partial sums are added in a fixed order: bit-identical from run to run for a given thread count, and within
/// rounding of the single-thread result across thread counts.
/// The workers serve one caller at a time: a second thread calling meanwhile (another network, a replica) computes on its
/// own thread.
/// Below <see cref="MinimumWork"/> multiply-adds per product, waking a thread costs more than it saves and the caller
/// computes alone. Nothing is allocated per call.
/// </summary>
public static class KernelThreading
{
    /// <summary>Products with fewer multiply-adds than this run on the calling thread only.</summary>
    public const long MinimumWork = 1 << 15;

    private static int _threadCount = Math.Max(1, Environment.ProcessorCount);
    private static KernelWorker[] _workers = [];
    private static byte[][] _partialSums = []; // one pinned buffer per part, for the input gradient's partial sums
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
        bool partial = job.Operation == DenseOperation.InputGradients;
        int partialLength = job.Batch * job.Inputs;
        if (partial)
        {
            PartialSums(parts, partialLength * Unsafe.SizeOf<T>());
        }
        // Whole tiles of four per part; the last part takes the remainder, as a single thread would.
        int tilesPerPart = splitLength / 4 / parts;
        for (int i = 0; i < parts - 1; i++)
        {
            workers[i].Start(job, typeof(T) == typeof(double), i * tilesPerPart * 4, (i + 1) * tilesPerPart * 4, partial ? PartialSumsAddress(i) : 0);
        }
        DenseKernels.Execute<T>(job, (parts - 1) * tilesPerPart * 4, splitLength, partial ? PartialSumsAddress(parts - 1) : 0);
        for (int i = 0; i < parts - 1; i++)
        {
            workers[i].WaitUntilDone();
        }
        if (partial)
        {
            AddPartialSums<T>(job.C, partialLength, parts);
        }
    }

    /// <summary>dx += the parts' partial sums, part after part.</summary>
    private static unsafe void AddPartialSums<T>(nint dx, int length, int parts) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var target = new Span<T>((void*)dx, length);
        for (int i = 0; i < parts; i++)
        {
            Kernels.Add(target, new ReadOnlySpan<T>((void*)PartialSumsAddress(i), length), target);
        }
    }

    /// <summary>Makes the partial-sum buffers hold <paramref name="bytes"/> each, for <paramref name="parts"/> parts: grown, never per call once large enough.</summary>
    private static void PartialSums(int parts, int bytes)
    {
        if (_partialSums.Length >= parts && _partialSums[parts - 1].Length >= bytes && _partialSums[0].Length >= bytes)
        {
            return;
        }
        var grown = new byte[Math.Max(parts, _partialSums.Length)][];
        for (int i = 0; i < grown.Length; i++)
        {
            byte[]? old = i < _partialSums.Length ? _partialSums[i] : null;
            grown[i] = old is not null && old.Length >= bytes ? old : GC.AllocateUninitializedArray<byte>(Math.Max(bytes, 64), pinned: true);
        }
        _partialSums = grown;
    }

    private static unsafe nint PartialSumsAddress(int part) => (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_partialSums[part]));

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

/// <summary>
/// A background thread that runs one range of a <see cref="DenseJob"/> at a time. Between jobs it spins for a short
/// while, so that the products of a training step, a few microseconds apart, start without a system call; after that
/// it blocks, so that an idle network costs no processor time.
/// </summary>
internal sealed class KernelWorker
{
    // About 100 µs: longer than the gaps between a step's products, far shorter than anything a person would notice.
    private static readonly long SpinTicks = Stopwatch.Frequency / 10_000;

    private readonly ManualResetEventSlim _wake = new(false, spinCount: 0);
    private DenseJob _job;
    private bool _isDouble;
    private int _begin, _end;
    private nint _partialSums;
    private int _posted;    // jobs handed over so far
    private int _completed; // jobs finished so far
    private int _sleeping;  // 1 while the worker blocks (or is about to) on _wake

    public KernelWorker(int index)
    {
        var thread = new Thread(Loop) { IsBackground = true, Name = $"NetGen kernel worker {index + 1}" };
        thread.Start();
        // The event allocates its lock the first time a waiter blocks; do it now, not during a training step.
        _wake.Wait(TimeSpan.FromMilliseconds(1));
    }

    public void Start(in DenseJob job, bool isDouble, int begin, int end, nint partialSums)
    {
        _job = job;
        _isDouble = isDouble;
        _begin = begin;
        _end = end;
        _partialSums = partialSums;
        // Full fences on both sides (here and in Loop) so that either the worker sees the job or this sees it sleeping.
        Interlocked.Increment(ref _posted);
        if (Volatile.Read(ref _sleeping) == 1)
        {
            _wake.Set();
        }
    }

    public void WaitUntilDone()
    {
        int posted = Volatile.Read(ref _posted);
        // The worker's part is about as long as the caller's: spin tightly (a yield would cost more than the wait), and
        // only if it is late (descheduled, say) give the processor away between checks.
        long spinUntil = Stopwatch.GetTimestamp() + SpinTicks;
        while (Volatile.Read(ref _completed) != posted && Stopwatch.GetTimestamp() < spinUntil)
        {
            Thread.SpinWait(1);
        }
        var spinner = new SpinWait();
        while (Volatile.Read(ref _completed) != posted)
        {
            spinner.SpinOnce(sleep1Threshold: -1);
        }
    }

    private void Loop()
    {
        int seen = 0;
        while (true)
        {
            WaitForJob(seen);
            seen = Volatile.Read(ref _posted);
            if (_isDouble)
            {
                DenseKernels.Execute<double>(_job, _begin, _end, _partialSums);
            }
            else
            {
                DenseKernels.Execute<float>(_job, _begin, _end, _partialSums);
            }
            Volatile.Write(ref _completed, seen);
        }
    }

    private void WaitForJob(int seen)
    {
        long spinUntil = Stopwatch.GetTimestamp() + SpinTicks;
        while (Volatile.Read(ref _posted) == seen)
        {
            if (Stopwatch.GetTimestamp() < spinUntil)
            {
                Thread.SpinWait(1);
                continue;
            }
            _wake.Reset();
            Interlocked.Exchange(ref _sleeping, 1);
            if (Volatile.Read(ref _posted) == seen)
            {
                _wake.Wait();
            }
            Volatile.Write(ref _sleeping, 0);
            spinUntil = Stopwatch.GetTimestamp() + SpinTicks;
        }
    }
}

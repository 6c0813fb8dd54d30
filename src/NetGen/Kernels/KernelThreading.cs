using System;
using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Threading;
using NetGen.CompilerServices;

namespace NetGen;

/// <summary>
/// How many threads the dense kernels use. A large layer's products are split into the same contiguous ranges of units,
/// whole tiles of four each (the caller's a little larger: it starts first), computed by the calling thread and NetGen's
/// worker threads, so that each thread reads and updates only its own weight rows, which stay in its core's cache from
/// step to step. The forward product, the parameter gradients and the fused update compute each output element on one
/// thread with the same tile as on one thread: they are bit-identical whatever the thread count. The input gradient sums
/// over the units, so each thread sums its own units and the partial sums are added in a fixed order: bit-identical from
/// run to run for a given thread count, and within rounding of the single-thread result across thread counts.
/// The workers serve one caller at a time: a second thread calling meanwhile (another network, a replica) computes on its
/// own thread, the same parts one after the other, so that its results are the same.
/// Below <see cref="MinimumWork"/> multiply-adds per product, handing work over costs more than it saves and the caller
/// computes alone. Between products a worker spins for about 100 µs before it blocks, so that the products of a training
/// step start without a system call while an idle program costs no processor time. A product that finds a worker blocked
/// computes alone, unless it is large, so that a call after a pause costs what it costs on one thread, not a wake-up; it
/// wakes the workers when products come in a burst, for the rest of it.
/// A recurrent layer splits its batch's samples instead (<see cref="RunRanges"/>): each thread runs the whole sequence for
/// its own samples, the products inside whole on that thread, so that the steps need no hand-over between the cores; its
/// results are those of one thread, whatever the thread count. A spin of 1 ms instead of 100 µs was tried for the recurrent
/// steps and dropped: it gained nothing there once the samples were split, and a process computing beside NetGen (TorchSharp,
/// in bench/NetGen.Compare) lost its second core after every NetGen call (1.2 ms for a 64-sample MLP step instead of 0.8).
/// Nothing is allocated per call.
/// </summary>
public static class KernelThreading
{
    /// <summary>
    /// Products with fewer multiply-adds than this run on the calling thread only. A hand-off costs cache lines crossing
    /// between the cores, the job's and the results', 0.4 to 1 µs on the development VM, whose two cores are 0.1 to 0.37 µs
    /// apart (a round trip; it changes with where the host places them): a one-sample 256 × 256 product (65 K) gained
    /// nothing from a second thread and made a one-sample training step slower (15 µs unsplit, 23 µs split, cores 0.37 µs
    /// apart), while 784 × 128 (100 K) and larger products still gain.
    /// </summary>
    public const long MinimumWork = 96 * 1024;

    private static int _threadCount = Math.Max(1, Environment.ProcessorCount);
    private static KernelWorker[] _workers = [];
    private static AlignedBuffer<byte>[]? _partialSums; // one pinned buffer per part, for the input gradient's partial sums

    [ThreadStatic]
    private static AlignedBuffer<byte>[]? t_partialSums; // the same, for a caller that computes its parts alone
    [ThreadStatic]
    private static bool t_inRange; // in a RunRanges body: its products run whole on this thread
    private static int _inUse; // 1 while a caller has the workers: another caller then computes on its own thread
    private static long _lastAloneProductEnd; // when the last product that found a worker blocked ended (Stopwatch ticks)
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
        if (parts <= 1 || job.Work < MinimumWork || t_inRange)
        {
            DenseKernels.Execute<T>(job, 0, splitLength);
            return;
        }
        Workers(_threadCount - 1); // created at the first large product, whoever gets to use them: never later, mid-training
        if (Interlocked.CompareExchange(ref _inUse, 1, 0) != 0)
        {
            RunAlone<T>(job, splitLength, parts);
            return;
        }
        try
        {
            if (RunsAloneWhileWorkersWake(job.Work, parts))
            {
                RunAlone<T>(job, splitLength, parts);
                _lastAloneProductEnd = Stopwatch.GetTimestamp();
                return;
            }
            RunOnWorkers<T>(job, splitLength, parts);
        }
        finally
        {
            Volatile.Write(ref _inUse, 0);
        }
    }

    /// <summary>
    /// Runs <paramref name="body"/> over <c>[0, length)</c> split into contiguous ranges, one per thread, the caller's last;
    /// <paramref name="arguments"/> is passed to every call unchanged (the address of the caller's arguments, which stay on its
    /// stack until every range is done). For work whose ranges need no synchronization between them, such as a recurrent
    /// layer's samples, each running the whole sequence: the products it makes inside run on its own thread. The same rules
    /// as for a product decide whether it splits: <paramref name="work"/> multiply-adds against <see cref="MinimumWork"/>, and
    /// a blocked worker.
    /// </summary>
    internal static unsafe void RunRanges(delegate*<nint, int, int, void> body, nint arguments, int length, long work)
    {
        int parts = Math.Min(_threadCount, length);
        if (parts <= 1)
        {
            // One range (one sample, say): the products inside may still split over their units, if they are worth it.
            // Small ones run whole here: split, a one-image LeNet-5 took 55 µs on two threads against 38 µs on one, its
            // convolutions' products (117 K and 240 K multiply-adds) paying the hand-over and the partial sums.
            if (work < WaitForWakingWork)
            {
                RunRange(body, arguments, 0, length);
            }
            else
            {
                body(arguments, 0, length);
            }
            return;
        }
        // From here on the products inside run whole on the thread that makes them, whether the ranges split or not, so that
        // the result does not depend on whether a worker was free.
        if (work < MinimumWork)
        {
            RunRange(body, arguments, 0, length);
            return;
        }
        Workers(_threadCount - 1);
        if (Interlocked.CompareExchange(ref _inUse, 1, 0) != 0)
        {
            RunRange(body, arguments, 0, length);
            return;
        }
        try
        {
            if (RunsAloneWhileWorkersWake(work, parts))
            {
                RunRange(body, arguments, 0, length);
                _lastAloneProductEnd = Stopwatch.GetTimestamp();
                return;
            }
            KernelWorker[] workers = Workers(parts - 1);
            int perPart = length / parts;
            for (int i = 0; i < parts - 1; i++)
            {
                workers[i].Start(body, arguments, i * perPart, (i + 1) * perPart);
            }
            RunRange(body, arguments, (parts - 1) * perPart, length);
            for (int i = 0; i < parts - 1; i++)
            {
                workers[i].WaitUntilDone();
            }
        }
        finally
        {
            Volatile.Write(ref _inUse, 0);
        }
    }

    /// <summary>Runs one range of a <see cref="RunRanges"/> body, its products whole on this thread.</summary>
    internal static unsafe void RunRange(delegate*<nint, int, int, void> body, nint arguments, int begin, int end)
    {
        t_inRange = true;
        try
        {
            body(arguments, begin, end);
        }
        finally
        {
            t_inRange = false;
        }
    }

    /// <summary>
    /// Products of this many multiply-adds or more (40 µs or more on one core here) wait for a blocked worker to wake, which
    /// takes about 25 µs, rather than compute alone: splitting them saves more than that.
    /// </summary>
    private const long WaitForWakingWork = 8L << 20;

    /// <summary>
    /// Whether a call of <paramref name="work"/> multiply-adds should compute alone because a worker it would use blocks.
    /// Waking one costs the caller a system call and the worker tens of µs (a one-sample inference after a pause took 25 µs
    /// waiting for it, 12 µs just waking it, 2.5 µs alone), so a call below <see cref="WaitForWakingWork"/> computes alone;
    /// but when such calls follow each other closely (a burst: a training step's products, one-sequence inference over and
    /// over) it wakes the workers, so that the rest of the burst splits again. The caller records when it ended.
    /// </summary>
    private static bool RunsAloneWhileWorkersWake(long work, int parts)
    {
        if (work >= WaitForWakingWork || !AnyBlocked(parts - 1))
        {
            return false;
        }
        if (Stopwatch.GetTimestamp() - _lastAloneProductEnd < KernelWorker.SpinTicks)
        {
            WakeBlocked(parts - 1);
        }
        return true;
    }

    /// <summary>Whether any of the first <paramref name="count"/> workers blocks (or is about to).</summary>
    private static bool AnyBlocked(int count)
    {
        KernelWorker[] workers = _workers;
        for (int i = 0; i < count; i++)
        {
            if (workers[i].IsBlocked)
            {
                return true;
            }
        }
        return false;
    }

    private static void WakeBlocked(int count)
    {
        KernelWorker[] workers = _workers;
        for (int i = 0; i < count; i++)
        {
            workers[i].WakeIfBlocked();
        }
    }

    private static void RunOnWorkers<T>(in DenseJob job, int splitLength, int parts) where T : unmanaged, IFloatingPointIeee754<T>
    {
        KernelWorker[] workers = Workers(parts - 1);
        bool partial = job.Operation == DenseOperation.InputGradients;
        AlignedBuffer<byte>[] buffers = partial ? _partialSums = PartialSums(_partialSums, parts, job.Batch * job.Inputs * Unsafe.SizeOf<T>()) : [];
        for (int i = 0; i < parts - 1; i++)
        {
            (int begin, int end) = Part(i, parts, splitLength, job);
            workers[i].Start(job, typeof(T) == typeof(double), begin, end, partial ? Address(buffers[i]) : 0);
        }
        (int callerBegin, int callerEnd) = Part(parts - 1, parts, splitLength, job);
        DenseKernels.Execute<T>(job, callerBegin, callerEnd, partial ? Address(buffers[parts - 1]) : 0);
        for (int i = 0; i < parts - 1; i++)
        {
            workers[i].WaitUntilDone();
        }
        if (partial)
        {
            AddPartialSums<T>(job, buffers, parts);
        }
    }

    /// <summary>
    /// Another caller has the workers: the products whose result does not depend on the split run whole here; the input
    /// gradient runs the same parts one after the other, into this thread's own buffers, so that its sums are those of the
    /// split.
    /// </summary>
    private static void RunAlone<T>(in DenseJob job, int splitLength, int parts) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (job.Operation != DenseOperation.InputGradients)
        {
            DenseKernels.Execute<T>(job, 0, splitLength);
            return;
        }
        AlignedBuffer<byte>[] buffers = t_partialSums = PartialSums(t_partialSums, parts, job.Batch * job.Inputs * Unsafe.SizeOf<T>());
        for (int i = 0; i < parts; i++)
        {
            (int begin, int end) = Part(i, parts, splitLength, job);
            DenseKernels.Execute<T>(job, begin, end, Address(buffers[i]));
        }
        AddPartialSums<T>(job, buffers, parts);
    }

    /// <summary>
    /// The multiply-adds' worth of work the calling thread takes beyond an equal part: it starts on its part at once, a
    /// worker only once the job has crossed to its core, and the caller then waits for the worker's results to cross back.
    /// One-sample inference of 784-128-10 on two threads, equal parts against this: 2.3 against 2.0 µs with the development
    /// VM's cores 0.37 µs apart (round trip), 1.47 against 1.51 µs with them 0.1 µs apart. Large products hardly notice it.
    /// </summary>
    private const long CallerHeadStart = 10_000;

    /// <summary>
    /// Part <paramref name="index"/> of <paramref name="parts"/>: whole tiles of four units; the last part, the caller's,
    /// takes the remainder and about <see cref="CallerHeadStart"/> multiply-adds more. A function of the job's shape and the
    /// thread count only, so that the input gradient's partial sums, and so its result, are the same from run to run.
    /// </summary>
    private static (int Begin, int End) Part(int index, int parts, int splitLength, in DenseJob job)
    {
        int tiles = splitLength / 4;
        long workPerTile = job.Work / tiles;
        int callerExtraTiles = (int)Math.Min(tiles / parts, CallerHeadStart / workPerTile);
        int tilesPerPart = (tiles - callerExtraTiles) / parts;
        return (index * tilesPerPart * 4, index == parts - 1 ? splitLength : (index + 1) * tilesPerPart * 4);
    }

    /// <summary>dx += the parts' partial sums, part after part.</summary>
    private static unsafe void AddPartialSums<T>(in DenseJob job, AlignedBuffer<byte>[] buffers, int parts) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int length = job.Batch * job.Inputs;
        var target = new Span<T>((void*)job.C, length);
        for (int i = 0; i < parts; i++)
        {
            Kernels.Add(target, new ReadOnlySpan<T>((void*)Address(buffers[i]), length), target);
        }
    }

    /// <summary><paramref name="buffers"/>, or, if they are too few or too small, buffers grown to <paramref name="parts"/> aligned, pinned buffers of <paramref name="bytes"/> or more: never per call once large enough.</summary>
    private static AlignedBuffer<byte>[] PartialSums(AlignedBuffer<byte>[]? buffers, int parts, int bytes)
    {
        buffers ??= [];
        if (buffers.Length >= parts && buffers[0].Length >= bytes)
        {
            return buffers;
        }
        var grown = new AlignedBuffer<byte>[Math.Max(parts, buffers.Length)];
        for (int i = 0; i < grown.Length; i++)
        {
            AlignedBuffer<byte>? old = i < buffers.Length ? buffers[i] : null;
            grown[i] = old is not null && old.Length >= bytes ? old : new AlignedBuffer<byte>(Math.Max(bytes, 64));
        }
        return grown;
    }

    private static unsafe nint Address(AlignedBuffer<byte> pinned) => (nint)Unsafe.AsPointer(ref pinned[0]);

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
/// A background thread that runs one range of a <see cref="DenseJob"/>, or of a <see cref="KernelThreading.RunRanges"/> body, at a time. Between jobs it spins for a short
/// while, so that the products of a training step, a few microseconds apart, start without a system call; after that
/// it blocks, so that an idle network costs no processor time.
/// </summary>
internal sealed unsafe class KernelWorker
{
    // About 100 µs: longer than the gaps between a step's products, far shorter than anything a person would notice.
    internal static readonly long SpinTicks = Stopwatch.Frequency / 10_000;

    private readonly ManualResetEventSlim _wake = new(false, spinCount: 0);
    private DenseJob _job;
    private delegate*<nint, int, int, void> _body; // null: the job is _job
    private nint _arguments;
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
        _body = null;
        _isDouble = isDouble;
        _begin = begin;
        _end = end;
        _partialSums = partialSums;
        Post();
    }

    public void Start(delegate*<nint, int, int, void> body, nint arguments, int begin, int end)
    {
        _body = body;
        _arguments = arguments;
        _begin = begin;
        _end = end;
        Post();
    }

    private void Post()
    {
        // Full fences on both sides (here and in Loop) so that either the worker sees the job or this sees it sleeping. The
        // locked increment also publishes the job at once: a plain store waited behind the caller's own part's loads
        // (one-sample inference on two threads, cores 0.37 µs apart: 2.4 µs against 1.8).
        Interlocked.Increment(ref _posted);
        if (Volatile.Read(ref _sleeping) == 1)
        {
            _wake.Set();
        }
    }

    /// <summary>Whether the worker blocks (or is about to): a job posted now would wait for it to wake.</summary>
    public bool IsBlocked => Volatile.Read(ref _sleeping) == 1;

    /// <summary>Wakes the worker, to spin for the next jobs, if it blocks.</summary>
    public void WakeIfBlocked()
    {
        if (IsBlocked)
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
        long spinTicks = SpinTicks;
        while (true)
        {
            WaitForJob(seen, spinTicks);
            long start = Stopwatch.GetTimestamp();
            seen = Volatile.Read(ref _posted);
            if (_body != null)
            {
                KernelThreading.RunRange(_body, _arguments, _begin, _end);
            }
            else if (_isDouble)
            {
                DenseKernels.Execute<double>(_job, _begin, _end, _partialSums);
            }
            else
            {
                DenseKernels.Execute<float>(_job, _begin, _end, _partialSums);
            }
            Volatile.Write(ref _completed, seen);
            // The caller's part of a long job (a recurrent layer's samples over a whole sequence, milliseconds) may end a few
            // percent after this one: wait for its next job a little longer than between short products.
            spinTicks = Math.Clamp((Stopwatch.GetTimestamp() - start) / 8, SpinTicks, 10 * SpinTicks);
        }
    }

    private void WaitForJob(int seen, long spinTicks)
    {
        long spinUntil = Stopwatch.GetTimestamp() + spinTicks;
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

using System.Diagnostics;

namespace NetGen.Compare;

/// <summary>
/// How far apart the machine's cores are: the median round trip of a cache line between two threads, each waiting for
/// the other's write. A two-thread one-sample product hands work over and back, so its speed follows this number. On the
/// development VM it moves between about 0.1 µs and 0.37 µs from one minute to the next, as the host places the two
/// vCPUs; the report gives it at the start and at the end of the run, so that the two-thread columns can be read against it.
/// </summary>
public static class CoreLatencyProbe
{
    public static double MedianRoundTripNanoseconds(int roundTrips = 20_000, int repetitions = 7)
    {
        var counter = new AlignedBuffer<int>(16); // element 0 alone on its cache line
        int total = roundTrips * (repetitions + 1); // one repetition's worth of warm-up
        var echo = new Thread(() =>
        {
            for (int i = 1; i <= total; i++)
            {
                while (Volatile.Read(ref counter[0]) != 2 * i - 1)
                {
                }
                Volatile.Write(ref counter[0], 2 * i);
            }
        }) { IsBackground = true };
        echo.Start();
        var nanoseconds = new List<double>();
        int next = 1;
        for (int r = 0; r <= repetitions; r++)
        {
            long start = Stopwatch.GetTimestamp();
            for (int i = 0; i < roundTrips; i++, next++)
            {
                Volatile.Write(ref counter[0], 2 * next - 1);
                while (Volatile.Read(ref counter[0]) != 2 * next)
                {
                }
            }
            if (r > 0)
            {
                nanoseconds.Add(Stopwatch.GetElapsedTime(start).TotalNanoseconds / roundTrips);
            }
        }
        echo.Join();
        nanoseconds.Sort();
        return Harness.Median(nanoseconds);
    }
}

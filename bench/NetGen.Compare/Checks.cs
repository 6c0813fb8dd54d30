namespace NetGen.Compare;

/// <summary>
/// One agreement check: <c>relative = max |other − netgen| / max |netgen|</c> over the compared values (a norm-wise
/// relative error, which does not blow up on values near 0).
/// </summary>
public sealed record Check(string What, string Against, double MaxAbsDifference, double MaxAbsReference, double Relative, bool Pass);

public sealed class CheckList
{
    public const double Tolerance = 1e-4;

    public List<Check> Checks { get; } = [];

    public bool AllPass => Checks.TrueForAll(c => c.Pass);

    public void Compare(string what, string against, ReadOnlySpan<float> netgen, ReadOnlySpan<float> other)
    {
        if (netgen.Length != other.Length)
        {
            Checks.Add(new Check($"{what} (length {netgen.Length} vs {other.Length})", against, double.NaN, double.NaN, double.NaN, false));
            Print(Checks[^1]);
            return;
        }
        double maxDifference = 0;
        double maxReference = 0;
        for (int i = 0; i < netgen.Length; i++)
        {
            double difference = Math.Abs((double)other[i] - netgen[i]);
            maxDifference = double.IsNaN(difference) ? double.PositiveInfinity : Math.Max(maxDifference, difference);
            maxReference = Math.Max(maxReference, Math.Abs((double)netgen[i]));
        }
        double relative = maxDifference / Math.Max(maxReference, 1e-30);
        var check = new Check(what, against, maxDifference, maxReference, relative, relative <= Tolerance);
        Checks.Add(check);
        Print(check);
    }

    private static void Print(Check check) =>
        Console.WriteLine($"    {(check.Pass ? "ok  " : "FAIL")} {check.What,-34} NetGen vs {check.Against,-16} rel {check.Relative:E2} (max |diff| {check.MaxAbsDifference:E2}, max |NetGen| {check.MaxAbsReference:E2})");
}

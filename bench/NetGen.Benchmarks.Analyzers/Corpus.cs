using System.Globalization;
using System.Text;

namespace NetGen.Benchmarks.Analyzers;

/// <summary>
/// The sources of a synthetic project: <see cref="NetworkCount"/> network declarations, one file each, and
/// <see cref="OrdinaryCount"/> ordinary classes. Deterministic (fixed seed): every run benchmarks the same project.
/// </summary>
public static class Corpus
{
    public const int NetworkCount = 200;
    public const int OrdinaryCount = 40;

    private static readonly string[] Hidden = ["ReLU", "LeakyReLU", "ELU", "Tanh", "SELU"];

    /// <summary>(path, text) of every file of the project.</summary>
    public static IReadOnlyList<(string Path, string Text)> Files()
    {
        var random = new Random(20240611);
        var files = new List<(string, string)>();
        for (int i = 0; i < NetworkCount; i++)
        {
            files.Add(($"Networks/Net{i:000}.cs", Network(i, random)));
        }
        for (int i = 0; i < OrdinaryCount; i++)
        {
            files.Add(($"Services/Service{i:00}.cs", Ordinary(i, string.Empty)));
        }
        return files;
    }

    /// <summary>An ordinary class, <paramref name="extra"/> appended to its body (the unrelated edit).</summary>
    public static string Ordinary(int i, string extra) => $$"""
        using System;
        using System.Collections.Generic;
        using System.Linq;

        namespace Contoso.Services;

        public sealed record Order{{i}}(int Id, string Customer, decimal Amount, DateTime Date);

        /// <summary>Ordinary application code, to put the networks in proportion.</summary>
        public sealed class Service{{i}}
        {
            private readonly Dictionary<int, Order{{i}}> _orders = new();

            public void Add(Order{{i}} order)
            {
                ArgumentNullException.ThrowIfNull(order);
                _orders[order.Id] = order;
            }

            public decimal Total(string customer) =>
                _orders.Values.Where(o => o.Customer == customer).Sum(o => o.Amount);

            public IReadOnlyList<(string Customer, decimal Amount)> TopCustomers(int count) =>
                _orders.Values
                    .GroupBy(o => o.Customer)
                    .Select(g => (g.Key, g.Sum(o => o.Amount)))
                    .OrderByDescending(t => t.Item2)
                    .Take(count)
                    .ToList();

            public IEnumerable<Order{{i}}> Between(DateTime from, DateTime to)
            {
                foreach (Order{{i}} order in _orders.Values)
                {
                    if (order.Date >= from && order.Date < to)
                    {
                        yield return order;
                    }
                }
            }

            public string Describe(int id) => _orders.TryGetValue(id, out Order{{i}}? order)
                ? $"{order.Customer}: {order.Amount:F2} on {order.Date:yyyy-MM-dd}"
                : "unknown";

            public static double Checksum(ReadOnlySpan<double> values)
            {
                double sum = 0;
                for (int k = 0; k < values.Length; k++)
                {
                    sum = sum * 31 + Math.Round(values[k], 3) switch
                    {
                        < 0 => -1,
                        0 => 0,
                        _ => 1,
                    };
                }
                return sum;
            }
        {{extra}}
        }
        """;

    /// <summary>The <paramref name="i"/>-th network: eight kinds in turn, sizes drawn from <paramref name="random"/>.</summary>
    private static string Network(int i, Random random)
    {
        var b = new StringBuilder();
        b.AppendLine("using NetGen;");
        b.AppendLine();
        b.AppendLine(CultureInfo.InvariantCulture, $"namespace Contoso.Models.Group{i / 25};");
        b.AppendLine();
        int inputs = Pick(random, 4, 16, 32, 64, 128, 784);
        string precision = random.Next(5) == 0 ? ", Precision = Precision.Double" : string.Empty;
        (string loss, string output) = Head(random);
        switch (i % 8)
        {
            case 0: // a plain MLP, 1 to 4 hidden layers
            case 1:
            {
                b.AppendLine(CultureInfo.InvariantCulture, $"[Network(Inputs = {inputs}, Loss = {loss}{precision})]");
                int depth = random.Next(1, 5);
                for (int l = 0; l < depth; l++)
                {
                    b.AppendLine(DenseLine(random, Width(random)));
                }
                break;
            }
            case 2: // a stack declared with Repeat
            {
                b.AppendLine(CultureInfo.InvariantCulture, $"[Network(Inputs = {inputs}, Loss = {loss}{precision})]");
                b.AppendLine(DenseLine(random, Width(random)));
                b.AppendLine(DenseLine(random, Pick(random, 64, 128, 256), $", Repeat = {random.Next(2, 6)}"));
                break;
            }
            case 3: // residual blocks with batch or layer normalization
            {
                int width = Pick(random, 32, 64, 128);
                string norm = random.Next(2) == 0 ? "BatchNorm" : "LayerNorm";
                b.AppendLine(CultureInfo.InvariantCulture, $"[Network(Inputs = {inputs}, Loss = {loss}{precision})]");
                b.AppendLine(CultureInfo.InvariantCulture, $"[Dense({width}, Activation.ReLU, Init = Init.HeNormal)]");
                b.AppendLine(CultureInfo.InvariantCulture, $"[Residual(Repeat = {random.Next(2, 13)})]");
                b.AppendLine(CultureInfo.InvariantCulture, $"[Dense({width}, Activation.ReLU, Init = Init.HeNormal)]");
                b.AppendLine(CultureInfo.InvariantCulture, $"[Dense({width})]");
                b.AppendLine(CultureInfo.InvariantCulture, $"[{norm}]");
                b.AppendLine("[EndResidual(Activation = Activation.ReLU)]");
                break;
            }
            case 4: // Linear -> norm -> activation, a few times
            {
                b.AppendLine(CultureInfo.InvariantCulture, $"[Network(Inputs = {inputs}, Loss = {loss}{precision})]");
                int depth = random.Next(2, 5);
                for (int l = 0; l < depth; l++)
                {
                    b.AppendLine(CultureInfo.InvariantCulture, $"[Dense({Width(random)})]");
                    string norm = random.Next(2) == 0 ? "BatchNorm(Momentum = 0.05" : "LayerNorm(Epsilon = 1e-6";
                    b.AppendLine(CultureInfo.InvariantCulture, $"[{norm}, Activation = Activation.ReLU)]");
                }
                break;
            }
            case 5: // residual blocks with a projection (width change)
            {
                b.AppendLine(CultureInfo.InvariantCulture, $"[Network(Inputs = {inputs}, Loss = {loss}{precision})]");
                b.AppendLine("[Dense(64, Activation.ReLU, Init = Init.HeNormal)]");
                b.AppendLine("[Residual]");
                b.AppendLine("[Dense(128, Activation.ReLU, Init = Init.HeNormal)]");
                b.AppendLine("[LayerNorm]");
                b.AppendLine("[EndResidual(Activation = Activation.ReLU)]");
                b.AppendLine("[Dense(32, Activation.Tanh)]");
                break;
            }
            default: // 6 and 7: designs that raise the gradient-health warnings NG0101 to NG0107
                return Unhealthy(i, (i / 8) % 7, b, inputs);
        }
        b.AppendLine(output);
        b.AppendLine(CultureInfo.InvariantCulture, $"public partial class Net{i:000};");
        return b.ToString();
    }

    private static string Unhealthy(int i, int rule, StringBuilder b, int inputs)
    {
        switch (rule)
        {
            case 0: // NG0101: a deep sigmoid stack
                b.AppendLine(CultureInfo.InvariantCulture, $"[Network(Inputs = {inputs}, Loss = Loss.SoftmaxCrossEntropy)]");
                b.AppendLine("[Dense(30, Activation.Sigmoid, Repeat = 10)]");
                b.AppendLine("[Dense(10)]");
                break;
            case 1: // NG0102: N(0, 1) on wide linear layers
                b.AppendLine(CultureInfo.InvariantCulture, $"[Network(Inputs = {inputs}, Loss = Loss.MeanSquaredError)]");
                b.AppendLine("[Dense(512, Init = Init.StandardNormal, Repeat = 6)]");
                b.AppendLine("[Dense(1)]");
                break;
            case 2: // NG0103: ReLU with Glorot
                b.AppendLine(CultureInfo.InvariantCulture, $"[Network(Inputs = {inputs}, Loss = Loss.SoftmaxCrossEntropy)]");
                b.AppendLine("[Dense(128, Activation.ReLU, Repeat = 6)]");
                b.AppendLine("[Dense(10)]");
                break;
            case 3: // NG0104: a deep narrow ReLU stack
                b.AppendLine(CultureInfo.InvariantCulture, $"[Network(Inputs = {inputs}, Loss = Loss.SoftmaxCrossEntropy)]");
                b.AppendLine("[Dense(5, Activation.ReLU, Init = Init.HeNormal, Repeat = 10)]");
                b.AppendLine("[Dense(10)]");
                break;
            case 4: // NG0105: batch normalization after every layer of a deep plain stack
                b.AppendLine(CultureInfo.InvariantCulture, $"[Network(Inputs = {inputs}, Loss = Loss.SoftmaxCrossEntropy)]");
                for (int l = 0; l < 8; l++)
                {
                    b.AppendLine("[Dense(64)]");
                    b.AppendLine("[BatchNorm(Activation = Activation.ReLU)]");
                }
                b.AppendLine("[Dense(10)]");
                break;
            case 5: // NG0106: residual blocks without normalization
                b.AppendLine(CultureInfo.InvariantCulture, $"[Network(Inputs = {inputs}, Loss = Loss.SoftmaxCrossEntropy)]");
                b.AppendLine("[Dense(64, Activation.ReLU, Init = Init.HeNormal)]");
                b.AppendLine("[Residual(Repeat = 6)]");
                b.AppendLine("[Dense(64, Activation.ReLU, Init = Init.HeNormal)]");
                b.AppendLine("[Dense(64)]");
                b.AppendLine("[EndResidual(Activation = Activation.ReLU)]");
                b.AppendLine("[Dense(10)]");
                break;
            default: // NG0107: a sigmoid output with the quadratic loss
                b.AppendLine(CultureInfo.InvariantCulture, $"[Network(Inputs = {inputs})]");
                b.AppendLine("[Dense(32, Activation.Tanh)]");
                b.AppendLine("[Dense(1, Activation.Sigmoid)]");
                break;
        }
        b.AppendLine(CultureInfo.InvariantCulture, $"public partial class Net{i:000};");
        return b.ToString();
    }

    /// <summary>A hidden dense layer with an activation and a fitting initializer.</summary>
    private static string DenseLine(Random random, int units, string extra = "")
    {
        string activation = Hidden[random.Next(Hidden.Length)];
        string init = activation switch
        {
            "ReLU" or "LeakyReLU" or "ELU" => random.Next(2) == 0 ? ", Init = Init.HeNormal" : ", Init = Init.HeUniform",
            "Tanh" => random.Next(2) == 0 ? string.Empty : ", Init = Init.GlorotNormal",
            _ => string.Empty,
        };
        string parameter = activation switch
        {
            "LeakyReLU" when random.Next(2) == 0 => ", NegativeSlope = 0.2",
            "ELU" when random.Next(2) == 0 => ", Alpha = 0.5",
            _ => string.Empty,
        };
        return $"[Dense({units}, Activation.{activation}{init}{parameter}{extra})]";
    }

    /// <summary>A loss and an output layer that fits it.</summary>
    private static (string Loss, string Output) Head(Random random)
    {
        int classes = Pick(random, 2, 3, 10, 26);
        return random.Next(5) switch
        {
            0 => ("Loss.SoftmaxCrossEntropy", $"[Dense({classes}, Activation.Softmax)]"),
            1 => ("Loss.MeanSquaredError", $"[Dense({Pick(random, 1, 2, 4)})]"),
            2 => ("Loss.SigmoidCrossEntropy", $"[Dense({classes})]"),
            3 => ("Loss.BinaryCrossEntropy", "[Dense(1, Activation.Sigmoid)]"),
            _ => ("Loss.SoftmaxCrossEntropy", $"[Dense({classes})]"),
        };
    }

    private static int Width(Random random) => Pick(random, 16, 32, 48, 64, 100, 128, 256);

    private static int Pick(Random random, params int[] values) => values[random.Next(values.Length)];
}

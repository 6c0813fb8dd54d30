using System.Globalization;
using System.Text;
using NetGen.Generators.Model;

namespace NetGen.Generators.Emit;

/// <summary>C# literals and names, formatted with the invariant culture (a culture's minus sign must never reach generated code).</summary>
internal static class Literals
{
    public static string ElementType(PrecisionKind precision) => precision == PrecisionKind.Double ? "double" : "float";

    /// <summary>A literal of the element type that round-trips <paramref name="value"/>: <c>0.01f</c> or <c>0.01d</c>.</summary>
    /// Values the element type cannot hold (the rules refuse them in parameters; a prediction can overflow) are written
    /// as the type's named constants: <c>double.PositiveInfinity</c>, never <c>Infinityd</c>.
    public static string Number(double value, PrecisionKind precision)
    {
        string type = ElementType(precision);
        double held = precision == PrecisionKind.Double ? value : (float)value;
        if (double.IsNaN(held))
        {
            return type + ".NaN";
        }
        if (double.IsInfinity(held))
        {
            return type + (held > 0 ? ".PositiveInfinity" : ".NegativeInfinity");
        }
        return precision == PrecisionKind.Double
            ? value.ToString("R", CultureInfo.InvariantCulture) + "d"
            : ((float)value).ToString("R", CultureInfo.InvariantCulture) + "f";
    }

    /// <summary>The expression of a span over part of a generated array (the generated file has no <c>using</c> for <c>AsSpan</c>).</summary>
    public static string SpanOf(string elementType, string array, string start, string length) =>
        $"new global::System.Span<{elementType}>({array}, {start}, {length})";

    public static string Integer(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>An integer with thousands separators, for comments and summaries: <c>101,770</c>.</summary>
    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A C# string literal of <paramref name="text"/>, escaped.</summary>
    public static string String(string text)
    {
        var builder = new StringBuilder("\"");
        foreach (char c in text)
        {
            builder.Append(c switch
            {
                '\\' => "\\\\",
                '"' => "\\\"",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ => c.ToString(),
            });
        }
        return builder.Append('"').ToString();
    }

    /// <summary><paramref name="text"/> escaped for an XML doc comment.</summary>
    public static string Xml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}

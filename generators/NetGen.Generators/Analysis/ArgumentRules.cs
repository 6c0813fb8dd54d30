using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.CodeAnalysis;
using NetGen.Generators.Model;
using static NetGen.Generators.Diagnostics.DiagnosticDescriptors;

namespace NetGen.Generators.Analysis;

/// <summary>The rules every argument of its type follows: sizes positive, enums defined, numbers in range and representable.</summary>
internal static class ArgumentRules
{
    public static void Size(Argument<int> size, AttributeData attribute, string description, List<DeclarationProblem> problems)
    {
        if (size.Value <= 0)
        {
            string actual = size.IsExplicit ? size.Value.ToString(CultureInfo.InvariantCulture) : "not set";
            problems.Add(new DeclarationProblem(SizeMustBePositive, attribute, size.Name, description, actual));
        }
    }

    public static void Defined<TEnum>(Argument<TEnum> value, AttributeData attribute, string description, List<DeclarationProblem> problems)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(typeof(TEnum), value.Value))
        {
            string enumName = typeof(TEnum).Name.Replace("Kind", string.Empty);
            problems.Add(new DeclarationProblem(UndefinedEnumValue, attribute, value.Name,
                description, enumName, Convert.ToInt32(value.Value, CultureInfo.InvariantCulture),
                string.Join(", ", Enum.GetNames(typeof(TEnum)))));
        }
    }

    /// <summary>
    /// <paramref name="value"/> must satisfy <paramref name="isValid"/>, and still do so in the network's element type:
    /// a float network holds it as a float, which overflows past ±3.4E+38 and rounds below 1.4E-45 to 0.
    /// </summary>
    public static void Number(
        Argument<double> value, AttributeData attribute, string description, string validRange, Func<double, bool> isValid,
        PrecisionKind precision, List<DeclarationProblem> problems)
    {
        double v = value.Value;
        if (!isValid(v) || double.IsNaN(v) || double.IsInfinity(v))
        {
            problems.Add(new DeclarationProblem(ArgumentOutOfRange, attribute, value.Name, description, Format(v), validRange));
        }
        else if (precision == PrecisionKind.Single && (Math.Abs(v) > float.MaxValue || !isValid((float)v)))
        {
            string rounded = Math.Abs(v) > float.MaxValue ? "overflows a float" : $"rounds to {((float)v).ToString("R", CultureInfo.InvariantCulture)} as a float";
            problems.Add(new DeclarationProblem(ArgumentOutOfRange, attribute, value.Name, description, Format(v),
                $"{validRange}; this network's Precision is Single, and {Format(v)} {rounded} (use Precision.Double, or a value a float can hold)"));
        }
    }

    public static bool IsFinite(double value) => !double.IsNaN(value) && !double.IsInfinity(value);

    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}

namespace OmniPos.Core.Money;

/// <summary>ISO 4217 facts needed to keep amounts exact to the currency's smallest unit.</summary>
public static class Currency
{
    private static readonly Dictionary<string, int> MinorUnitsByCode = new(StringComparer.Ordinal)
    {
        ["BHD"] = 3, ["IQD"] = 3, ["JOD"] = 3, ["KWD"] = 3, ["LYD"] = 3, ["OMR"] = 3, ["TND"] = 3,
        ["BIF"] = 0, ["CLP"] = 0, ["DJF"] = 0, ["GNF"] = 0, ["ISK"] = 0, ["JPY"] = 0, ["KMF"] = 0,
        ["KRW"] = 0, ["PYG"] = 0, ["RWF"] = 0, ["UGX"] = 0, ["VND"] = 0, ["VUV"] = 0, ["XAF"] = 0,
        ["XOF"] = 0, ["XPF"] = 0,
    };

    /// <summary>True for a well-formed ISO 4217 alphabetic code (three upper-case letters).</summary>
    public static bool IsWellFormed(string? code) => code is { Length: 3 } && code.All(char.IsAsciiLetterUpper);

    /// <summary>Digits after the decimal point the currency's smallest unit allows (2 unless listed).</summary>
    public static int MinorUnits(string code) => MinorUnitsByCode.GetValueOrDefault(code, 2);

    /// <summary>The amount with exactly the currency's decimals, as people read it (<c>20.00</c>, never <c>20.0000</c>).</summary>
    public static string Format(decimal amount, string code) =>
        amount.ToString($"F{MinorUnits(code)}", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>An exact amount with exactly the currency's decimals, as stored amounts are answered: 12.0 and 12.0000 become 12.00 in USD.</summary>
    public static decimal WithMinorUnits(decimal amount, string code) =>
        decimal.Round(amount, MinorUnits(code)) + new decimal(0, 0, 0, false, (byte)MinorUnits(code));

    /// <summary>True when the amount has no more decimals than the currency allows.</summary>
    public static bool IsExact(decimal amount, string code) => decimal.Round(amount, MinorUnits(code)) == amount;
}

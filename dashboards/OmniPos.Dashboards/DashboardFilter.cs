using System.Globalization;
using Microsoft.AspNetCore.Http;
using OmniPos.Core.Validation;
using OmniPos.Warehouse.Queries;
using OmniPos.Warehouse.Queries.Rows;

namespace OmniPos.Dashboards;

/// <summary>
/// The filters every page keeps in its URL, as the data routes read them: <c>from</c> and <c>through</c> (business days,
/// both inclusive; by default the twelve weeks to today), <c>store</c>, <c>channel</c> and <c>category</c> (each may
/// repeat; none keeps all) and sell-through's <c>variant</c> (period, received or on_hand).
/// </summary>
internal static class DashboardFilter
{
    private const int DefaultDays = 84;

    public static (QueryFilter? Filter, IReadOnlyList<ValidationError> Errors) Read(IQueryCollection query, DateOnly today)
    {
        var errors = new List<ValidationError>();
        var through = Day(query, "through", errors) ?? today;
        var from = Day(query, "from", errors) ?? through.AddDays(1 - DefaultDays);
        if (from > through)
        {
            errors.Add(new ValidationError("from", Rules.NotAllowed, $"from ({from:yyyy-MM-dd}) is after through ({through:yyyy-MM-dd})"));
        }

        var variant = query["variant"].ToString() switch
        {
            "" or "period" => SellThroughVariant.Period,
            "received" => SellThroughVariant.Received,
            "on_hand" => SellThroughVariant.OnHand,
            var other => Refuse(errors, new ValidationError("variant", Rules.Malformed, $"'{other}' is not a sell-through variant: period, received or on_hand")),
        };
        var filter = new QueryFilter(from, through, List(query, "store"), List(query, "channel"), List(query, "category"), Variant: variant);
        return errors.Count == 0 ? (filter, errors) : (null, errors);
    }

    private static DateOnly? Day(IQueryCollection query, string name, List<ValidationError> errors)
    {
        var text = query[name].ToString();
        if (text.Length == 0)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        errors.Add(new ValidationError(name, Rules.Malformed, $"'{text}' is not a date of the form 2026-03-31"));
        return null;
    }

    private static string[] List(IQueryCollection query, string name) => [.. query[name].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim())];

    private static SellThroughVariant Refuse(List<ValidationError> errors, ValidationError error)
    {
        errors.Add(error);
        return SellThroughVariant.Period;
    }
}

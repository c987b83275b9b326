using System.Text.Json.Nodes;
using OmniPos.Core.Events;
using OmniPos.Core.Ledger;

namespace OmniPos.Core.Validation;

/// <summary>The two passes every event goes through: on its own (before any I/O), then against the ledger.</summary>
internal static class EventValidator
{
    /// <summary>Card numbers first, so nothing else — not even an error message — ever handles one; then structure.</summary>
    public static IReadOnlyList<ValidationError> CheckAlone(PosEvent e, ReadOnlySpan<byte> canonicalJson)
    {
        var problems = new Problems();
        // The text scan is cheap; only a hit pays for parsing, to name the field.
        if (CardNumberScanner.ContainsCardNumber(canonicalJson)
            && CardNumberScanner.FindCardNumber(JsonNode.Parse(canonicalJson)) is { } field)
        {
            problems.Add(field, Rules.CardNumber,
                "looks like a full card number; send only the processor token, brand, last four digits and auth code");
            return problems.Errors;
        }

        StructureRules.Check(e, problems);
        return problems.Errors;
    }

    public static IReadOnlyList<ValidationError> CheckAgainst(PosEvent e, EventReferences references, LedgerFacts facts)
    {
        var problems = new Problems();
        LedgerRules.Check(e, references, facts, problems);
        return problems.Errors;
    }
}

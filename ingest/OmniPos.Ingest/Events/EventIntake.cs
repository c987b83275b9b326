using System.Net;
using Microsoft.Extensions.Logging;
using OmniPos.Core.Events;
using OmniPos.Core.Storage;
using OmniPos.Ingest.Access;

namespace OmniPos.Ingest.Events;

/// <summary>
/// What every posted event goes through, alone or in a batch: its raw UTF-8 text is screened for card numbers before it is
/// parsed as an event (so a card number is neither stored, logged nor echoed, wherever it was put), then parsed strictly, then
/// held to the key's scope; and what the store answered is logged by ids, fields and rule names only.
/// </summary>
internal sealed class EventIntake(Caller caller, ILogger log, IPAddress? remoteAddress)
{
    /// <summary>The event the text holds, or why it is refused before it reaches the store.</summary>
    public EventReading Read(ReadOnlySpan<byte> text)
    {
        if (CardNumberScreen.Find(text) is { } cardNumber)
        {
            log.CardNumber(cardNumber.Field, remoteAddress);
            return new EventReading(null, new Refusal(RefusalKind.CardNumber, cardNumber));
        }

        var parsed = EventJson.Parse(text);
        if (parsed.Event is not { } e)
        {
            log.Malformed(parsed.Error!.Field, parsed.Error.Rule);
            return new EventReading(null, new Refusal(RefusalKind.Malformed, parsed.Error));
        }

        if (caller.RefusesToPost(e) is { } refusal)
        {
            log.ScopeRefused(caller.Key.KeyId, refusal.Field);
            return new EventReading(null, new Refusal(RefusalKind.Forbidden, refusal, e.EventId));
        }

        return new EventReading(e, null);
    }

    public void Log(PosEvent e, AppendOutcome outcome)
    {
        switch (outcome.Status)
        {
            case AppendStatus.Accepted:
                log.Accepted(e.EventId, e.StoreId, e.DeviceId, outcome.Seq!.Value);
                break;
            case AppendStatus.Duplicate:
                log.Duplicate(e.EventId, e.StoreId, e.DeviceId, outcome.Seq!.Value);
                break;
            case AppendStatus.Conflict:
                log.Conflict(e.EventId, e.StoreId, e.DeviceId);
                break;
            default:
                log.Rejected(e.EventId, e.StoreId, e.DeviceId, string.Join(", ", outcome.Errors.Select(x => $"{x.Field} {x.Rule}")));
                break;
        }
    }
}

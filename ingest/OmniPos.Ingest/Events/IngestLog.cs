using System.Net;
using Microsoft.Extensions.Logging;

namespace OmniPos.Ingest.Events;

/// <summary>What ingest logs: ids, seqs, fields and rule names. Never a body or an error message, which may quote a value.</summary>
internal static partial class IngestLog
{
    [LoggerMessage(1, LogLevel.Debug, "Event {EventId} from {StoreId}/{DeviceId} accepted as seq {Seq}")]
    public static partial void Accepted(this ILogger logger, string eventId, string storeId, string deviceId, long seq);

    [LoggerMessage(2, LogLevel.Debug, "Event {EventId} from {StoreId}/{DeviceId} is a duplicate of seq {Seq}")]
    public static partial void Duplicate(this ILogger logger, string eventId, string storeId, string deviceId, long seq);

    [LoggerMessage(3, LogLevel.Warning, "Event {EventId} from {StoreId}/{DeviceId} differs from the event recorded under that id")]
    public static partial void Conflict(this ILogger logger, string eventId, string storeId, string deviceId);

    [LoggerMessage(4, LogLevel.Information, "Event {EventId} from {StoreId}/{DeviceId} rejected: {Violations}")]
    public static partial void Rejected(this ILogger logger, string eventId, string storeId, string deviceId, string violations);

    [LoggerMessage(5, LogLevel.Warning, "Refused a body carrying a card number in {Field} from {RemoteAddress}")]
    public static partial void CardNumber(this ILogger logger, string field, IPAddress? remoteAddress);

    [LoggerMessage(6, LogLevel.Information, "Refused a malformed event: {Field} {Rule}")]
    public static partial void Malformed(this ILogger logger, string field, string rule);

    [LoggerMessage(8, LogLevel.Warning, "Key {KeyId} ({Role}) refused at {Path}: its role may not call it")]
    public static partial void RoleRefused(this ILogger logger, string keyId, string role, string path);

    [LoggerMessage(9, LogLevel.Warning, "Key {KeyId} refused: {Field} out of its scope")]
    public static partial void ScopeRefused(this ILogger logger, string keyId, string field);

    [LoggerMessage(7, LogLevel.Information, "Refused a body over {MaxBytes} bytes from {RemoteAddress}")]
    public static partial void TooLarge(this ILogger logger, int maxBytes, IPAddress? remoteAddress);
}

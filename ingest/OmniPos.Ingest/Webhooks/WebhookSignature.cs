using System.Security.Cryptography;
using System.Text;

namespace OmniPos.Ingest.Webhooks;

/// <summary>
/// How a receiver knows a message is ours and fresh: <c>X-OmniPos-Signature: sha256=</c> and the lowercase hex of
/// HMAC-SHA256, keyed with the subscription's secret (its UTF-8 bytes), over <c>{timestamp}.{body}</c>, where the
/// timestamp is the <c>X-OmniPos-Timestamp</c> header (Unix seconds of the attempt) and the body the exact bytes posted.
/// </summary>
internal static class WebhookSignature
{
    public const string Header = "X-OmniPos-Signature";
    public const string TimestampHeader = "X-OmniPos-Timestamp";
    public const string DeliveryHeader = "X-OmniPos-Delivery";
    public const string KindHeader = "X-OmniPos-Kind";

    public static string Sign(string secret, long timestamp, byte[] body)
    {
        var signed = Encoding.UTF8.GetBytes($"{timestamp}.").Concat(body).ToArray();
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }
}

using System.Text;
using Microsoft.AspNetCore.Http;

namespace OmniPos.Ingest.Events;

internal static class RequestText
{
    /// <summary>
    /// The body as UTF-8 text, or null when it is longer than <paramref name="maxBytes"/>. A declared length over the limit
    /// is refused before reading; a chunked body is refused as soon as it passes the limit.
    /// </summary>
    public static async Task<string?> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken) =>
        await ReadBytesAsync(request, maxBytes, cancellationToken) is { } bytes ? Encoding.UTF8.GetString(bytes) : null;

    /// <summary>The body's bytes, or null when it is longer than <paramref name="maxBytes"/> (refused as <see cref="ReadAsync"/> does).</summary>
    public static async Task<byte[]?> ReadBytesAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        for (int read; (read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0;)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}

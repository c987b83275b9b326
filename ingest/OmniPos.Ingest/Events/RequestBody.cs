using System.Buffers;
using Microsoft.AspNetCore.Http;

namespace OmniPos.Ingest.Events;

internal static class RequestBody
{
    /// <summary>What a body of undeclared length is read into first; it doubles as the body grows.</summary>
    private const int UndeclaredLengthStart = 16 * 1024;

    /// <summary>The body's bytes, or null when it is longer than <paramref name="maxBytes"/> (see <see cref="ReadAsync{T}"/>).</summary>
    public static Task<byte[]?> ReadBytesAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken) =>
        ReadAsync(request, maxBytes, body => body.ToArray(), cancellationToken);

    /// <summary>
    /// Reads the body into a pooled buffer and hands its UTF-8 bytes to <paramref name="take"/>, which keeps nothing of
    /// them; null when the body is longer than <paramref name="maxBytes"/>. A declared length over the limit is refused
    /// before reading; a chunked body is refused as soon as it passes the limit. The buffer is sized to the declared
    /// length, and the request leaves the collector only what <paramref name="take"/> made of it: a batch's bytes or
    /// text would be a large object, collected only with the oldest generation, several times over while a growing
    /// buffer doubled.
    /// </summary>
    public static async Task<T?> ReadAsync<T>(HttpRequest request, int maxBytes, Func<ReadOnlySpan<byte>, T> take, CancellationToken cancellationToken)
        where T : class
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        // One byte over the declared length, so the read that finds the end of the body has room and is not taken for it.
        var buffer = ArrayPool<byte>.Shared.Rent(request.ContentLength is { } declared ? (int)declared + 1 : UndeclaredLengthStart);
        try
        {
            var length = 0;
            for (int read; (read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0;)
            {
                length += read;
                if (length > maxBytes)
                {
                    return null;
                }

                if (length == buffer.Length)
                {
                    buffer = Grow(buffer, length);
                }
            }

            return take(buffer.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static byte[] Grow(byte[] full, int length)
    {
        var larger = ArrayPool<byte>.Shared.Rent(full.Length * 2);
        full.AsSpan(0, length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(full);
        return larger;
    }
}

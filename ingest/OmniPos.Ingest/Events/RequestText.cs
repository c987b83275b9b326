using System.Buffers;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace OmniPos.Ingest.Events;

internal static class RequestText
{
    /// <summary>What a body of undeclared length is read into first; it doubles as the body grows.</summary>
    private const int UndeclaredLengthStart = 16 * 1024;

    /// <summary>
    /// The body as UTF-8 text, or null when it is longer than <paramref name="maxBytes"/>. A declared length over the limit
    /// is refused before reading; a chunked body is refused as soon as it passes the limit. The bytes go through a pooled
    /// buffer, sized to the declared length, so a request leaves only its text for the collector: a batch's bytes would
    /// otherwise be large objects, several times over while a growing buffer doubled.
    /// </summary>
    public static Task<string?> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken) =>
        ReadPooledAsync(request, maxBytes, (buffer, length) => Encoding.UTF8.GetString(buffer, 0, length), cancellationToken);

    /// <summary>The body's bytes, or null when it is longer than <paramref name="maxBytes"/> (refused as <see cref="ReadAsync"/> does).</summary>
    public static Task<byte[]?> ReadBytesAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken) =>
        ReadPooledAsync(request, maxBytes, (buffer, length) => buffer.AsSpan(0, length).ToArray(), cancellationToken);

    /// <summary>Reads the body into a pooled buffer and hands it, with the body's length, to <paramref name="take"/>; null when over the limit.</summary>
    private static async Task<T?> ReadPooledAsync<T>(HttpRequest request, int maxBytes, Func<byte[], int, T> take, CancellationToken cancellationToken)
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

            return take(buffer, length);
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

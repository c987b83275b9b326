using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using OmniPos.Core.Events;
using OmniPos.Core.Storage;
using OmniPos.Core.Validation;
using OmniPos.Ingest.Events;

namespace OmniPos.Ingest.Catalog;

/// <summary>
/// Setting up the chain, and reading it back: each catalog entry is put whole under its id (created or replaced), screened for card numbers
/// and read as strictly as an event, and refused by name when it breaks a catalog rule (an unknown time zone or currency, a negative price, a
/// device or employee of a store that does not exist).
/// </summary>
internal static class CatalogHandlers
{
    private const int MaxBodyBytes = 64 * 1024;

    /// <param name="noun">What the entry is, for messages ("store").</param>
    /// <param name="idField">The entry's id field, named by the answer when there is no such entry.</param>
    public static async Task<Results<Ok<T>, ProblemHttpResult>> GetAsync<T>(IOperationalStore store, string id, string noun, string idField,
        CancellationToken cancellationToken) where T : class =>
        await store.FindCatalogEntryAsync<T>(id, cancellationToken) is { } entry
            ? TypedResults.Ok(entry)
            : Problems.NotFound(idField, $"no {noun} has the id '{id}'");

    /// <param name="noun">What the entry is, for messages ("store").</param>
    /// <param name="idField">The entry's id field, which must match the path.</param>
    public static async Task<Results<Ok<T>, ProblemHttpResult>> PutAsync<T>(
        HttpRequest request, string id, string noun, string idField, Func<T, string> idOf, Func<T, CancellationToken, Task> save,
        CancellationToken cancellationToken) where T : class
    {
        if (await RequestBody.ReadBytesAsync(request, MaxBodyBytes, cancellationToken) is not { } body)
        {
            return Problems.TooLarge(MaxBodyBytes);
        }

        if (CardNumberScreen.Find(body) is { } cardNumber)
        {
            return Problems.Rejected([cardNumber]);
        }

        var (entry, error) = EventJson.ParseAs<T>(body, noun);
        if (entry is null)
        {
            return Problems.Malformed(error!);
        }

        if (idOf(entry) != id)
        {
            return Problems.Malformed(new ValidationError(idField, Rules.NotAllowed, $"the {noun} in the body is '{idOf(entry)}', not '{id}' as in the path"));
        }

        try
        {
            await save(entry, cancellationToken);
        }
        catch (ArgumentException e)
        {
            return Problems.Rejected([new ValidationError("$", Rules.CatalogRule, e.Message)]);
        }

        return TypedResults.Ok(entry);
    }
}

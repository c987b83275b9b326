using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using OmniPos.Core.Validation;

namespace OmniPos.Ingest.Events;

/// <summary>RFC 7807 answers with a stable <c>type</c> per kind of failure and every broken rule under <c>errors</c>.</summary>
public static class Problems
{
    public const string TypeRoot = "https://omnipos.dev/problems/";

    public static ProblemHttpResult Malformed(ValidationError error) =>
        Create(StatusCodes.Status400BadRequest, "malformed", "The request is not a well-formed event", [error]);

    public static ProblemHttpResult Rejected(IReadOnlyList<ValidationError> errors) =>
        Create(StatusCodes.Status422UnprocessableEntity, "validation", "The event breaks a rule; nothing of it was stored", errors);

    public static ProblemHttpResult Conflict(IReadOnlyList<ValidationError> errors) =>
        Create(StatusCodes.Status409Conflict, "idempotency-conflict", "The event id was already recorded with different content", errors);

    internal static ProblemHttpResult Refused(Refusal refusal) => refusal.Kind switch
    {
        RefusalKind.Malformed => Malformed(refusal.Error),
        RefusalKind.Forbidden => Forbidden(refusal.Error),
        _ => Rejected([refusal.Error]),
    };

    public static ProblemHttpResult BadQuery(IReadOnlyList<ValidationError> errors) =>
        Create(StatusCodes.Status400BadRequest, "bad-query", "The query is missing or has a wrong parameter", errors);

    public static ProblemHttpResult NotFound(string field, string message) =>
        Create(StatusCodes.Status404NotFound, "not-found", "Nothing is recorded under that name", [new ValidationError(field, Rules.Reference, message)]);

    public static ProblemHttpResult Unauthorized() =>
        Create(StatusCodes.Status401Unauthorized, "unauthorized", "A valid key is required",
            [new ValidationError("authorization", Rules.Required, "send 'Authorization: Bearer <key>' with a key that is not revoked")]);

    public static ProblemHttpResult Forbidden(ValidationError error) =>
        Create(StatusCodes.Status403Forbidden, "forbidden", "The key may not do this", [error]);

    public static ProblemHttpResult TooManyRequests(int retryAfterSeconds) =>
        Create(StatusCodes.Status429TooManyRequests, "rate-limited", "The key is over its rate",
            [new ValidationError("authorization", "rate", $"this key has made too many requests; retry in {retryAfterSeconds} s")]);

    public static ProblemHttpResult TooLarge(int maxBytes) =>
        Create(StatusCodes.Status413PayloadTooLarge, "too-large", "The request body is too large",
            [new ValidationError("$", Rules.TooLong, $"the body must be at most {maxBytes} bytes")]);

    private static ProblemHttpResult Create(int status, string type, string title, IReadOnlyList<ValidationError> errors) =>
        TypedResults.Problem(
            detail: string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")),
            statusCode: status,
            title: title,
            type: TypeRoot + type,
            extensions: new Dictionary<string, object?> { ["errors"] = errors });
}

using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OmniPos.Core.Access;
using OmniPos.Core.Storage;
using OmniPos.Ingest.Events;

namespace OmniPos.Ingest.Access;

/// <summary>
/// Routes that need a key: <c>Authorization: Bearer opk_…</c> must prove a key that is not revoked (401 otherwise) and
/// whose role the route admits (403 otherwise) and that is within its rate (429 with Retry-After otherwise, see
/// <see cref="KeyRateLimits"/>); the handler then finds it through <see cref="Caller.Of"/>.
/// </summary>
public static class KeyCheck
{
    private const string Scheme = "Bearer ";

    public static RouteHandlerBuilder RequireKey(this RouteHandlerBuilder route, params AccessRole[] roles) =>
        route
            .AddEndpointFilter(async (context, next) =>
            {
                var http = context.HttpContext;
                var header = http.Request.Headers.Authorization.ToString();
                var store = http.RequestServices.GetRequiredService<IOperationalStore>();
                if (!header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase)
                    || await store.AuthenticateAsync(header[Scheme.Length..].Trim(), http.RequestAborted) is not { } key)
                {
                    http.Response.Headers.WWWAuthenticate = Scheme.Trim();
                    return Problems.Unauthorized();
                }

                if (!roles.Contains(key.Role))
                {
                    Log(http).RoleRefused(key.KeyId, AccessRoleNames.Of(key.Role), http.Request.Path);
                    return Problems.Forbidden(new("authorization", Caller.Forbidden,
                        $"a {AccessRoleNames.Of(key.Role)} key may not call this; it takes {string.Join(", ", roles.Select(AccessRoleNames.Of))}"));
                }

                if (http.RequestServices.GetRequiredService<KeyRateLimits>().Refuse(key.KeyId) is { } wait)
                {
                    var seconds = (int)Math.Ceiling(wait.TotalSeconds);
                    http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                    return Problems.TooManyRequests(seconds);
                }

                new Caller(key).AttachTo(http);
                return await next(context);
            })
            .WithMetadata(new KeyDocumentation.Requirement(roles))
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

    private static ILogger Log(HttpContext http) => http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(IngestApi.LogCategory);
}

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OmniPos.Core.Access;
using OmniPos.Core.Storage;
using OmniPos.Core.Validation;
using OmniPos.Ingest.Access;
using OmniPos.Ingest.Events;

namespace OmniPos.Ingest.Importing;

/// <summary>
/// <c>POST /v1/imports?kind=</c>: a CSV file (plain or gzip) as the body, answered with the report <c>omnipos import</c>
/// prints. Who may import what: processor files (settlements, chargebacks) finance and admin keys; storefront orders
/// storefront keys (for their own store and device) and admin keys; the UCI data set admin keys.
/// </summary>
internal static class ImportHandler
{
    public static readonly AccessRole[] Roles = [AccessRole.Storefront, AccessRole.Finance, AccessRole.Admin];

    public static async Task<Results<Ok<ImportReport>, ProblemHttpResult>> PostImportAsync(
        string? kind, bool? again, HttpRequest request, IOperationalStore store, IOptions<IngestOptions> options, CancellationToken cancellationToken)
    {
        if (kind is null || !ImportRunner.Kinds.Contains(kind))
        {
            return Problems.BadQuery([new ValidationError("kind", Rules.Required, $"must be one of {string.Join(", ", ImportRunner.Kinds)}")]);
        }

        var caller = Caller.Of(request.HttpContext);
        if (!RolesFor(kind).Contains(caller.Key.Role))
        {
            return Problems.Forbidden(new ValidationError("kind", Caller.Forbidden,
                $"a {AccessRoleNames.Of(caller.Key.Role)} key may not import {kind}; it takes {string.Join(", ", RolesFor(kind).Select(AccessRoleNames.Of))}"));
        }

        var maxBytes = options.Value.Imports.MaxBodyBytes;
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes;
        }

        if (await RequestBody.ReadBytesAsync(request, maxBytes, cancellationToken) is not { } file)
        {
            return Problems.TooLarge(maxBytes);
        }

        var clock = request.HttpContext.RequestServices.GetService<TimeProvider>() ?? TimeProvider.System;
        var result = await ImportRunner.RunAsync(store, kind, file, new ImportSettings(again ?? false, caller.RefusesToPost), null, clock, cancellationToken);
        return result.Report is { } report ? TypedResults.Ok(report) : Problems.Malformed(result.Error!);
    }

    private static AccessRole[] RolesFor(string kind) => kind switch
    {
        "orders" => [AccessRole.Storefront, AccessRole.Admin],
        "uci" => [AccessRole.Admin],
        _ => [AccessRole.Finance, AccessRole.Admin],
    };
}

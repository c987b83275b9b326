using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using OmniPos.Core.Access;

namespace OmniPos.Ingest.Access;

/// <summary>
/// The OpenAPI document's account of keys: a Bearer scheme, and on each route that takes a key (those
/// <see cref="KeyCheck.RequireKey"/> marks) the requirement and the roles it admits.
/// </summary>
internal static class KeyDocumentation
{
    private const string Scheme = "Bearer";

    /// <summary>What <see cref="KeyCheck.RequireKey"/> leaves on a route for the document.</summary>
    public sealed record Requirement(IReadOnlyList<AccessRole> Roles);

    public static OpenApiOptions DocumentKeys(this OpenApiOptions options) => options
        .AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[Scheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "A key from `omnipos keys create`: `Authorization: Bearer opk_…`",
            };
            return Task.CompletedTask;
        })
        .AddOperationTransformer((operation, context, _) =>
        {
            if (context.Description.ActionDescriptor.EndpointMetadata.OfType<Requirement>().FirstOrDefault() is { } requirement)
            {
                operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Scheme, context.Document)] = [] }];
                operation.Description = $"Keys of the roles: {string.Join(", ", requirement.Roles.Select(AccessRoleNames.Of))}.";
            }

            return Task.CompletedTask;
        });
}

using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OmniPos.Core.Access;
using OmniPos.Core.Validation;
using OmniPos.Dashboards.Merchandising;
using OmniPos.Dashboards.Tables;
using OmniPos.Ingest.Access;
using OmniPos.Ingest.Events;
using OmniPos.Jobs;
using OmniPos.Jobs.Warehouse;
using OmniPos.Warehouse.Queries;

namespace OmniPos.Dashboards;

/// <summary>
/// The dashboards beside the API, under <c>/dashboards</c>: pages anyone may load (they hold no data and ask for a key),
/// and the data routes they call with it, <c>/dashboards/data/&lt;chart&gt;</c>, each taking the roles that may read it and
/// answering a chart's table as JSON, or as a CSV or XLSX file (<c>format=csv</c>, <c>format=xlsx</c>). A store manager's key reads its own store only.
/// </summary>
public static class DashboardsApi
{
    /// <summary>What the data routes need: the warehouse of the data directory, in turns with the jobs, and a clock.</summary>
    public static IServiceCollection AddDashboards(this IServiceCollection services, string dataDirectory)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(new DataFolder(dataDirectory));
        services.TryAddSingleton<WarehouseSessions>();
        return services;
    }

    public static WebApplication UseDashboards(this WebApplication app)
    {
        var dashboards = app.MapGroup("/dashboards").ExcludeFromDescription();
        dashboards.MapGet("/", () => Results.Redirect("/dashboards/merchandising"));
        dashboards.MapGet("/{name}", DashboardAssets.Page);
        dashboards.MapGet("/assets/{name}", DashboardAssets.Asset);

        var data = dashboards.MapGroup("/data");
        data.MapGet("/sell-through", SellThroughAsync).RequireKey(AccessRole.Merchandiser, AccessRole.StoreManager, AccessRole.Admin);
        return app;
    }

    private static async Task<IResult> SellThroughAsync(HttpContext http, WarehouseSessions warehouse, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (filter, errors) = DashboardFilter.Read(http.Request.Query, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        var format = http.Request.Query["format"].ToString();
        if (format is not ("" or "json" or "csv" or "xlsx"))
        {
            errors = [.. errors, new ValidationError("format", Rules.Malformed, $"'{format}' is not a format: json, csv or xlsx")];
        }

        if (filter is null || errors.Count > 0)
        {
            return Problems.BadQuery(errors);
        }

        var caller = Caller.Of(http);
        var stores = filter.Stores ?? [];
        if (stores.Select(store => caller.RefusesToRead(store, "store")).FirstOrDefault(refusal => refusal is not null) is { } refused)
        {
            return Problems.Forbidden(refused);
        }

        if (stores.Count == 0 && caller.ListingScope(null).StoreId is { } own)
        {
            filter = filter with { Stores = [own] };
        }

        var rows = await warehouse.UseAsync(w => Task.FromResult(w.Query(AnalyticQueries.SellThrough, filter with { Level = SellThroughLevel.Category }, cancellationToken)), cancellationToken);
        return Answer(format, SellThroughChart.Of(rows), "sell-through");
    }

    /// <summary>The table as JSON for the page, or as a file to download: <c>format=csv</c> or <c>format=xlsx</c> (checked before the query ran).</summary>
    private static IResult Answer(string format, ChartTable table, string name) => format switch
    {
        "csv" => Results.File(Encoding.UTF8.GetBytes(table.ToCsv()), "text/csv; charset=utf-8", $"{name}.csv"),
        "xlsx" => Results.File(Workbook(name, table), XlsxTable.ContentType, $"{name}.xlsx"),
        _ => Results.Json(new { columns = table.Columns, rows = table.Rows }),
    };

    private static byte[] Workbook(string name, ChartTable table)
    {
        using var workbook = new MemoryStream();
        XlsxTable.Write(workbook, name, table);
        return workbook.ToArray();
    }
}

using System.Globalization;
using System.IO.Compression;
using System.Text;
using Microsoft.VisualBasic.FileIO;
using OmniPos.Core.Events;
using OmniPos.Core.Returns;
using OmniPos.Core.Sales;
using OmniPos.Ingest.Importing;
using OmniPos.Ingest.Tests.Support;

namespace OmniPos.Ingest.Tests.Importing;

/// <summary>
/// The acceptance of issue #3's importers: the UCI Online Retail file from ../shared/data gives the counts its
/// PROVENANCE.md states and that this test computes from the file on its own, and importing it again adds nothing.
/// </summary>
public abstract class UciImportTests(StoreSource stores) : ApiTestBase(stores)
{
    private const string DataFile = "online_retail/online_retail_uci_2010-12_2011-12.csv.gz";

    /// <summary>The stock codes ingest/README.md documents as not goods (PROVENANCE.md names POST, D, M, BANK CHARGES, AMAZONFEE).</summary>
    private static readonly HashSet<string> NotGoods = ["POST", "DOT", "C2", "M", "m", "D", "S", "B", "BANK CHARGES", "AMAZONFEE", "CRUK"];

    [Fact]
    public async Task Importing_the_UCI_file_counts_what_the_file_holds_and_importing_it_again_adds_nothing()
    {
        var file = await File.ReadAllBytesAsync(DataPath());
        var expected = Expected(file);

        var report = (await ImportRunner.RunAsync(Store, "uci", file, false, null, TimeProvider.System, CancellationToken.None)).Report!;

        Assert.Equal(541_909, report.Rows);
        Assert.Equal(25_900, report.Groups);
        Assert.Equal(report.Rows, report.RowsRecorded + report.RowsRefused);
        Assert.Equal(expected.Refused, report.RefusedByReason);
        Assert.Equal(expected.Sales, report.Recorded["sale"]);
        Assert.Equal(expected.Returns, report.Recorded["return"]);
        Assert.Equal(9_288, expected.CancellationRowsRecorded + expected.CancellationRowsRefused);
        Assert.All(report.Refusals, r => Assert.InRange(r.Line, 2, 541_910));
        var events = await CountEventsAsync();
        Assert.Equal(expected.Sales + expected.Returns, events);

        Assert.True((await ImportRunner.RunAsync(Store, "uci", file, false, null, TimeProvider.System, CancellationToken.None)).Report!.AlreadyImported);
        var again = (await ImportRunner.RunAsync(Store, "uci", file, true, null, TimeProvider.System, CancellationToken.None)).Report!;
        Assert.Empty(again.Recorded);
        Assert.Equal(events, again.Duplicates);
        Assert.Equal(events, await CountEventsAsync());
    }

    [Fact]
    public async Task Each_invoice_keeps_the_country_of_its_first_recorded_row_as_its_customer_country()
    {
        var file = Encoding.UTF8.GetBytes(string.Join("\r\n",
            "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country",
            "536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:26:00,2.55,17850,United Kingdom",
            "536365,71053,WHITE METAL LANTERN,6,2010-12-01 08:26:00,3.39,17850,United Kingdom",
            "536370,POST,POSTAGE,3,2010-12-01 08:45:00,18.00,12583,Norway",           // refused: postage, not goods
            "536370,22728,ALARM CLOCK BAKELIKE PINK,24,2010-12-01 08:45:00,3.75,12583,France",
            "536370,22727,ALARM CLOCK BAKELIKE RED,24,2010-12-01 08:46:00,3.75,12583,Belgium",
            "C536379,22728,ALARM CLOCK BAKELIKE PINK,-2,2010-12-01 09:41:00,3.75,12583,\"Korea, Republic of\"",
            "536380,22961,JAM MAKING SET PRINTED,24,2010-12-01 09:41:00,1.45,,") + "\r\n");

        var report = (await ImportRunner.RunAsync(Store, "uci", file, false, null, TimeProvider.System, CancellationToken.None)).Report!;

        Assert.Equal((3, 1), (report.Recorded["sale"], report.Recorded["return"]));
        var countries = (await Store.ReadEventsAsync(0, 100, CancellationToken.None))
            .Select(e => EventJson.Parse(Encoding.UTF8.GetBytes(e.Payload)).Event!.Body switch
            {
                SaleRecorded sale => (sale.TransactionId, sale.CustomerCountry),
                ReturnRecorded ret => (ret.TransactionId, ret.CustomerCountry),
                var other => throw new InvalidOperationException($"the import recorded a {other.Type}"),
            })
            .ToDictionary();
        Assert.Equal(new Dictionary<string, string?>
        {
            ["uci-536365"] = "United Kingdom",
            ["uci-536370"] = "France",
            ["uci-C536379"] = "Korea, Republic of",
            ["uci-536380"] = null,
        }, countries);
    }

    private async Task<int> CountEventsAsync()
    {
        var (count, after) = (0, 0L);
        for (IReadOnlyList<Core.Storage.StoredEvent> page; (page = await Store.ReadEventsAsync(after, 10_000, CancellationToken.None)).Count > 0; after = page[^1].Seq)
        {
            count += page.Count;
        }

        return count;
    }

    /// <summary>
    /// Reads the file with the framework's own CSV parser and applies the documented rules in their order: not goods,
    /// then a price of zero or less, then a price finer than a penny, then a quantity of the wrong sign for its invoice.
    /// </summary>
    private static (Dictionary<string, int> Refused, int Sales, int Returns, int CancellationRowsRecorded, int CancellationRowsRefused) Expected(byte[] file)
    {
        using var parser = new TextFieldParser(new GZipStream(new MemoryStream(file), CompressionMode.Decompress)) { Delimiters = [","], HasFieldsEnclosedInQuotes = true };
        parser.ReadFields();
        var refused = new Dictionary<string, int>();
        var salesWithGoods = new HashSet<string>();
        var returnsWithGoods = new HashSet<string>();
        var (cancellationRecorded, cancellationRefused) = (0, 0);
        while (parser.ReadFields() is { } row)
        {
            var (invoice, code, quantity, price) = (row[0], row[1], int.Parse(row[3], CultureInfo.InvariantCulture), decimal.Parse(row[5], CultureInfo.InvariantCulture));
            var cancellation = invoice.StartsWith('C');
            string? reason = NotGoods.Contains(code) || code.StartsWith("gift_", StringComparison.Ordinal) ? "not_a_product"
                : price <= 0 ? "price_not_positive"
                : decimal.Round(price, 2) != price ? "precision"
                : quantity > 0 == cancellation ? "quantity_sign"
                : null;
            if (reason is null)
            {
                (cancellation ? returnsWithGoods : salesWithGoods).Add(invoice);
                cancellationRecorded += cancellation ? 1 : 0;
            }
            else
            {
                refused[reason] = refused.GetValueOrDefault(reason) + 1;
                cancellationRefused += cancellation ? 1 : 0;
            }
        }

        return (refused, salesWithGoods.Count, returnsWithGoods.Count, cancellationRecorded, cancellationRefused);
    }

    /// <summary>The data file beside the repository (../shared/data), found from the test's folder upward; its absence fails the test.</summary>
    private static string DataPath()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "OmniPos.Analytics.sln")))
            {
                var path = Path.GetFullPath(Path.Combine(folder.FullName, "..", "shared", "data", DataFile));
                return File.Exists(path) ? path : throw new FileNotFoundException($"the UCI Online Retail file is not at {path}; see ../shared/data/PROVENANCE.md");
            }
        }

        throw new DirectoryNotFoundException("no OmniPos.Analytics.sln above the test's folder");
    }
}

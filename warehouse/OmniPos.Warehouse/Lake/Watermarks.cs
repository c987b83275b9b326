using OmniPos.Warehouse.DuckDb;

namespace OmniPos.Warehouse.Lake;

/// <summary>How far each feed has landed: the last seq whose rows are in the warehouse.</summary>
internal static class Watermarks
{
    public static long Read(DuckDbConnection connection, string feed)
    {
        using var statement = connection.Prepare("SELECT last_seq FROM landing_watermarks WHERE feed = $1");
        using var reader = statement.BindAll(feed).Query();
        return reader.Read() ? reader.GetInt64(0) : 0;
    }

    /// <summary>
    /// Moves the watermark to <paramref name="lastSeq"/> from just before <paramref name="firstSeq"/>, or fails: a run that
    /// finds the watermark elsewhere overlaps another, and committing it would land records twice.
    /// </summary>
    public static void Move(DuckDbConnection connection, string feed, long firstSeq, long lastSeq)
    {
        using var statement = connection.Prepare("""
            INSERT INTO landing_watermarks VALUES ($1, $2)
            ON CONFLICT (feed) DO UPDATE SET last_seq = excluded.last_seq WHERE landing_watermarks.last_seq < $3
            """);
        if (statement.BindAll(feed, lastSeq, firstSeq).Execute() != 1)
        {
            throw new InvalidOperationException($"the {feed} watermark moved past {firstSeq} while seqs {firstSeq}..{lastSeq} were being landed");
        }
    }
}

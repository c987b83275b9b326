using System.Data.Common;
using System.Net.Sockets;
using OmniPos.Warehouse.DuckDb;

namespace OmniPos.Jobs;

/// <summary>
/// Which failures a later attempt may not meet: a database that is down, busy or locked, a file in use, a network that
/// did not answer in time. Anything else (bad data, bad settings, a bug) fails the same way again and is not retried.
/// </summary>
public static class TransientFailures
{
    public static bool IsTransient(Exception failure) => failure switch
    {
        DbException db => db.IsTransient || (db.InnerException is { } inner && IsTransient(inner)),
        DuckDbException duck => duck.IsTransient,
        IOException or TimeoutException or SocketException or HttpRequestException => true,
        AggregateException aggregate => aggregate.InnerExceptions.All(IsTransient),
        _ => false,
    };
}

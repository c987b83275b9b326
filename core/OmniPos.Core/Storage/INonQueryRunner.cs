namespace OmniPos.Core.Storage;

/// <summary>Runs statements that return no rows by a faster way than a <see cref="System.Data.Common.DbCommand"/> (see <see cref="Sqlite.SqliteWriteStatements"/>).</summary>
internal interface INonQueryRunner
{
    void Run(SqlStatement statement);

    void Run(StatementPerRow statement);
}

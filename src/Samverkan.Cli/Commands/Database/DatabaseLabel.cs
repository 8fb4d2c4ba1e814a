using Microsoft.Data.Sqlite;
using Npgsql;
using Samverkan.Data;

namespace Samverkan.Cli.Commands.Database;

/// <summary>Names the database a command works on, so the operator sees where a change went; never shows a password.</summary>
internal static class DatabaseLabel
{
    public static string Describe(DatabaseSettings settings) => settings.Provider switch
    {
        DatabaseProvider.Sqlite => $"SQLite, {DescribeSqlite(settings.ConnectionString)}",
        DatabaseProvider.Postgres => DescribePostgres(settings.ConnectionString),
        _ => settings.Provider.ToString(),
    };

    private static string DescribeSqlite(string connectionString)
    {
        var path = new SqliteConnectionStringBuilder(connectionString).DataSource;
        return path == ":memory:" || path.StartsWith("file:", StringComparison.Ordinal) ? path : Path.GetFullPath(path);
    }

    private static string DescribePostgres(string connectionString)
    {
        var cs = new NpgsqlConnectionStringBuilder(connectionString);
        return $"PostgreSQL, {cs.Host}:{cs.Port}/{cs.Database}";
    }
}

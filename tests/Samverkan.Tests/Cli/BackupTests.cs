using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.Cli;
using Samverkan.Data;
using Samverkan.Tests.Support;

namespace Samverkan.Tests.Cli;

/// <summary>A seeded database, made once for the class and only read by the tests (they back it up).</summary>
public sealed class SeededDatabase : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;

    public async Task InitializeAsync() => Database = await TestDatabase.CreateAsync(seedDemo: true);

    public async Task DisposeAsync() => await Database.DisposeAsync();
}

/// <summary>
/// <c>samverkan backup</c> and <c>restore</c> on the run's provider (SQLite, or PostgreSQL with pg_dump and
/// pg_restore): a restored copy holds every row of every table, exactly.
/// </summary>
public sealed class BackupTests(SeededDatabase fixture) : IClassFixture<SeededDatabase>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("samverkan-backup-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private string BackupPath => Path.Combine(_folder, "kopia.backup");

    private sealed record Run(int ExitCode, string Out, string Err);

    private static async Task<Run> CliAsync(TestDatabase database, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await CliApp.RunAsync(args, new StringReader(""), stdout, stderr, database.Settings);
        return new Run(code, stdout.ToString(), stderr.ToString());
    }

    private async Task<string> BackUpSourceAsync()
    {
        var run = await CliAsync(fixture.Database, "backup", "--out", BackupPath);
        Assert.True(run.ExitCode == 0, run.Err);
        Assert.Contains(BackupPath, run.Out);
        return BackupPath;
    }

    [Fact]
    public async Task BackupOfASeededDatabase_RestoredIntoAnEmptyOne_HasEveryRowOfEveryTable()
    {
        var file = await BackUpSourceAsync();
        await using var empty = await TestDatabase.CreateAsync(migrate: false);

        var restore = await CliAsync(empty, "restore", file);

        Assert.True(restore.ExitCode == 0, restore.Err);
        var source = await DumpAsync(fixture.Database);
        var copy = await DumpAsync(empty);
        Assert.Equal(source.Keys, copy.Keys);
        foreach (var table in source.Keys) Assert.Equal(source[table], copy[table]);
        // Not a vacuous comparison: the demo data and its audit trail are there.
        Assert.Contains("AuditLog", source.Keys);
        Assert.True(source["AuditLog"].Count > 100);
        Assert.NotEmpty(source["Agreement"]);
        Assert.NotEmpty(source["AspNetUsers"]);
        // And the restored audit log still verifies.
        Assert.Equal(0, (await CliAsync(empty, "audit", "verify")).ExitCode);
    }

    [Fact]
    public async Task Restore_OverADatabaseWithTables_IsRefused_UnlessForced()
    {
        var file = await BackUpSourceAsync();
        await using var target = await TestDatabase.CreateAsync();
        var before = await DumpAsync(target);

        var refused = await CliAsync(target, "restore", file);

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("(backup.database-not-empty)", refused.Err);
        Assert.Contains("--force", refused.Err);
        Assert.Equal("", refused.Out);
        Assert.Equal(before, await DumpAsync(target));

        var forced = await CliAsync(target, "restore", file, "--force");

        Assert.True(forced.ExitCode == 0, forced.Err);
        var source = await DumpAsync(fixture.Database);
        var copy = await DumpAsync(target);
        foreach (var table in source.Keys) Assert.Equal(source[table], copy[table]);
    }

    [Fact]
    public async Task Backup_ToAFileThatExists_IsRefused_AndLeavesItAlone()
    {
        await File.WriteAllTextAsync(BackupPath, "viktig fil");

        var run = await CliAsync(fixture.Database, "backup", "--out", BackupPath);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("(backup.file-exists)", run.Err);
        Assert.Equal("viktig fil", await File.ReadAllTextAsync(BackupPath));
    }

    [Fact]
    public async Task Restore_OfAFileThatIsNoBackup_ExitsTwo_WithAClearMessage()
    {
        await File.WriteAllTextAsync(BackupPath, "det här är ingen säkerhetskopia");
        await using var empty = await TestDatabase.CreateAsync(migrate: false);

        var run = await CliAsync(empty, "restore", BackupPath);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("(backup.wrong-format)", run.Err);
        Assert.Contains("ingen säkerhetskopia", run.Err);
    }

    [Fact]
    public async Task Restore_OfTheOtherProvidersBackup_IsRefused()
    {
        // The first bytes are what tells the formats apart.
        var other = TestDatabase.ProviderFromEnvironment == DatabaseProvider.Sqlite ? "PGDMP\u0001\u000e"u8.ToArray() : "SQLite format 3\0"u8.ToArray();
        await File.WriteAllBytesAsync(BackupPath, [.. other, .. new byte[64]]);
        await using var empty = await TestDatabase.CreateAsync(migrate: false);

        var run = await CliAsync(empty, "restore", BackupPath);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Återställ bara till samma sorts databas", run.Err);
    }

    [Fact]
    public async Task Restore_OfAMissingFile_ExitsOne()
    {
        await using var empty = await TestDatabase.CreateAsync(migrate: false);

        var run = await CliAsync(empty, "restore", Path.Combine(_folder, "saknas.backup"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("(backup.not-found)", run.Err);
    }

    [Fact]
    public async Task SqliteBackup_WhileAnotherConnectionIsWriting_IsTakenOnline_WithOnlyCommittedRows()
    {
        await using var live = await TestDatabase.CreateAsync(provider: DatabaseProvider.Sqlite);
        var path = new SqliteConnectionStringBuilder(live.ConnectionString).DataSource;
        await using var writer = new SqliteConnection($"Data Source={path};Pooling=False");
        await writer.OpenAsync();
        await using (var wal = writer.CreateCommand())
        {
            wal.CommandText = "PRAGMA journal_mode=WAL";
            await wal.ExecuteNonQueryAsync();
        }
        // The app in the middle of a write: its transaction holds the write lock and is not committed.
        await using var transaction = (SqliteTransaction)await writer.BeginTransactionAsync();
        await using (var insert = writer.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = "UPDATE \"Organizations\" SET \"Name\" = 'Ej sparat namn' WHERE \"Code\" = '20'";
            Assert.Equal(1, await insert.ExecuteNonQueryAsync());
        }

        var run = await CliAsync(live, "backup", "--out", BackupPath);

        Assert.True(run.ExitCode == 0, run.Err);
        await transaction.CommitAsync();
        await using var copy = new SqliteConnection($"Data Source={BackupPath};Mode=ReadOnly;Pooling=False");
        await copy.OpenAsync();
        await using var read = copy.CreateCommand();
        read.CommandText = "SELECT \"Name\" FROM \"Organizations\" WHERE \"Code\" = '20'";
        Assert.Equal("Region Dalarna", await read.ExecuteScalarAsync());
    }

    /// <summary>Every table's rows as text, sorted, so two databases compare row by row whatever the physical order.</summary>
    private static async Task<SortedDictionary<string, List<string>>> DumpAsync(TestDatabase database)
    {
        await using var services = database.BuildServices();
        await using var scope = services.CreateAsyncScope();
        var connection = scope.ServiceProvider.GetRequiredService<SamverkanDb>().Database.GetDbConnection();
        await connection.OpenAsync();
        var tables = await ColumnAsync(connection, database.Provider == DatabaseProvider.Sqlite
            ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            : "SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = 'public'");
        var dump = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<string>();
            while (await reader.ReadAsync())
                rows.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => $"{reader.GetName(i)}={Text(reader.GetValue(i))}")));
            rows.Sort(StringComparer.Ordinal);
            dump[table] = rows;
        }
        return dump;
    }

    private static string Text(object value) => value switch
    {
        DBNull => "NULL",
        byte[] bytes => Convert.ToHexString(bytes),
        DateTime t => t.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static async Task<List<string>> ColumnAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync()) values.Add(reader.GetString(0));
        return values;
    }
}

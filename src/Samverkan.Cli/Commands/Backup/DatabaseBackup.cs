using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Npgsql;
using Samverkan.Common;
using Samverkan.Data;

namespace Samverkan.Cli.Commands.Backup;

/// <summary>
/// Backup and restore of the whole database with each provider's own tool: SQLite's online backup API
/// (a consistent copy while the app goes on writing) and PostgreSQL's pg_dump/pg_restore custom format.
/// A backup is restored only into the same kind of database, and never over one that has tables unless forced.
/// </summary>
internal sealed class DatabaseBackup(DatabaseSettings settings, IConfiguration configuration)
{
    private static readonly byte[] SqliteMagic = "SQLite format 3\0"u8.ToArray();
    private static readonly byte[] PgDumpMagic = "PGDMP"u8.ToArray();

    public async Task<Result<string>> BackupAsync(string outPath, CancellationToken ct)
    {
        var target = Path.GetFullPath(outPath);
        if (File.Exists(target) || Directory.Exists(target))
            return Error.Conflict("backup.file-exists", $"{target} finns redan; välj ett annat filnamn eller ta bort filen först.");
        if (Path.GetDirectoryName(target) is { } folder && !Directory.Exists(folder))
            return Error.Validation("backup.folder-missing", $"Mappen {folder} finns inte.");

        // Written beside the target and renamed at the end, so a failed run never leaves a half file under the real name.
        var partial = $"{target}.{Guid.NewGuid():N}.partial";
        try
        {
            var made = settings.Provider == DatabaseProvider.Sqlite ? BackupSqlite(partial) : await BackupPostgresAsync(partial, ct);
            if (made is { } error) return error;
            File.Move(partial, target);
            return target;
        }
        finally
        {
            if (File.Exists(partial)) File.Delete(partial);
        }
    }

    public async Task<Result<string>> RestoreAsync(string file, bool force, CancellationToken ct)
    {
        var source = Path.GetFullPath(file);
        if (!File.Exists(source)) return Error.NotFound("backup.not-found", $"Filen {source} finns inte.");
        var kind = await KindOfAsync(source, ct);
        var expected = settings.Provider == DatabaseProvider.Sqlite ? BackupKind.Sqlite : BackupKind.PgDump;
        if (kind != expected)
            return Error.Validation("backup.wrong-format", kind switch
            {
                BackupKind.Sqlite => $"{source} är en SQLite-databas, men den inställda databasen är PostgreSQL. Återställ bara till samma sorts databas.",
                BackupKind.PgDump => $"{source} är en PostgreSQL-dump, men den inställda databasen är SQLite. Återställ bara till samma sorts databas.",
                _ => $"{source} är ingen säkerhetskopia från 'samverkan backup' (varken SQLite-databas eller pg_dump -Fc).",
            });

        return settings.Provider == DatabaseProvider.Sqlite
            ? RestoreSqlite(source, force)
            : await RestorePostgresAsync(source, force, ct);
    }

    private enum BackupKind { Unknown, Sqlite, PgDump }

    private static async Task<BackupKind> KindOfAsync(string path, CancellationToken ct)
    {
        var head = new byte[SqliteMagic.Length];
        await using var stream = File.OpenRead(path);
        var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        if (read >= SqliteMagic.Length && head.AsSpan().SequenceEqual(SqliteMagic)) return BackupKind.Sqlite;
        if (read >= PgDumpMagic.Length && head.AsSpan(0, PgDumpMagic.Length).SequenceEqual(PgDumpMagic)) return BackupKind.PgDump;
        return BackupKind.Unknown;
    }

    private const string DeniedNonEmpty =
        "Databasen du återställer till har redan tabeller. Ange --force för att skriva över den (allt som finns där nu försvinner).";

    // --- SQLite -----------------------------------------------------------------------------------------------

    private string SqlitePath => new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource;

    /// <summary>Own, unpooled connections: a pooled handle would keep the file open after the copy.</summary>
    private static SqliteConnection OpenSqlite(string path, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ConnectionString);
        connection.Open();
        return connection;
    }

    private Error? BackupSqlite(string partial)
    {
        var path = SqlitePath;
        if (!File.Exists(path)) return Error.NotFound("backup.database-missing", $"Databasfilen {Path.GetFullPath(path)} finns inte.");
        using (var source = OpenSqlite(path, SqliteOpenMode.ReadOnly))
        using (var copy = OpenSqlite(partial, SqliteOpenMode.ReadWriteCreate))
        {
            // The online backup API: a consistent snapshot, while the running app may go on reading and writing.
            source.BackupDatabase(copy);
            // The copy keeps the source's WAL flag; a single file that opens without a -wal beside it travels better.
            Execute(copy, "PRAGMA journal_mode=DELETE");
        }
        return CheckSqlite(partial, "Kopian");
    }

    private Result<string> RestoreSqlite(string source, bool force)
    {
        if (CheckSqlite(source, "Säkerhetskopian") is { } broken) return broken;
        var path = SqlitePath;
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        using var target = OpenSqlite(path, SqliteOpenMode.ReadWriteCreate);
        if (!force && Scalar(target, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'") > 0)
            return Error.Conflict("backup.database-not-empty", DeniedNonEmpty);
        using var backup = OpenSqlite(source, SqliteOpenMode.ReadOnly);
        // Page by page over the whole target, under its write lock; other connections see the old or the new database.
        backup.BackupDatabase(target);
        // Back to the mode the app runs in (decision 0002).
        Execute(target, "PRAGMA journal_mode=WAL");
        return Path.GetFullPath(path);
    }

    private static Error? CheckSqlite(string path, string what)
    {
        try
        {
            using var connection = OpenSqlite(path, SqliteOpenMode.ReadOnly);
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA quick_check";
            var verdict = command.ExecuteScalar() as string;
            if (verdict != "ok") return Error.Validation("backup.corrupt", $"{what} {path} är skadad: {verdict}");
            if (Scalar(connection, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory'") == 0)
                return Error.Validation("backup.wrong-format", $"{what} {path} är en SQLite-databas men ingen Samverkan-databas.");
            return null;
        }
        catch (SqliteException e)
        {
            return Error.Validation("backup.corrupt", $"{what} {path} går inte att läsa: {e.Message}");
        }
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    // --- PostgreSQL -------------------------------------------------------------------------------------------

    private async Task<Error?> BackupPostgresAsync(string partial, CancellationToken ct)
    {
        var connection = new NpgsqlConnectionStringBuilder(settings.ConnectionString);
        return await RunPgToolAsync("pg_dump", ["--format=custom", "--no-password", $"--file={partial}"], connection, ct);
    }

    private async Task<Result<string>> RestorePostgresAsync(string source, bool force, CancellationToken ct)
    {
        var connection = new NpgsqlConnectionStringBuilder(settings.ConnectionString);
        await using (var db = new NpgsqlConnection(settings.ConnectionString))
        {
            await db.OpenAsync(ct);
            await using var command = new NpgsqlCommand(
                "SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')", db);
            if (!force && (long)(await command.ExecuteScalarAsync(ct))! > 0) return Error.Conflict("backup.database-not-empty", DeniedNonEmpty);
        }
        // One transaction: a restore that fails half-way leaves the database as it was. Objects are owned by the
        // restoring role, whatever role owned them where the dump was taken.
        List<string> arguments = ["--no-password", "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction",
            $"--dbname={connection.Database}"];
        if (force) arguments.AddRange(["--clean", "--if-exists"]);
        arguments.Add(source);
        var run = await RunPgToolAsync("pg_restore", arguments, connection, ct);
        if (run is not null) return run;
        return $"{connection.Host}:{connection.Port}/{connection.Database}";
    }

    /// <summary>
    /// Runs a PostgreSQL client tool with the connection in PG* environment variables, so the password never
    /// appears in a process list.
    /// </summary>
    private async Task<Error?> RunPgToolAsync(string tool, IEnumerable<string> arguments, NpgsqlConnectionStringBuilder connection, CancellationToken ct)
    {
        var executable = FindPgTool(tool);
        if (executable is null)
            return Error.NotFound("backup.tool-missing",
                $"{tool} hittades inte (varken i Backup:PostgresBin, /usr/lib/postgresql/*/bin eller PATH). Installera postgresql-client.");
        var start = new ProcessStartInfo(executable) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["PGHOST"] = connection.Host;
        start.Environment["PGPORT"] = connection.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGDATABASE"] = connection.Database;
        start.Environment["PGUSER"] = connection.Username;
        if (!string.IsNullOrEmpty(connection.Password)) start.Environment["PGPASSWORD"] = connection.Password;
        else start.Environment.Remove("PGPASSWORD");

        using var process = Process.Start(start) ?? throw new IOException($"{executable} could not be started.");
        var stderr = process.StandardError.ReadToEndAsync(ct);
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        var message = (await stderr).Trim();
        await stdout;
        return process.ExitCode == 0 ? null
            : Error.Conflict("backup.tool-failed", $"{tool} avslutades med kod {process.ExitCode}: {(message.Length > 0 ? message : "inget meddelande")}");
    }

    /// <summary>
    /// pg_dump must be at least the server's version, so the newest installed one wins; the same search as ./test.
    /// </summary>
    private string? FindPgTool(string tool)
    {
        if (configuration["Backup:PostgresBin"] is { Length: > 0 } configured)
            return File.Exists(Path.Combine(configured, tool)) ? Path.Combine(configured, tool) : null;
        const string debianRoot = "/usr/lib/postgresql";
        if (Directory.Exists(debianRoot))
        {
            var newest = Directory.GetDirectories(debianRoot)
                .Select(d => (Path: Path.Combine(d, "bin", tool), Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
                .Where(c => File.Exists(c.Path))
                .OrderByDescending(c => c.Version)
                .FirstOrDefault();
            if (newest.Path is not null) return newest.Path;
        }
        return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, tool)).FirstOrDefault(File.Exists);
    }
}

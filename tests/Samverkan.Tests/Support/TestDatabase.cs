using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Samverkan.Common;
using Samverkan.Data;

namespace Samverkan.Tests.Support;

/// <summary>
/// A real, migrated database of its own for one test class: a temporary SQLite file, or, when
/// SAMVERKAN_TEST_PROVIDER=Postgres, a fresh database on the server in SAMVERKAN_TEST_PG.
/// Deleted again on dispose.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _sqlitePath;
    private readonly string? _pgAdmin;
    private readonly string? _pgName;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? sqlitePath, string? pgAdmin, string? pgName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _sqlitePath = sqlitePath;
        _pgAdmin = pgAdmin;
        _pgName = pgName;
    }

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }

    /// <summary>Where this database's evidence files go: a temporary folder of its own, deleted with the database.</summary>
    public string EvidenceFolder { get; } = Path.Combine(Path.GetTempPath(), $"samverkan-evidence-{Guid.NewGuid():N}");

    public static DatabaseProvider ProviderFromEnvironment =>
        string.Equals(Environment.GetEnvironmentVariable("SAMVERKAN_TEST_PROVIDER"), "Postgres", StringComparison.OrdinalIgnoreCase)
            ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;

    /// <summary>Settings in the same shape the hosts read (Database:Provider, ConnectionStrings:Samverkan).</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Database:Provider"] = Provider.ToString(),
        ["ConnectionStrings:Samverkan"] = ConnectionString,
        ["Database:MigrateOnStart"] = "false",
        ["Evidence:Folder"] = EvidenceFolder,
        // The reminder job would write outbox rows at the real clock's pace; its tests run it themselves.
        ["FollowUp:Reminders:Enabled"] = "false",
    };

    /// <param name="migrate">False leaves the database empty (no tables), as a restore target.</param>
    /// <param name="provider">For the few tests of one provider's own behaviour; otherwise the run's provider.</param>
    public static async Task<TestDatabase> CreateAsync(bool seedDemo = false, bool migrate = true, DatabaseProvider? provider = null)
    {
        TestDatabase db;
        if ((provider ?? ProviderFromEnvironment) == DatabaseProvider.Postgres)
        {
            var admin = Environment.GetEnvironmentVariable("SAMVERKAN_TEST_PG")
                ?? "Host=127.0.0.1;Port=5432;Username=samverkan;Password=samverkan;Database=postgres";
            var name = "samverkan_t_" + Guid.NewGuid().ToString("N")[..16];
            await using (var conn = new NpgsqlConnection(admin))
            {
                await conn.OpenAsync();
                await using var cmd = conn.CreateCommand();
                cmd.CommandText = $"CREATE DATABASE {name}";
                await cmd.ExecuteNonQueryAsync();
            }
            var cs = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
            db = new TestDatabase(DatabaseProvider.Postgres, cs, null, admin, name);
        }
        else
        {
            var path = Path.Combine(Path.GetTempPath(), $"samverkan-test-{Guid.NewGuid():N}.db");
            db = new TestDatabase(DatabaseProvider.Sqlite, $"Data Source={path}", path, null, null);
        }
        if (!migrate) return db;

        await using var services = db.BuildServices();
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorContext>().Current = Actor.Operator("test-setup");
        scope.ServiceProvider.GetRequiredService<ActorContext>().Channel = "cli";
        var migrator = scope.ServiceProvider.GetRequiredService<DatabaseMigrator>();
        await migrator.MigrateAsync();
        if (seedDemo) await migrator.SeedDemoAsync();
        return db;
    }

    /// <summary>A service provider with the core services on this database, for tests of use cases.</summary>
    public ServiceProvider BuildServices(Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSamverkanCore(configuration);
        configure?.Invoke(services);
        return services.BuildServiceProvider();
    }

    public async ValueTask DisposeAsync()
    {
        if (Directory.Exists(EvidenceFolder)) Directory.Delete(EvidenceFolder, recursive: true);
        if (_sqlitePath is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
                if (File.Exists(_sqlitePath + suffix)) File.Delete(_sqlitePath + suffix);
        }
        if (_pgAdmin is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var conn = new NpgsqlConnection(_pgAdmin);
            await conn.OpenAsync();
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = $"DROP DATABASE IF EXISTS {_pgName} WITH (FORCE)";
            await cmd.ExecuteNonQueryAsync();
        }
    }
}

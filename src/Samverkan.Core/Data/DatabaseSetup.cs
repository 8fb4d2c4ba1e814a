using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Samverkan.Audit;
using Samverkan.Common;

namespace Samverkan.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Reads <c>Database:Provider</c> and <c>ConnectionStrings:Samverkan</c>, the same for web and CLI.</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public const string DefaultSqlitePath = "data/samverkan.db";

    public static DatabaseSettings From(IConfiguration configuration)
    {
        var providerText = configuration["Database:Provider"];
        DatabaseProvider provider;
        if (string.IsNullOrWhiteSpace(providerText)) provider = DatabaseProvider.Sqlite;
        else if (!Enum.TryParse(providerText, ignoreCase: true, out provider) || !Enum.IsDefined(provider))
            throw new InvalidOperationException($"Database:Provider must be Sqlite or Postgres, not '{providerText}'.");

        var cs = configuration.GetConnectionString("Samverkan");
        if (string.IsNullOrWhiteSpace(cs))
        {
            if (provider == DatabaseProvider.Postgres)
                throw new InvalidOperationException("ConnectionStrings:Samverkan is required when Database:Provider is Postgres.");
            cs = $"Data Source={DefaultSqlitePath}";
        }
        return new DatabaseSettings(provider, cs);
    }

    /// <summary>Only the embedded default migrates itself on start; production runs <c>samverkan migrate</c>.</summary>
    public bool MigratesOnStart(IConfiguration configuration) =>
        configuration.GetValue<bool?>("Database:MigrateOnStart") ?? Provider == DatabaseProvider.Sqlite;

    public void Apply(DbContextOptionsBuilder options)
    {
        switch (Provider)
        {
            case DatabaseProvider.Sqlite:
                EnsureSqliteFolder(ConnectionString);
                options.UseSqlite(ConnectionString, o => o.MigrationsAssembly("Samverkan.Migrations.Sqlite"));
                break;
            case DatabaseProvider.Postgres:
                options.UseNpgsql(ConnectionString, o => o.MigrationsAssembly("Samverkan.Migrations.Postgres"));
                break;
        }
        // EF Core logs every failed save and failed command at Error, with a stack trace, before the caller sees the
        // exception. A lost race (a stale version, the unique version number taken) is an expected answer here, a 409,
        // and under load it flooded the logs (scripts/load: over 900 lines a minute on PostgreSQL). The use cases catch
        // what they expect; anything else reaches the exception handler, which logs it at Error once.
        options.ConfigureWarnings(w => w.Log(
            (CoreEventId.SaveChangesFailed, LogLevel.Information),
            (CoreEventId.QueryIterationFailed, LogLevel.Information),
            (RelationalEventId.CommandError, LogLevel.Information)));
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> EnsuredFolders = new();

    /// <summary>Runs for every new database context, so the folder check is made once per connection string.</summary>
    private static void EnsureSqliteFolder(string connectionString)
    {
        if (!EnsuredFolders.TryAdd(connectionString, true)) return;
        var path = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(path) || path == ":memory:" || path.StartsWith("file:", StringComparison.Ordinal)) return;
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
    }
}

public static class CoreServices
{
    /// <summary>Everything the hosts share: database, clock, actor, audit and the use cases.</summary>
    public static IServiceCollection AddSamverkanCore(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = DatabaseSettings.From(configuration);
        services.AddSingleton(settings);
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<ActorContext>();
        services.AddMetrics();
        services.AddSingleton<SamverkanMetrics>();
        services.AddScoped<AuditInterceptor>();
        services.AddDbContext<SamverkanDb>((sp, options) =>
        {
            settings.Apply(options);
            options.AddInterceptors(sp.GetRequiredService<AuditInterceptor>(), SqliteTuning.Instance, NulGuard.Instance);
        });
        foreach (var type in UseCaseTypes()) services.AddScoped(type);
        services.AddScoped<DatabaseMigrator>();
        services.AddSingleton<Organizations.MunicipalityCache>();
        services.AddScoped<ReferenceData.ReferenceDataLoader>();
        services.AddScoped<Seeding.DemoSeeder>();
        services.AddScoped<Accounts.ApiTokenValidator>();
        services.AddScoped<Accounts.ResolveActor>();
        services.AddScoped<Agreements.AgreementStore>();
        services.AddScoped<Agreements.AgreementNotifier>();
        services.AddScoped<Notifications.OutboxWriter>();
        services.AddScoped<FollowUp.FollowUpStore>();
        services.AddScoped<FollowUp.FollowUpNotifier>();
        services.AddScoped<Dialogue.DialogueStore>();
        services.AddSingleton(Reminders.ReminderOptions.From(configuration));
        services.AddSingleton(YearlyCycle.YearlyCycleOptions.From(configuration));
        services.AddSingleton(FollowUp.EvidenceOptions.From(configuration));
        services.AddSingleton<FollowUp.IEvidenceStore, FollowUp.FileSystemEvidenceStore>();
        services.AddSingleton<Agreements.ISignatureProvider, Agreements.SimpleElectronicSignature>();
        services.AddSingleton<Agreements.ISignatureProvider, Agreements.PaperSignatureRecord>();
        Accounts.AccountSetup.AddSamverkanAccounts(services);
        return services;
    }

    /// <summary>Use cases are plain classes marked with <see cref="IUseCase"/>; no mediator in between.</summary>
    public static IEnumerable<Type> UseCaseTypes() =>
        typeof(CoreServices).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IUseCase).IsAssignableFrom(t));
}

/// <summary>Marks a class as one use case (one business operation), registered in DI by convention.</summary>
public interface IUseCase;

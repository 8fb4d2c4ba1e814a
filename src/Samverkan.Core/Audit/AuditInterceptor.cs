using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Samverkan.Common;

namespace Samverkan.Audit;

/// <summary>
/// Turns every tracked change into audit entries inside the same SaveChanges, so a write and its
/// audit record commit or fail together, whatever front end or use case made the write. The new entries
/// are appended to the hash chain under the chain lock; when the caller has no transaction of its own, the
/// interceptor begins one so that reading the chain's head and appending after it are one atomic step.
/// </summary>
public sealed class AuditInterceptor(ActorContext actors, TimeProvider clock, SamverkanMetrics metrics) : SaveChangesInterceptor
{
    // Secrets and bookkeeping that must never be copied into the log.
    private static readonly HashSet<string> Redacted =
    [
        "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "TokenHash", "NormalizedEmail", "NormalizedUserName",
    ];

    // The transaction this interceptor began to append under the chain lock, per context, until SaveChanges ends.
    private readonly Dictionary<DbContext, IDbContextTransaction> _own = [];

    // Entries added by the SaveChanges in progress, counted in the metrics only once it has succeeded.
    private readonly Dictionary<DbContext, int> _pending = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is not { } db) return result;
        var entries = NewEntries(db);
        if (entries.Count == 0) return result;
        if (db.Database.CurrentTransaction is null) _own[db] = db.Database.BeginTransaction();
        AuditChain.Lock(db);
        AuditChain.Link(entries, AuditChain.ReadHead(db));
        db.AddRange(entries);
        _pending[db] = entries.Count;
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not { } db) return result;
        var entries = NewEntries(db);
        if (entries.Count == 0) return result;
        if (db.Database.CurrentTransaction is null) _own[db] = await db.Database.BeginTransactionAsync(cancellationToken);
        await AuditChain.LockAsync(db, cancellationToken);
        AuditChain.Link(entries, await AuditChain.ReadHeadAsync(db, cancellationToken));
        db.AddRange(entries);
        _pending[db] = entries.Count;
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        var written = Written(eventData.Context);
        if (Release(eventData.Context) is { } transaction) using (transaction) transaction.Commit();
        metrics.AuditEntriesWritten(written, actors.Channel);
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        var written = Written(eventData.Context);
        if (Release(eventData.Context) is { } transaction) await using (transaction) await transaction.CommitAsync(cancellationToken);
        metrics.AuditEntriesWritten(written, actors.Channel);
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Release(eventData.Context)?.Dispose();

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (Release(eventData.Context) is { } transaction) await transaction.DisposeAsync();
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Release(eventData.Context)?.Dispose();

    public override async Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        if (Release(eventData.Context) is { } transaction) await transaction.DisposeAsync();
    }

    private IDbContextTransaction? Release(DbContext? db)
    {
        if (db is null) return null;
        _pending.Remove(db, out _);
        return _own.Remove(db, out var transaction) ? transaction : null;
    }

    private int Written(DbContext? db) => db is not null && _pending.Remove(db, out var count) ? count : 0;

    private List<AuditEntry> NewEntries(DbContext db)
    {
        db.ChangeTracker.DetectChanges();
        // Append-only: the application never changes or removes an entry once written.
        if (db.ChangeTracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
            throw new InvalidOperationException("The audit log is append-only: an audit entry may not be changed or deleted.");
        var actor = actors.Current;
        var now = AuditChain.ToStoredPrecision(clock.GetUtcNow().UtcDateTime);
        var changes = db.ChangeTracker.Entries()
            .Where(e => e.Entity is not AuditEntry && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();
        var entries = new List<AuditEntry>();
        foreach (var entry in changes)
        {
            var audit = Describe(entry);
            if (audit is null) continue;
            entries.Add(new AuditEntry
            {
                At = now,
                ActorUserId = actor.UserId,
                ActorName = actor.Name,
                ActorOrganizationCode = actor.OrganizationCode,
                Channel = actors.Channel,
                EntityType = entry.Metadata.ClrType.Name,
                EntityId = KeyOf(entry),
                Action = audit.Value.Action,
                Before = audit.Value.Before,
                After = audit.Value.After,
            });
        }
        return entries;
    }

    private static (string Action, string? Before, string? After)? Describe(EntityEntry entry)
    {
        var props = entry.Properties.Where(p => !Redacted.Contains(p.Metadata.Name)).ToList();
        switch (entry.State)
        {
            case EntityState.Added:
                return ("created", null, Json(props.ToDictionary(p => p.Metadata.Name, p => p.CurrentValue)));
            case EntityState.Deleted:
                return ("deleted", Json(props.ToDictionary(p => p.Metadata.Name, p => p.OriginalValue)), null);
            default:
                var changed = props.Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)).ToList();
                if (changed.Count == 0) return null;
                return ("updated",
                    Json(changed.ToDictionary(p => p.Metadata.Name, p => p.OriginalValue)),
                    Json(changed.ToDictionary(p => p.Metadata.Name, p => p.CurrentValue)));
        }
    }

    private static string KeyOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        if (key is null) return "";
        return string.Join("/", key.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static string Json(Dictionary<string, object?> values) => JsonSerializer.Serialize(values, JsonOptions);

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = false,
        // Keep å, ä, ö readable in the log.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}

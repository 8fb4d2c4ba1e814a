using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Samverkan.Common;

namespace Samverkan.Audit;

/// <summary>
/// Turns every tracked change into audit entries inside the same SaveChanges, so a write and its
/// audit record commit or fail together, whatever front end or use case made the write.
/// </summary>
public sealed class AuditInterceptor(ActorContext actors, TimeProvider clock) : SaveChangesInterceptor
{
    // Secrets and bookkeeping that must never be copied into the log.
    private static readonly HashSet<string> Redacted =
    [
        "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "TokenHash", "NormalizedEmail", "NormalizedUserName",
    ];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        AddEntries(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        AddEntries(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void AddEntries(DbContext? db)
    {
        if (db is null) return;
        db.ChangeTracker.DetectChanges();
        var actor = actors.Current;
        var now = clock.GetUtcNow().UtcDateTime;
        var entries = db.ChangeTracker.Entries()
            .Where(e => e.Entity is not AuditEntry && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();
        foreach (var entry in entries)
        {
            var audit = Describe(entry);
            if (audit is null) continue;
            db.Add(new AuditEntry
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

using Microsoft.EntityFrameworkCore;
using Samverkan.Common;
using Samverkan.Data;

namespace Samverkan.Audit;

public sealed record AuditView(long Id, DateTime At, string ActorName, string? ActorOrganizationCode, string Channel,
    string EntityType, string EntityId, string Action, string? Before, string? After);

/// <summary>The change history of one entity, newest first. Open to signed-in users.</summary>
public sealed class GetHistory(SamverkanDb db, ActorContext actors) : IUseCase
{
    public async Task<Result<IReadOnlyList<AuditView>>> ExecuteAsync(string entityType, string entityId, CancellationToken ct = default)
    {
        if (!actors.Current.IsAuthenticated) return Error.Unauthenticated();
        var rows = await db.AuditLog.AsNoTracking()
            .Where(a => a.EntityType == entityType && a.EntityId == entityId)
            .OrderByDescending(a => a.Id).Take(500)
            .Select(a => new AuditView(a.Id, a.At, a.ActorName, a.ActorOrganizationCode, a.Channel, a.EntityType, a.EntityId, a.Action, a.Before, a.After))
            .ToListAsync(ct);
        return rows;
    }
}

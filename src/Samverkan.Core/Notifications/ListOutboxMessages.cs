using Microsoft.EntityFrameworkCore;
using Samverkan.Common;
using Samverkan.Data;

namespace Samverkan.Notifications;

public sealed record OutboxMessageView(Guid Id, string Kind, string To, string? ToName, string Subject, string Body, string? RelatedId,
    DateTime CreatedAt, DateTime? SentAt, int Attempts, string? LastError);

/// <summary>
/// The newest outgoing e-mail, sent or not. For development hosts only (the web host shows it only in
/// Development): the messages hold addresses and text meant for their recipients alone.
/// </summary>
public sealed class ListOutboxMessages(SamverkanDb db) : IUseCase
{
    public async Task<IReadOnlyList<OutboxMessageView>> ExecuteAsync(int limit = 200, CancellationToken ct = default) =>
        await db.Set<OutboxMessage>().AsNoTracking()
            .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
            .Take(Math.Clamp(limit, 1, 1000))
            .Select(m => new OutboxMessageView(m.Id, m.Kind, m.To, m.ToName, m.Subject, m.Body, m.RelatedId, m.CreatedAt, m.SentAt, m.Attempts, m.LastError))
            .ToListAsync(ct);
}

using Microsoft.EntityFrameworkCore;
using Samverkan.Common;
using Samverkan.Data;

namespace Samverkan.Notifications;

/// <summary>
/// Queues e-mail to the people who act for some organizations (their officers, admins and reporters), in the same
/// transaction as the change the message reports: it is sent exactly when that change was saved (the outbox pattern).
/// </summary>
public sealed class OutboxWriter(SamverkanDb db, TimeProvider clock)
{
    /// <param name="body">The message between the greeting and the signature.</param>
    /// <param name="relatedId">The record the message is about, for the development outbox page and for de-duplication.</param>
    public void Queue(IEnumerable<Guid> organizationIds, string kind, string subject, string body, string relatedId)
    {
        var ids = organizationIds.Distinct().ToList();
        var recipients = db.Users.AsNoTracking()
            .Where(u => ids.Contains(u.OrganizationId) && (u.Role == Roles.RegionAdmin || u.Role == Roles.RegionOfficer || u.Role == Roles.MunicipalityOfficer || u.Role == Roles.InstitutionReporter))
            .Select(u => new { u.Email, u.DisplayName }).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var r in recipients.Where(r => r.Email is not null))
        {
            db.Add(new OutboxMessage
            {
                Kind = kind,
                To = r.Email!,
                ToName = r.DisplayName,
                Subject = subject,
                Body = $"Hej {r.DisplayName},\n\n{body}\n\n/Samverkan",
                CreatedAt = now,
                RelatedId = relatedId,
            });
        }
    }
}

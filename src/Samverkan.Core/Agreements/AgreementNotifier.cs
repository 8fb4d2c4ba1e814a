using Microsoft.EntityFrameworkCore;
using Samverkan.Common;
using Samverkan.Data;
using Samverkan.Notifications;
using Samverkan.Organizations;

namespace Samverkan.Agreements;

public enum NotificationKind
{
    ReviewRequested,
    Comment,
    ProposalAnswered,
    Approval,
    SignatureRequested,
    Signed,
}

/// <summary>
/// Queues e-mail to the officers of the other parties in the same transaction as the change, so a message
/// is sent exactly when the change it reports was saved (the outbox pattern).
/// </summary>
public sealed class AgreementNotifier(SamverkanDb db, TimeProvider clock)
{
    public void Queue(Agreement agreement, IEnumerable<Organization> parties, Actor actor, NotificationKind kind, string subject, string body)
    {
        var others = parties.Where(p => p.Id != actor.OrganizationId).Select(p => p.Id).ToList();
        var recipients = db.Users.AsNoTracking()
            .Where(u => others.Contains(u.OrganizationId) && (u.Role == Roles.RegionAdmin || u.Role == Roles.RegionOfficer || u.Role == Roles.MunicipalityOfficer || u.Role == Roles.InstitutionReporter))
            .Select(u => new { u.Email, u.DisplayName }).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var r in recipients.Where(r => r.Email is not null))
        {
            db.Add(new OutboxMessage
            {
                Kind = Code(kind),
                To = r.Email!,
                ToName = r.DisplayName,
                Subject = subject,
                Body = $"Hej {r.DisplayName},\n\n{body}\n\nÖverenskommelse: {agreement.Title}\nLänk: /overenskommelser/{agreement.Id}\n\n/Samverkan",
                CreatedAt = now,
                RelatedId = agreement.Id.ToString(),
            });
        }
    }

    public static string Code(NotificationKind kind) => kind switch
    {
        NotificationKind.ReviewRequested => "review-requested",
        NotificationKind.Comment => "comment",
        NotificationKind.ProposalAnswered => "proposal-answered",
        NotificationKind.Approval => "approval",
        NotificationKind.SignatureRequested => "signature-requested",
        NotificationKind.Signed => "signed",
        _ => kind.ToString(),
    };
}

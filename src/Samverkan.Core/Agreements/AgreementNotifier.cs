using Samverkan.Common;
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

/// <summary>Tells the other parties of an agreement about a step in its negotiation or signing (through the outbox).</summary>
public sealed class AgreementNotifier(OutboxWriter outbox)
{
    public void Queue(Agreement agreement, IEnumerable<Organization> parties, Actor actor, NotificationKind kind, string subject, string body) =>
        outbox.Queue(parties.Where(p => p.Id != actor.OrganizationId).Select(p => p.Id), Code(kind), subject,
            $"{body}\n\nÖverenskommelse: {agreement.Title}\nLänk: /overenskommelser/{agreement.Id}", agreement.Id.ToString());

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

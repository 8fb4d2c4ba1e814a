using Microsoft.EntityFrameworkCore;
using Samverkan.Common;
using Samverkan.Data;

namespace Samverkan.Agreements;

public sealed record RequestInfo(string? IpAddress, string? UserAgent)
{
    public static readonly RequestInfo None = new(null, null);
}

/// <summary>The caller's party approves one exact version. When every party has approved it, the agreement is agreed.</summary>
public sealed class ApproveAgreement(SamverkanDb db, ActorContext actors, AgreementStore store, AgreementNotifier notify, TimeProvider clock) : IUseCase
{
    public async Task<Result<AgreementContent>> ExecuteAsync(Guid id, int version, RequestInfo request, CancellationToken ct = default)
    {
        var actor = actors.Current;
        var found = await store.FindForWriteAsync(id, actor, ct);
        if (!found.IsSuccess) return found.Error!;
        var (agreement, parties, _) = found.Value;
        var party = found.Value.ActingParty(actor);
        if (party is null) return Error.Forbidden("Bara en parts handläggare kan godkänna för sin part.");
        if (agreement.Status != AgreementStatuses.Negotiation)
            return Error.Conflict("agreement.not-in-negotiation", "Bara en överenskommelse under förhandling kan godkännas.");
        if (version != agreement.CurrentVersion)
            return Error.Conflict("agreement.version-not-current", $"Version {version} är inte den senaste (version {agreement.CurrentVersion}). Godkänn den senaste.");
        var approvals = await db.Set<AgreementApproval>().Where(a => a.AgreementId == id && a.Version == version).ToListAsync(ct);
        if (approvals.Any(a => a.OrganizationId == party.Id))
            return Error.Conflict("agreement.already-approved", $"{party.DisplayName} har redan godkänt version {version}.");

        db.Add(new AgreementApproval
        {
            AgreementId = id, Version = version, OrganizationId = party.Id, UserId = actor.UserId!, UserName = actor.Name,
            At = clock.GetUtcNow().UtcDateTime, IpAddress = request.IpAddress, UserAgent = Trim(request.UserAgent),
        });
        var approvedBy = approvals.Select(a => a.OrganizationId).Append(party.Id).ToHashSet();
        if (parties.All(p => approvedBy.Contains(p.Id)))
        {
            agreement.Status = AgreementStatuses.Agreed;
            agreement.AgreedVersion = version;
            notify.Queue(agreement, parties, actor, NotificationKind.SignatureRequested, $"Klar för underskrift: {agreement.Title}",
                $"Alla parter har godkänt version {version}. Den kan nu skrivas under.");
        }
        else
        {
            notify.Queue(agreement, parties, actor, NotificationKind.Approval, $"Godkänd av {party.DisplayName}: {agreement.Title}",
                $"{actor.Name} har godkänt version {version} för {party.DisplayName}.");
        }
        agreement.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return await store.ViewAsync(agreement, (await store.VersionAsync(id, version, ct))!, ct);
    }

    internal static string? Trim(string? userAgent) => userAgent is { Length: > 400 } ? userAgent[..400] : userAgent;
}

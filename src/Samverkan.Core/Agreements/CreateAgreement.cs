using Samverkan.Common;
using Samverkan.Data;

namespace Samverkan.Agreements;

public sealed record CreateAgreementCommand(AgreementContent Content, IReadOnlyList<string> PartyCodes, Guid? PlanId = null, Guid? TemplateId = null);

/// <summary>Starts a draft agreement between two or more parties; the creator must act for one of them.</summary>
public sealed class CreateAgreement(SamverkanDb db, ActorContext actors, AgreementStore store, TimeProvider clock) : IUseCase
{
    public async Task<Result<(Guid Id, AgreementContent Content)>> ExecuteAsync(CreateAgreementCommand command, CancellationToken ct = default)
    {
        var actor = actors.Current;
        if (!actor.IsAuthenticated) return Error.Unauthenticated();
        var checkedContent = await new AgreementRules(db).CheckAsync(command.Content, command.PartyCodes, ct);
        if (!checkedContent.IsSuccess) return checkedContent.Error!;
        var (content, parties, region) = checkedContent.Value;
        var actsForParty = actor.Writes && parties.Any(p => p.Id == actor.OrganizationId);
        // The operator (CLI) may create drafts too, e.g. when importing old agreements in bulk.
        if (actor.Require(actsForParty || actor.IsStaffOfRegion(region.Id) || actor.IsOperator) is { } denied) return denied;
        if (command.PlanId is { } planId && !db.Plans.Any(p => p.Id == planId && p.RegionId == region.Id))
            return Error.Validation("agreement.plan-invalid", "Planen finns inte eller hör till en annan region.", "planId");

        var now = clock.GetUtcNow().UtcDateTime;
        var agreement = new Agreement
        {
            Kind = content.Kind,
            RegionId = region.Id,
            PlanId = command.PlanId,
            TemplateId = command.TemplateId,
            Status = AgreementStatuses.Draft,
            Title = content.Title,
            CreatedAt = now,
            Parties = parties.Select((p, i) => new AgreementParty { OrganizationId = p.Id, SortOrder = i }).ToList(),
        };
        db.Add(agreement);
        var version = store.AddVersion(agreement, content, actor, "Skapad");
        await db.SaveChangesAsync(ct);
        return (agreement.Id, await store.ViewAsync(agreement, version, ct));
    }
}

using Microsoft.EntityFrameworkCore;
using Samverkan.Common;
using Samverkan.Data;
using Samverkan.Organizations;
using Samverkan.Plans;

namespace Samverkan.Agreements;

/// <summary>A region's templates, newest period first, for its staff and the organizations of its county.</summary>
public sealed class ListAgreementTemplates(SamverkanDb db, ActorContext actors) : IUseCase
{
    public async Task<Result<IReadOnlyList<AgreementTemplateSummary>>> ExecuteAsync(string? regionCode, CancellationToken ct = default)
    {
        var actor = actors.Current;
        if (!actor.IsAuthenticated) return Error.Unauthenticated();
        if (string.IsNullOrWhiteSpace(regionCode))
            return Error.Validation("template.region-required", "Ange vilken region mallarna hör till (region=20).", "region");
        var region = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Code == regionCode && o.Kind == OrganizationKind.Region, ct);
        if (region is null) return Error.NotFound("region.not-found", $"Det finns ingen region med kod {regionCode}.");
        if (actor.Require(AgreementTemplates.CanRead(actor, region)) is { } denied) return denied;

        var templates = await db.Set<AgreementTemplate>().AsNoTracking().Where(t => t.RegionId == region.Id)
            .Select(t => new { t.Id, t.PlanId, t.Kind, t.Title, t.PeriodFrom, t.PeriodTo, t.Version, t.UpdatedAt })
            .ToListAsync(ct);
        var ids = templates.Select(t => (Guid?)t.Id).ToList();
        var drafts = await db.Set<Agreement>().AsNoTracking().Where(a => ids.Contains(a.TemplateId))
            .GroupBy(a => a.TemplateId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key!.Value, g => g.Count, ct);
        var regionRef = new OrganizationRef(region.Code, region.DisplayName);
        return templates
            .OrderByDescending(t => t.PeriodFrom).ThenByDescending(t => t.UpdatedAt)
            .Select(t => new AgreementTemplateSummary(t.Id, regionRef, t.PlanId, t.Kind, t.Title, new Period(t.PeriodFrom, t.PeriodTo), t.Version,
                t.UpdatedAt, drafts.GetValueOrDefault(t.Id)))
            .ToList();
    }
}

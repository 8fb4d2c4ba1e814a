using Microsoft.EntityFrameworkCore;
using Samverkan.Common;
using Samverkan.Data;
using Samverkan.Organizations;

namespace Samverkan.Agreements;

/// <summary>The drafts one run made (agreement ids) and the municipalities skipped because they already have an agreement for the period (codes).</summary>
public sealed record DraftsFromTemplate(IReadOnlyList<Guid> Created, IReadOnlyList<string> Skipped);

/// <summary>
/// In one action the region drafts the agreement of every municipality in the region that has no agreement for the
/// template's period yet, each by the same rules and version writing as a single new agreement. A municipality is
/// skipped when it already has a draft from this template, or any agreement of the same kind with the region (not
/// withdrawn) whose period overlaps the template's — an agreement drafted by hand or imported from its document
/// must not get a rival draft. All drafts are saved in one transaction: either every missing municipality gets its
/// draft or none does.
/// </summary>
public sealed class CreateDraftsFromTemplate(SamverkanDb db, ActorContext actors, AgreementStore store, TimeProvider clock) : IUseCase
{
    public async Task<Result<DraftsFromTemplate>> ExecuteAsync(Guid templateId, CancellationToken ct = default)
    {
        var actor = actors.Current;
        var template = await db.Set<AgreementTemplate>().FirstOrDefaultAsync(t => t.Id == templateId, ct);
        if (template is null) return actor.IsAuthenticated ? AgreementTemplates.NotFound() : Error.Unauthenticated();
        var region = await db.Organizations.AsNoTracking().FirstAsync(o => o.Id == template.RegionId, ct);
        if (!AgreementTemplates.CanRead(actor, region)) return actor.IsAuthenticated ? AgreementTemplates.NotFound() : Error.Unauthenticated();
        if (actor.Require(actor.IsStaffOfRegion(region.Id)) is { } denied) return denied;

        var municipalities = (await db.Organizations.AsNoTracking()
                .Where(o => o.Kind == OrganizationKind.Municipality && o.CountyCode == region.CountyCode).ToListAsync(ct))
            .OrderBySwedish(o => o.Name).ToList();
        var haveOne = (await db.Set<AgreementParty>().AsNoTracking()
                .Where(p => db.Set<Agreement>().Any(a => a.Id == p.AgreementId
                    && (a.TemplateId == templateId
                        || (a.RegionId == region.Id && a.Kind == template.Kind && a.Status != AgreementStatuses.Withdrawn
                            && a.PeriodFrom <= template.PeriodTo && a.PeriodTo >= template.PeriodFrom))))
                .Select(p => p.OrganizationId).ToListAsync(ct))
            .ToHashSet();

        var content = AgreementJson.Deserialize(template.ContentJson)!;
        var rules = new AgreementRules(db);
        var now = clock.GetUtcNow().UtcDateTime;
        var created = new List<Guid>();
        var skipped = new List<string>();
        foreach (var municipality in municipalities)
        {
            if (haveOne.Contains(municipality.Id))
            {
                skipped.Add(municipality.Code);
                continue;
            }
            var checkedContent = await rules.CheckAsync(AgreementTemplates.Instantiate(content, region, municipality), [region.Code, municipality.Code], ct);
            if (!checkedContent.IsSuccess)
                return checkedContent.Error! with { Message = $"{municipality.DisplayName}: {checkedContent.Error!.Message}" };
            var (draft, parties, _) = checkedContent.Value;
            var agreement = new Agreement
            {
                Kind = draft.Kind,
                RegionId = region.Id,
                PlanId = template.PlanId,
                TemplateId = template.Id,
                Status = AgreementStatuses.Draft,
                Title = draft.Title,
                CreatedAt = now,
                Parties = parties.Select((p, i) => new AgreementParty { OrganizationId = p.Id, SortOrder = i }).ToList(),
            };
            db.Add(agreement);
            store.AddVersion(agreement, draft, actor, $"Skapad från mallen (version {template.Version})");
            created.Add(agreement.Id);
        }
        if (created.Count == 0) return new DraftsFromTemplate([], skipped);

        template.DraftRuns++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Error.Conflict("template.drafts-concurrent",
                "Mallen ändrades eller användes för utkast samtidigt. Inget har sparats; försök igen så hoppas de kommuner som redan har utkast över.");
        }
        return new DraftsFromTemplate(created, skipped);
    }
}

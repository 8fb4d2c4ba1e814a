using Microsoft.EntityFrameworkCore;
using Samverkan.Agreements;
using Samverkan.Common;
using Samverkan.Data;
using Samverkan.Organizations;
using Samverkan.Plans;

namespace Samverkan.Dialogue;

/// <summary>
/// What a meeting's decisions can be linked to, for the minutes form: the commitments of the region's signed agreements
/// in force in the year (with the municipality, for a municipal dialogue) and the goals of the region's adopted plans for the year.
/// </summary>
public sealed class GetDialogueLinkChoices(SamverkanDb db, DialogueStore store) : IUseCase
{
    public async Task<Result<DialogueLinkChoices>> ExecuteAsync(string? regionCode, string? municipalityCode, int year, CancellationToken ct = default)
    {
        var region = await store.RegionAsync(regionCode, ct);
        if (region is null) return Error.NotFound("region.not-found", $"Det finns ingen region med kod {regionCode}.");
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        var agreements = db.Set<Agreement>().AsNoTracking().Where(a => a.RegionId == region.Id && a.SignedVersion != null
            && (a.PeriodFrom == null || a.PeriodFrom <= last) && (a.PeriodTo == null || a.PeriodTo >= first));
        if (!string.IsNullOrWhiteSpace(municipalityCode))
        {
            var municipality = await db.Organizations.AsNoTracking()
                .FirstOrDefaultAsync(o => o.Code == municipalityCode.Trim() && o.Kind == OrganizationKind.Municipality, ct);
            if (municipality is null) return new DialogueLinkChoices([], await PlansAsync(region.Id, year, ct));
            agreements = agreements.Where(a => a.Parties.Any(p => p.OrganizationId == municipality.Id));
        }
        var list = await agreements.Select(a => new { a.Id, a.Title, Version = a.SignedVersion!.Value }).ToListAsync(ct);
        var ids = list.Select(a => a.Id).ToList();
        var commitments = (await db.Set<CommitmentRecord>().AsNoTracking().Where(c => ids.Contains(c.AgreementId)).ToListAsync(ct))
            .ToLookup(c => (c.AgreementId, c.Version));
        var choices = list.OrderBySwedish(a => a.Title)
            .Select(a => new AgreementChoice(a.Id, a.Title, commitments[(a.Id, a.Version)].OrderBy(c => c.SortOrder)
                .Select(c => new CommitmentChoice(c.Id, c.SectionHeading, c.Text)).ToList()))
            .Where(a => a.Commitments.Count > 0)
            .ToList();
        return new DialogueLinkChoices(choices, await PlansAsync(region.Id, year, ct));
    }

    private async Task<IReadOnlyList<PlanChoice>> PlansAsync(Guid regionId, int year, CancellationToken ct)
    {
        var plans = await db.Plans.AsNoTracking().Include(p => p.Goals)
            .Where(p => p.RegionId == regionId && p.Status != PlanStatus.Draft && p.StartYear <= year && p.EndYear >= year)
            .ToListAsync(ct);
        return plans.OrderBy(p => p.StartYear).Select(p => new PlanChoice(p.Id, p.Title, Tree(p.Goals))).ToList();
    }

    /// <summary>Goals in tree order (parent before its sub-goals), each with its depth.</summary>
    private static List<GoalChoice> Tree(List<PlanGoal> goals)
    {
        var children = goals.ToLookup(g => g.ParentId);
        var result = new List<GoalChoice>();
        void Walk(Guid? parent, int depth)
        {
            foreach (var g in children[parent].OrderBy(g => g.SortOrder))
            {
                result.Add(new GoalChoice(g.Id, g.Title, depth));
                Walk(g.Id, depth + 1);
            }
        }
        Walk(null, 0);
        return result;
    }
}

using Microsoft.EntityFrameworkCore;
using Samverkan.Common;
using Samverkan.Data;
using Samverkan.Organizations;

namespace Samverkan.Plans;

/// <summary>The plans of a region (or all regions). Drafts are shown only to the region's own staff.</summary>
public sealed class ListPlans(SamverkanDb db, ActorContext actors) : IUseCase
{
    public async Task<Result<IReadOnlyList<PlanSummary>>> ExecuteAsync(string? regionCode, CancellationToken ct = default)
    {
        var actor = actors.Current;
        var regions = db.Organizations.AsNoTracking().Where(o => o.Kind == OrganizationKind.Region);
        if (regionCode is not null)
        {
            regions = regions.Where(o => o.Code == regionCode);
            if (!await regions.AnyAsync(ct)) return Error.NotFound("region.not-found", $"Det finns ingen region med kod {regionCode}.");
        }
        var rows = await (from p in db.Plans.AsNoTracking()
                          join r in regions on p.RegionId equals r.Id
                          where p.Status != PlanStatus.Draft || (actor.OrganizationId == r.Id && actor.IsRegionStaff)
                          select new { Plan = p, r.Code, r.Name }).ToListAsync(ct);
        return rows
            .OrderBy(x => x.Code, StringComparer.Ordinal).ThenByDescending(x => x.Plan.StartYear)
            .Select(x => x.Plan.ToSummary(new OrganizationRef(x.Code, x.Name)))
            .ToList();
    }
}

using Microsoft.EntityFrameworkCore;
using Samverkan.Common;
using Samverkan.Data;
using Samverkan.Plans;

namespace Samverkan.Organizations;

public sealed record RegionOverview(
    OrganizationDetail Region,
    IReadOnlyList<MunicipalityView> Municipalities,
    PlanDetail? CurrentPlan,
    IReadOnlyList<PlanSummary> Plans,
    IReadOnlyList<InstitutionsByArea> Institutions);

public sealed record InstitutionsByArea(ActivityAreaView Area, IReadOnlyList<OrganizationSummary> Institutions);

/// <summary>What the start page shows for a region: municipalities, the plan in force, institutions by activity area.</summary>
public sealed class GetRegionOverview(
    SamverkanDb db, GetOrganization organizations, ListMunicipalities municipalities, ListPlans plans,
    GetPlan plan, ListOrganizations list, TimeProvider clock) : IUseCase
{
    public async Task<Result<RegionOverview>> ExecuteAsync(string regionCode, CancellationToken ct = default)
    {
        var region = await organizations.ExecuteAsync(regionCode, ct);
        if (!region.IsSuccess || region.Value.Kind != OrganizationKind.Region.ToCode())
            return Error.NotFound("region.not-found", $"Det finns ingen region med kod {regionCode}.");
        var munis = await municipalities.ExecuteAsync(region.Value.CountyCode, ct);
        var planList = (await plans.ExecuteAsync(regionCode, ct)).Value;
        var year = clock.GetLocalNow().Year;
        var current = planList.FirstOrDefault(p => p.StartYear <= year && year <= p.EndYear && p.Status != "draft")
            ?? planList.FirstOrDefault(p => p.Status == "adopted");
        PlanDetail? currentPlan = current is null ? null : (await plan.ExecuteAsync(current.Id, ct)).Match<PlanDetail?>(p => p, _ => null);

        var institutions = (await list.ExecuteAsync(OrganizationKind.Institution.ToCode(), regionCode, ct)).Value;
        var regionAreas = await db.ActivityAreas.AsNoTracking().Where(a => a.OwnerOrganizationId == region.Value.Id).ToListAsync(ct);
        // Group by the region's own areas when it has them, otherwise by the state areas.
        var grouped = institutions
            .SelectMany(i => i.ActivityAreas.Where(a => regionAreas.Count == 0 ? a.IsStateArea : !a.IsStateArea).Select(a => (Area: a, Institution: i)))
            .GroupBy(x => x.Area.Code)
            .Select(g => new InstitutionsByArea(g.First().Area, g.Select(x => x.Institution).OrderBySwedish(i => i.Name).ToList()))
            .OrderBy(g => regionAreas.FirstOrDefault(a => a.Code == g.Area.Code)?.SortOrder ?? g.Area.StateAreaNumber ?? 99)
            .ToList();
        var unplaced = institutions.Where(i => i.ActivityAreas.Count == 0).ToList();
        if (unplaced.Count > 0)
            grouped.Add(new InstitutionsByArea(new ActivityAreaView("ovrigt", "Övriga", null, false), unplaced));

        return new RegionOverview(region.Value, munis.Value, currentPlan, planList, grouped);
    }
}

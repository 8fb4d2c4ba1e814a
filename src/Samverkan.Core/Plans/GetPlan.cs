using Microsoft.EntityFrameworkCore;
using Samverkan.Common;
using Samverkan.Data;

namespace Samverkan.Plans;

/// <summary>One plan with its development areas and goal tree. A draft is visible only to its region's staff.</summary>
public sealed class GetPlan(SamverkanDb db, ActorContext actors) : IUseCase
{
    public async Task<Result<PlanDetail>> ExecuteAsync(Guid id, CancellationToken ct = default)
    {
        var plan = await db.Plans.AsNoTracking().AsSplitQuery()
            .Include(p => p.DevelopmentAreas)
            .Include(p => p.Goals).ThenInclude(g => g.Indicators)
            .FirstOrDefaultAsync(p => p.Id == id, ct);
        if (plan is null || (!plan.IsPublic && !actors.Current.IsStaffOfRegion(plan.RegionId)))
            return Error.NotFound("plan.not-found", "Planen finns inte.");
        var region = await db.Organizations.AsNoTracking().Where(o => o.Id == plan.RegionId)
            .Select(o => new OrganizationRef(o.Code, o.Name)).FirstAsync(ct);
        return plan.ToDetail(region);
    }
}

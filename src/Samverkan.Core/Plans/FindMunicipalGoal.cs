using Microsoft.EntityFrameworkCore;
using Samverkan.Common;
using Samverkan.Data;

namespace Samverkan.Plans;

/// <summary>One municipal goal by id (public, like the list).</summary>
public sealed class FindMunicipalGoal(SamverkanDb db) : IUseCase
{
    public async Task<Result<MunicipalGoalView>> ExecuteAsync(Guid id, CancellationToken ct = default)
    {
        var row = await (from g in db.MunicipalGoals.AsNoTracking()
                         join o in db.Organizations.AsNoTracking() on g.OrganizationId equals o.Id
                         where g.Id == id
                         select new MunicipalGoalView(g.Id, o.Code, g.StartYear, g.EndYear, g.Number, g.Text)).FirstOrDefaultAsync(ct);
        return row is null ? Error.NotFound("municipal-goal.not-found", "Målet finns inte.") : row;
    }
}

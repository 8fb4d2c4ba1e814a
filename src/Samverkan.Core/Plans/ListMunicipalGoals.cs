using Microsoft.EntityFrameworkCore;
using Samverkan.Common;
using Samverkan.Data;
using Samverkan.Organizations;

namespace Samverkan.Plans;

/// <summary>A municipality's own goals, optionally those in force a given year. Public, like the plans.</summary>
public sealed class ListMunicipalGoals(SamverkanDb db) : IUseCase
{
    public async Task<Result<IReadOnlyList<MunicipalGoalView>>> ExecuteAsync(string municipalityCode, int? year = null, CancellationToken ct = default)
    {
        var municipality = await db.Organizations.AsNoTracking()
            .FirstOrDefaultAsync(o => o.Code == municipalityCode && o.Kind == OrganizationKind.Municipality, ct);
        if (municipality is null) return Error.NotFound("municipality.not-found", $"Det finns ingen kommun med kod {municipalityCode}.");
        var query = db.MunicipalGoals.AsNoTracking().Where(g => g.OrganizationId == municipality.Id);
        if (year is not null) query = query.Where(g => g.StartYear <= year && year <= g.EndYear);
        var goals = await query.ToListAsync(ct);
        return goals.OrderByDescending(g => g.StartYear).ThenBy(g => g.Number)
            .Select(g => new MunicipalGoalView(g.Id, municipality.Code, g.StartYear, g.EndYear, g.Number, g.Text))
            .ToList();
    }
}

using Microsoft.EntityFrameworkCore;
using Samverkan.Common;
using Samverkan.Data;

namespace Samverkan.Organizations;

/// <summary>All 21 regions with their county and number of municipalities. Public reference data.</summary>
public sealed class ListRegions(SamverkanDb db) : IUseCase
{
    public async Task<IReadOnlyList<RegionView>> ExecuteAsync(CancellationToken ct = default)
    {
        var counts = await db.Organizations.AsNoTracking().Where(o => o.Kind == OrganizationKind.Municipality)
            .GroupBy(o => o.CountyCode).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key ?? "", x => x.Count, ct);
        var counties = await db.Counties.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.Name, ct);
        var regions = await db.Organizations.AsNoTracking().Where(o => o.Kind == OrganizationKind.Region).ToListAsync(ct);
        return regions.OrderBy(r => r.Code, StringComparer.Ordinal)
            .Select(r => new RegionView(r.Code, r.Name, r.CountyCode!, counties.GetValueOrDefault(r.CountyCode!, ""), r.OrganizationNumber,
                counts.GetValueOrDefault(r.CountyCode!)))
            .ToList();
    }
}

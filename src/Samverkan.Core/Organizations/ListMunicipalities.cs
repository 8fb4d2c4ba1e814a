using Microsoft.EntityFrameworkCore;
using Samverkan.Common;
using Samverkan.Data;

namespace Samverkan.Organizations;

/// <summary>Municipalities, optionally of one county, with their latest known population. Sorted the Swedish way.</summary>
public sealed class ListMunicipalities(SamverkanDb db) : IUseCase
{
    public async Task<Result<IReadOnlyList<MunicipalityView>>> ExecuteAsync(string? countyCode, CancellationToken ct = default)
    {
        if (countyCode is not null && !await db.Counties.AnyAsync(c => c.Code == countyCode, ct))
            return Error.NotFound("county.not-found", $"Det finns inget län med kod {countyCode}.");
        var query = db.Organizations.AsNoTracking().Where(o => o.Kind == OrganizationKind.Municipality);
        if (countyCode is not null) query = query.Where(o => o.CountyCode == countyCode);
        var municipalities = await query.Select(o => new { o.Code, o.Name, o.OfficialName, o.CountyCode }).ToListAsync(ct);

        var populationQuery = db.Populations.AsNoTracking();
        if (countyCode is not null) populationQuery = populationQuery.Where(p => p.MunicipalityCode.StartsWith(countyCode));
        var latest = (await populationQuery.ToListAsync(ct))
            .GroupBy(p => p.MunicipalityCode)
            .ToDictionary(g => g.Key, g => g.MaxBy(p => p.Year)!);

        return municipalities
            .Select(m =>
            {
                latest.TryGetValue(m.Code, out var p);
                return new MunicipalityView(m.Code, m.Name, m.OfficialName, m.CountyCode!, p?.Population, p?.Year);
            })
            .OrderBySwedish(m => m.Name)
            .ToList();
    }
}

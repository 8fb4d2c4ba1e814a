using Microsoft.EntityFrameworkCore;
using Samverkan.Common;
using Samverkan.Data;
using Samverkan.ReferenceData;

namespace Samverkan.Organizations;

/// <summary>Organizations filtered by kind and region (county code), with their activity areas.</summary>
public sealed class ListOrganizations(SamverkanDb db) : IUseCase
{
    public async Task<Result<IReadOnlyList<OrganizationSummary>>> ExecuteAsync(string? kind, string? regionCode, CancellationToken ct = default)
    {
        var query = db.Organizations.AsNoTracking();
        if (kind is not null)
        {
            var parsed = OrganizationKinds.Parse(kind);
            if (parsed is null)
                return Error.Validation("organization.kind-invalid", "kind måste vara region, municipality, institution, organizer eller state-body.", "kind");
            query = query.Where(o => o.Kind == parsed);
        }
        if (regionCode is not null)
        {
            if (!await db.Counties.AnyAsync(c => c.Code == regionCode, ct))
                return Error.NotFound("region.not-found", $"Det finns ingen region med kod {regionCode}.");
            query = query.Where(o => o.CountyCode == regionCode);
        }
        var orgs = await query.Include(o => o.ActivityAreas).ToListAsync(ct);
        var areas = await ActivityAreaLookup.LoadAsync(db, ct);
        return orgs
            .Select(o => new OrganizationSummary(o.Code, o.Name, o.Kind.ToCode(), o.CountyCode, o.MunicipalityCode, o.LegalForm,
                areas.For(o)))
            .OrderBySwedish(o => o.Name)
            .ToList();
    }
}

internal sealed class ActivityAreaLookup(Dictionary<Guid, ActivityArea> areas)
{
    public static async Task<ActivityAreaLookup> LoadAsync(SamverkanDb db, CancellationToken ct) =>
        new(await db.ActivityAreas.AsNoTracking().ToDictionaryAsync(a => a.Id, ct));

    public IReadOnlyList<ActivityAreaView> For(Organization o) =>
        o.ActivityAreas.Select(link => areas[link.ActivityAreaId])
            .OrderBy(a => a.SortOrder)
            .Select(a => new ActivityAreaView(a.Code, a.Name, a.StateAreaNumber, a.IsStateArea))
            .ToList();
}

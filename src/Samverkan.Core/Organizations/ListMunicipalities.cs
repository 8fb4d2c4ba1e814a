using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.Common;
using Samverkan.Data;

namespace Samverkan.Organizations;

/// <summary>Municipalities, optionally of one county, with their latest known population. Sorted the Swedish way.</summary>
public sealed class ListMunicipalities(IServiceProvider services, MunicipalityCache cache) : IUseCase
{
    public async Task<Result<IReadOnlyList<MunicipalityView>>> ExecuteAsync(string? countyCode, CancellationToken ct = default)
    {
        var all = await cache.GetAsync(() => LoadAsync(ct));
        if (countyCode is null) return Result<IReadOnlyList<MunicipalityView>>.From(all.Municipalities);
        if (!all.Counties.Contains(countyCode)) return Error.NotFound("county.not-found", $"Det finns inget län med kod {countyCode}.");
        return all.ByCounty.TryGetValue(countyCode, out var list) ? Result<IReadOnlyList<MunicipalityView>>.From(list) : Result<IReadOnlyList<MunicipalityView>>.From([]);
    }

    private async Task<MunicipalityCache.Snapshot> LoadAsync(CancellationToken ct)
    {
        // Resolved only on a cache miss: a hit then costs no database context at all.
        var db = services.GetRequiredService<SamverkanDb>();
        var counties = await db.Counties.AsNoTracking().Select(c => c.Code).ToListAsync(ct);
        var municipalities = await db.Organizations.AsNoTracking().Where(o => o.Kind == OrganizationKind.Municipality)
            .Select(o => new { o.Code, o.Name, o.OfficialName, o.CountyCode }).ToListAsync(ct);
        var latest = (await db.Populations.AsNoTracking().ToListAsync(ct))
            .GroupBy(p => p.MunicipalityCode)
            .ToDictionary(g => g.Key, g => g.MaxBy(p => p.Year)!);
        var views = municipalities
            .Select(m =>
            {
                latest.TryGetValue(m.Code, out var p);
                return new MunicipalityView(m.Code, m.Name, m.OfficialName, m.CountyCode!, p?.Population, p?.Year);
            })
            .OrderBySwedish(m => m.Name)
            .ToList();
        return new MunicipalityCache.Snapshot(counties.ToHashSet(), views,
            views.GroupBy(v => v.CountyCode).ToDictionary(g => g.Key, g => (IReadOnlyList<MunicipalityView>)g.ToList()));
    }
}

/// <summary>
/// Municipalities and populations change only when reference data is loaded (<c>samverkan migrate</c>), yet
/// every start page and municipality list reads them. They are kept in memory for a few minutes, and
/// dropped at once when this process loads reference data.
/// </summary>
public sealed class MunicipalityCache(TimeProvider clock)
{
    public sealed record Snapshot(HashSet<string> Counties, IReadOnlyList<MunicipalityView> Municipalities,
        Dictionary<string, IReadOnlyList<MunicipalityView>> ByCounty);

    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    private volatile Holder? _current;

    private sealed record Holder(Snapshot Snapshot, DateTimeOffset Expires);

    public async Task<Snapshot> GetAsync(Func<Task<Snapshot>> load)
    {
        var current = _current;
        if (current is not null && current.Expires > clock.GetUtcNow()) return current.Snapshot;
        var snapshot = await load();
        _current = new Holder(snapshot, clock.GetUtcNow() + Lifetime);
        return snapshot;
    }

    public void Invalidate() => _current = null;
}

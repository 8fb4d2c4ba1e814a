using Microsoft.EntityFrameworkCore;
using Samverkan.ReferenceData;
using Samverkan.Seeding;

namespace Samverkan.Data;

/// <summary>Applies migrations, then brings reference data up to date; optionally adds the demo data.</summary>
public sealed class DatabaseMigrator(SamverkanDb db, ReferenceDataLoader referenceData, DemoSeeder demo)
{
    public async Task<IReadOnlyList<string>> PendingMigrationsAsync(CancellationToken ct = default) =>
        (await db.Database.GetPendingMigrationsAsync(ct)).ToList();

    public async Task MigrateAsync(CancellationToken ct = default)
    {
        await db.Database.MigrateAsync(ct);
        // Rows from before the hash chain get their place in it once; new rows are chained as they are written.
        await Audit.AuditChain.SealUnchainedAsync(db, ct);
        await referenceData.LoadAsync(ct);
    }

    /// <summary>Adds the Dalarna demo data unless it is already there. Returns false when nothing was added.</summary>
    public Task<bool> SeedDemoAsync(CancellationToken ct = default) => demo.SeedAsync(ct);
}

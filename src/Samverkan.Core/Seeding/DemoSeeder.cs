using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Samverkan.Accounts;
using Samverkan.Common;
using Samverkan.Data;

namespace Samverkan.Seeding;

/// <summary>
/// The Dalarna demo data, written in our own words: Region Dalarna's own activity areas, its institutions and
/// some local organizers, two culture plans with goal trees, Smedjebacken's goals, one account per role and the
/// 2023–2026 agreements (<see cref="DemoAgreements"/>), their follow-up in 2024 and 2025 (<see cref="DemoFollowUp"/>) and
/// the dialogue meetings of those years (<see cref="DemoDialogue"/>).
/// Runs once: skipped when the demo region already has plans. Reference data must be loaded first.
/// </summary>
public sealed class DemoSeeder(SamverkanDb db, UserManager<User> users, ActorContext actors)
{
    public const string RegionCode = "20";

    /// <summary>Adds the demo data in one transaction. Leaves the context's change tracker empty.</summary>
    public async Task<bool> SeedAsync(CancellationToken ct = default)
    {
        var region = await db.Organizations.FirstAsync(o => o.Code == RegionCode, ct);
        if (await db.Plans.AnyAsync(p => p.RegionId == region.Id, ct)) return false;

        var (previousActor, previousChannel) = (actors.Current, actors.Channel);
        if (!previousActor.IsAuthenticated)
        {
            // The audit log must name who wrote the demo rows, also when a host seeds without signing anyone in.
            actors.Current = Actor.Operator("demo-seed");
            actors.Channel = "cli";
        }
        try
        {
            // UserManager saves on its own; one transaction around everything means a failure leaves nothing half-seeded.
            await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
            var organizations = await DemoOrganizations.AddAsync(db, region, ct);
            DemoPlans.Add(db, region, organizations);
            await db.SaveChangesAsync(ct);
            // Every account save runs change detection over all tracked rows, the reference data included;
            // with nothing left to save, an empty tracker halves the time the accounts take.
            db.ChangeTracker.Clear();
            await DemoAccounts.CreateAsync(users, organizations);
            await DemoAgreements.AddAsync(db, region.Id, ct);
            await DemoFollowUp.AddAsync(db, region.Id, ct);
            await DemoDialogue.AddAsync(db, region.Id, ct);
            if (transaction is not null) await transaction.CommitAsync(ct);
            return true;
        }
        finally
        {
            actors.Current = previousActor;
            actors.Channel = previousChannel;
        }
    }
}

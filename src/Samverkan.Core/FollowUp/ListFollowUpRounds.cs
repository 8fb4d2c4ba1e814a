using Microsoft.EntityFrameworkCore;
using Samverkan.Common;
using Samverkan.Data;
using Samverkan.Organizations;

namespace Samverkan.FollowUp;

/// <summary>A region's follow-up rounds, newest year first, with how far each has come (for signed-in users).</summary>
public sealed class ListFollowUpRounds(SamverkanDb db, ActorContext actors, FollowUpStore store, GetFollowUpRound progress) : IUseCase
{
    public async Task<Result<IReadOnlyList<FollowUpRoundSummary>>> ExecuteAsync(string? regionCode, int? year = null, CancellationToken ct = default)
    {
        if (!actors.Current.IsAuthenticated) return Error.Unauthenticated();
        if (string.IsNullOrWhiteSpace(regionCode))
            return Error.Validation("follow-up.region-required", "Ange vilken region (region=20).", "region");
        var region = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Code == regionCode && o.Kind == OrganizationKind.Region, ct);
        if (region is null) return Error.NotFound("region.not-found", $"Det finns ingen region med kod {regionCode}.");
        var rounds = await db.Set<FollowUpRound>().AsNoTracking()
            .Where(r => r.RegionId == region.Id && (year == null || r.Year == year))
            .ToListAsync(ct);

        var summaries = new List<FollowUpRoundSummary>();
        foreach (var round in rounds.OrderByDescending(r => r.Year).ThenBy(r => r.CreatedAt))
        {
            // Counts cover every agreement (they reveal no answers); the answers themselves are behind GetFollowUpRound.
            var scope = await store.ScopeAsync(round, ct);
            var (agreements, counts) = await progress.ProgressAsync(scope, _ => true, ct);
            summaries.Add(new FollowUpRoundSummary(round.Id, FollowUpStore.Ref(region), GetFollowUpRound.PlanRefOf(scope), round.Year, round.Deadline,
                round.Status, round.CreatedAt, round.CreatedByName, agreements.Count, counts));
        }
        return summaries;
    }
}

using Microsoft.EntityFrameworkCore;
using Samverkan.Common;
using Samverkan.Data;

namespace Samverkan.FollowUp;

/// <summary>One year's whole-round figure, for reading the plan's progress year over year.</summary>
public sealed record YearProgress(int Year, Guid RoundId, string Status, decimal? Progress, decimal CountedWeight, decimal TotalWeight, ProgressCounts Counts);

public sealed record PlanProgress(PlanRef Plan, string Formula, IReadOnlyList<YearProgress> YearOverYear, IReadOnlyList<RoundProgress> Rounds);

/// <summary>
/// A plan's follow-up rolled up per round (one per year), oldest first, with the whole-round figure of every year side
/// by side. Figures with the same key (agreement id, section heading, goal id, municipality code) compare across years.
/// </summary>
public sealed class GetPlanProgress(SamverkanDb db, ActorContext actors, GetRoundProgress rounds) : IUseCase
{
    public async Task<Result<PlanProgress>> ExecuteAsync(Guid planId, int? year = null, CancellationToken ct = default)
    {
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null || !GetRoundProgress.Readable(plan, actors.Current))
            return Error.NotFound("plan.not-found", "Planen finns inte.");
        if (year is { } y && (y < plan.StartYear || y > plan.EndYear))
            return Error.Validation("follow-up.year-outside-plan", $"Planen gäller {plan.StartYear}–{plan.EndYear}, inte {y}.", "year");

        var list = await db.Set<FollowUpRound>().AsNoTracking()
            .Where(r => r.PlanId == planId && (year == null || r.Year == year))
            .OrderBy(r => r.Year)
            .ToListAsync(ct);
        var built = new List<RoundProgress>();
        var cache = new GetRoundProgress.RollUpCache { Accepted = await rounds.AcceptedEntriesAsync(list.Select(r => r.Id).ToList(), ct) };
        foreach (var round in list) built.Add(await rounds.BuildAsync(round, ct, cache));
        return new PlanProgress(new PlanRef(plan.Id, plan.Title, plan.StartYear, plan.EndYear), ProgressRollUp.Formula,
            built.Select(r => new YearProgress(r.Round.Year, r.Round.Id, r.Round.Status, r.Total.Progress, r.Total.CountedWeight,
                r.Total.TotalWeight, r.Total.Counts)).ToList(),
            built);
    }
}

using Microsoft.EntityFrameworkCore;
using Samverkan.Common;
using Samverkan.Data;
using Samverkan.Organizations;
using Samverkan.Plans;

namespace Samverkan.FollowUp;

/// <summary>
/// One round rolled up: the whole round, each agreement, each collaboration area (the agreements' section headings),
/// each development area and plan goal the commitments are linked to, and each municipality. Every figure carries its
/// calculation and the parts behind it.
/// </summary>
public sealed record RoundProgress(
    RoundRef Round, PlanRef Plan, string Formula, ProgressFigure Total,
    IReadOnlyList<ProgressFigure> Agreements, IReadOnlyList<ProgressFigure> Areas, IReadOnlyList<ProgressFigure> DevelopmentAreas,
    IReadOnlyList<ProgressFigure> Goals, IReadOnlyList<ProgressFigure> Municipalities);

/// <summary>
/// Progress of one round from the answers the region has accepted. Readable by anyone when the plan is public: only
/// accepted answers of signed agreements go in, and those are public on the agreements' pages too.
/// </summary>
public sealed class GetRoundProgress(SamverkanDb db, ActorContext actors, FollowUpStore store) : IUseCase
{
    public async Task<Result<RoundProgress>> ExecuteAsync(Guid roundId, CancellationToken ct = default)
    {
        var round = await store.FindRoundAsync(roundId, ct);
        if (round is null) return FollowUpErrors.RoundNotFound();
        var plan = await db.Plans.AsNoTracking().FirstAsync(p => p.Id == round.PlanId, ct);
        if (!Readable(plan, actors.Current)) return FollowUpErrors.RoundNotFound();
        return await BuildAsync(round, ct);
    }

    /// <summary>A draft plan's follow-up is its region's business until the plan is adopted.</summary>
    internal static bool Readable(CulturePlan plan, Actor actor) => plan.IsPublic || actor.IsOperator || actor.IsStaffOfRegion(plan.RegionId);

    /// <summary>What the rounds of one plan share when rolled up together (<see cref="GetPlanProgress"/>): read once, not once per year.</summary>
    internal sealed class RollUpCache
    {
        public ScopeCache Scope { get; } = new();
        public Dictionary<Guid, (Dictionary<Guid, PlanGoal> Goals, Dictionary<Guid, DevelopmentArea> Areas)> Plans { get; } = [];
        public Dictionary<ScopedCommitment, List<PlanGoal>> Goals { get; } = new(ReferenceEqualityComparer.Instance);

        /// <summary>Accepted answers by round, when read for all the plan's rounds at once.</summary>
        public Dictionary<Guid, Dictionary<(Guid AgreementId, Guid CommitmentId, Guid OrganizationId), AcceptedAnswer>> Accepted { get; set; } = [];
    }

    internal async Task<RoundProgress> BuildAsync(FollowUpRound round, CancellationToken ct, RollUpCache? cache = null)
    {
        cache ??= new RollUpCache();
        var scope = await store.ScopeAsync(round, ct, cache: cache.Scope);
        if (!cache.Accepted.TryGetValue(round.Id, out var accepted))
            accepted = (await AcceptedEntriesAsync([round.Id], ct))[round.Id];
        if (!cache.Plans.TryGetValue(round.PlanId, out var tree))
            cache.Plans[round.PlanId] = tree = (
                await db.PlanGoals.AsNoTracking().Where(g => g.PlanId == round.PlanId).ToDictionaryAsync(g => g.Id, ct),
                await db.DevelopmentAreas.AsNoTracking().Where(a => a.PlanId == round.PlanId).ToDictionaryAsync(a => a.Id, ct));
        var (goals, areas) = tree;

        var rows = new List<(ScopedAgreement Agreement, ScopedCommitment Commitment, ProgressPart Part)>(
            scope.Agreements.Sum(a => a.Commitments.Sum(c => c.Parties.Count)));
        foreach (var a in scope.Agreements)
        {
            var refs = a.Parties.ToDictionary(p => p.Id, FollowUpStore.Ref);
            foreach (var c in a.Commitments)
                foreach (var p in c.Parties)
                    rows.Add((a, c, ProgressRollUp.Part(a.Agreement.Id, a.Agreement.Title, c, refs[p.Id],
                        accepted.TryGetValue((a.Agreement.Id, c.Id, p.Id), out var answer) ? answer : null)));
        }

        var total = ProgressRollUp.Figure("total", $"{scope.Region.DisplayName} {round.Year}", rows.Select(r => r.Part));
        var rowsOf = rows.ToLookup(r => r.Agreement.Agreement.Id, r => r.Part);
        var byAgreement = scope.Agreements
            .Select(a => ProgressRollUp.Figure(a.Agreement.Id.ToString(), a.Agreement.Title, rowsOf[a.Agreement.Id]))
            .ToList();
        var bySection = rows.GroupBy(r => r.Commitment.Section)
            .OrderBySwedish(g => g.Key)
            .Select(g => ProgressRollUp.Figure(g.Key, g.Key.Length == 0 ? "Utan rubrik" : g.Key, g.Select(r => r.Part)))
            .ToList();

        // A commitment linked to a sub-goal also counts for the goals above it, once per goal.
        var goalRows = rows.SelectMany(r => GoalChain(r.Commitment, goals, cache).Select(g => (Goal: g, r.Part))).ToList();
        var byGoal = goalRows.GroupBy(x => x.Goal.Id)
            .Select(g => (Goal: g.First().Goal, Parts: g.Select(x => x.Part)))
            .OrderBy(g => Depth(g.Goal, goals)).ThenBy(g => g.Goal.SortOrder)
            .Select(g => ProgressRollUp.Figure(g.Goal.Id.ToString(), g.Goal.Title, g.Parts))
            .ToList();
        var byDevelopmentArea = goalRows
            .Where(x => x.Goal.DevelopmentAreaId is { } id && areas.ContainsKey(id))
            .GroupBy(x => x.Goal.DevelopmentAreaId!.Value)
            .OrderBy(g => areas[g.Key].SortOrder)
            // A commitment linked to two goals of the same area counts once for the area.
            .Select(g => ProgressRollUp.Figure(g.Key.ToString(), areas[g.Key].Title, g.Select(x => x.Part).Distinct(ReferenceEqualityComparer.Instance).Cast<ProgressPart>()))
            .ToList();

        // A municipality's figure covers its agreements as a whole: its own commitments, the region's and the joint ones.
        var byMunicipality = scope.Agreements
            .SelectMany(a => a.Parties.Where(p => p.Kind == OrganizationKind.Municipality).Select(p => (Municipality: p, Agreement: a)))
            .GroupBy(x => x.Municipality.Id)
            .Select(g => (Municipality: g.First().Municipality, Agreements: g.Select(x => x.Agreement.Agreement.Id).Distinct().ToList()))
            .OrderBySwedish(g => g.Municipality.DisplayName)
            .Select(g => ProgressRollUp.Figure(g.Municipality.Code, g.Municipality.DisplayName, g.Agreements.SelectMany(id => rowsOf[id])))
            .ToList();

        return new RoundProgress(new RoundRef(round.Id, round.Year, round.Deadline, round.Status, round.Instructions),
            GetFollowUpRound.PlanRefOf(scope), ProgressRollUp.Formula, total, byAgreement, bySection, byDevelopmentArea, byGoal, byMunicipality);
    }

    /// <summary>
    /// The rounds' entries whose party's submission the region has accepted (nothing else counts), by round, in one query:
    /// a plan's roll-up reads all its years at once. Only what the arithmetic reads: a national roll-up meets tens of
    /// thousands of entries, and their narratives are most of the bytes.
    /// </summary>
    internal async Task<Dictionary<Guid, Dictionary<(Guid AgreementId, Guid CommitmentId, Guid OrganizationId), AcceptedAnswer>>> AcceptedEntriesAsync(
        IReadOnlyCollection<Guid> roundIds, CancellationToken ct)
    {
        var ids = roundIds.ToList();
        var accepted = db.Set<FollowUpSubmission>().Where(s => ids.Contains(s.RoundId) && s.Status == SubmissionStatuses.Accepted);
        var entries = await db.Set<FollowUpEntry>().AsNoTracking()
            .Where(e => ids.Contains(e.RoundId)
                && accepted.Any(s => s.RoundId == e.RoundId && s.AgreementId == e.AgreementId && s.OrganizationId == e.OrganizationId))
            .Select(e => new { e.RoundId, e.AgreementId, e.CommitmentId, e.OrganizationId, e.Status, e.Progress })
            .ToListAsync(ct);
        var byRound = ids.ToDictionary(id => id, _ => new Dictionary<(Guid, Guid, Guid), AcceptedAnswer>());
        foreach (var e in entries) byRound[e.RoundId][(e.AgreementId, e.CommitmentId, e.OrganizationId)] = new AcceptedAnswer(e.Status, e.Progress);
        return byRound;
    }

    /// <summary>
    /// One round's accepted entries whole — narrative and indicator values too — for the reports, which print them. The
    /// roll-up itself reads only status and progress (<see cref="AcceptedEntriesAsync"/>).
    /// </summary>
    internal async Task<Dictionary<(Guid AgreementId, Guid CommitmentId, Guid OrganizationId), FollowUpEntry>> AcceptedEntriesWithTextAsync(
        Guid roundId, CancellationToken ct)
    {
        var accepted = db.Set<FollowUpSubmission>().Where(s => s.RoundId == roundId && s.Status == SubmissionStatuses.Accepted);
        var entries = await db.Set<FollowUpEntry>().AsNoTracking().Include(e => e.Indicators)
            .Where(e => e.RoundId == roundId && accepted.Any(s => s.AgreementId == e.AgreementId && s.OrganizationId == e.OrganizationId))
            .ToListAsync(ct);
        return entries.ToDictionary(e => (e.AgreementId, e.CommitmentId, e.OrganizationId));
    }

    /// <summary>A commitment's goals and the goals above them, worked out once per commitment (the rounds of a plan share the commitment objects).</summary>
    private static List<PlanGoal> GoalChain(ScopedCommitment commitment, IReadOnlyDictionary<Guid, PlanGoal> goals, RollUpCache cache)
    {
        if (!cache.Goals.TryGetValue(commitment, out var chain))
            cache.Goals[commitment] = chain = GoalsWithAncestors(commitment.GoalIds, goals).ToList();
        return chain;
    }

    private static IEnumerable<PlanGoal> GoalsWithAncestors(IEnumerable<Guid> ids, IReadOnlyDictionary<Guid, PlanGoal> goals)
    {
        var seen = new HashSet<Guid>();
        foreach (var id in ids)
        {
            var goal = goals.GetValueOrDefault(id);
            // Municipal goals and goals of other plans are not in this plan's tree.
            while (goal is not null && seen.Add(goal.Id))
            {
                yield return goal;
                goal = goal.ParentId is { } parent ? goals.GetValueOrDefault(parent) : null;
            }
        }
    }

    private static int Depth(PlanGoal goal, IReadOnlyDictionary<Guid, PlanGoal> goals)
    {
        var depth = 0;
        for (var g = goal; g.ParentId is { } parent && goals.TryGetValue(parent, out var up) && depth < goals.Count; g = up) depth++;
        return depth;
    }
}

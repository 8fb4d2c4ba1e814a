using Microsoft.EntityFrameworkCore;
using Samverkan.Common;
using Samverkan.Data;

namespace Samverkan.FollowUp;

/// <summary>
/// A round with its agreements and, per committing party, where the answer stands: submission status and how many
/// commitments have an entry. The region's staff see every agreement; a party sees its own.
/// </summary>
public sealed class GetFollowUpRound(SamverkanDb db, ActorContext actors, FollowUpStore store) : IUseCase
{
    public async Task<Result<FollowUpRoundView>> ExecuteAsync(Guid roundId, CancellationToken ct = default)
    {
        var actor = actors.Current;
        if (!actor.IsAuthenticated) return Error.Unauthenticated();
        var round = await store.FindRoundAsync(roundId, ct);
        if (round is null) return FollowUpErrors.RoundNotFound();
        var scope = await store.ScopeAsync(round, ct);
        var (agreements, counts) = await ProgressAsync(scope, a => scope.Sees(actor, a), ct);
        return new FollowUpRoundView(round.Id, FollowUpStore.Ref(scope.Region), PlanRefOf(scope), round.Year, round.Deadline, round.Status,
            round.Instructions, round.CreatedAt, round.CreatedByName, round.ClosedAt, round.ClosedByName, scope.IsReviewer(actor), counts, agreements);
    }

    internal static PlanRef PlanRefOf(RoundScope scope) => new(scope.Plan.Id, scope.Plan.Title, scope.Plan.StartYear, scope.Plan.EndYear);

    /// <summary>Per agreement and committing party: submission status and entry counts by status. Shared with the round list.</summary>
    internal async Task<(List<RoundAgreementView> Agreements, SubmissionCounts Counts)> ProgressAsync(
        RoundScope scope, Func<ScopedAgreement, bool> include, CancellationToken ct)
    {
        var round = scope.Round;
        var entries = (await db.Set<FollowUpEntry>().AsNoTracking().Where(e => e.RoundId == round.Id)
                .Select(e => new { e.AgreementId, e.CommitmentId, e.OrganizationId, e.Status }).ToListAsync(ct))
            .ToLookup(e => (e.AgreementId, e.OrganizationId));
        var submissions = await db.Set<FollowUpSubmission>().AsNoTracking().Where(s => s.RoundId == round.Id)
            .ToDictionaryAsync(s => (s.AgreementId, s.OrganizationId), ct);

        var views = new List<RoundAgreementView>();
        foreach (var a in scope.Agreements.Where(include))
        {
            var parties = a.CommittingParties.Select(p =>
            {
                var held = a.HeldBy(p.Id).Select(c => c.Id).ToHashSet();
                var answered = entries[(a.Agreement.Id, p.Id)].Where(e => held.Contains(e.CommitmentId)).ToList();
                var s = submissions.GetValueOrDefault((a.Agreement.Id, p.Id));
                return new PartyProgressView(FollowUpStore.Ref(p), s?.Id, s?.Status ?? SubmissionStatuses.Draft, held.Count, answered.Count,
                    answered.GroupBy(e => e.Status).OrderBy(g => EntryStatuses.All.ToList().IndexOf(g.Key)).ToDictionary(g => g.Key, g => g.Count()),
                    s?.SubmittedAt, FollowUpStore.Late(s, round), s?.ReviewedAt, s?.ReviewComment);
            }).ToList();
            views.Add(new RoundAgreementView(a.Agreement.Id, a.Agreement.Title, a.Agreement.Kind, a.Version,
                a.Parties.Select(FollowUpStore.Ref).ToList(), a.Commitments.Count, parties));
        }
        var all = views.SelectMany(v => v.Submissions).ToList();
        var counts = new SubmissionCounts(all.Count,
            all.Count(p => p.Status == SubmissionStatuses.Draft), all.Count(p => p.Status == SubmissionStatuses.Submitted),
            all.Count(p => p.Status == SubmissionStatuses.Returned), all.Count(p => p.Status == SubmissionStatuses.Accepted));
        return (views, counts);
    }
}

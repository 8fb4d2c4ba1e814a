using Microsoft.EntityFrameworkCore;
using Samverkan.Agreements;
using Samverkan.Common;
using Samverkan.Data;
using Samverkan.Dialogue;

namespace Samverkan.FollowUp;

/// <summary>
/// A commitment's follow-up history across rounds: every change of every committing party's entry (before and after)
/// and the submissions and reviews of those parties' answers, oldest first, beside the dialogue meetings' decisions
/// about it (those minutes the reader may see, newest first). For the agreement's parties and the region's staff.
/// </summary>
public sealed class GetCommitmentTimeline(SamverkanDb db, ActorContext actors) : IUseCase
{
    public async Task<Result<CommitmentTimeline>> ExecuteAsync(Guid commitmentId, Guid? agreementId = null, CancellationToken ct = default)
    {
        var actor = actors.Current;
        if (!actor.IsAuthenticated) return Error.Unauthenticated();
        var records = await db.Set<CommitmentRecord>().AsNoTracking()
            .Where(c => c.Id == commitmentId && (agreementId == null || c.AgreementId == agreementId)).ToListAsync(ct);
        if (records.Count == 0) return FollowUpErrors.CommitmentUnknown(commitmentId);
        if (records.Select(r => r.AgreementId).Distinct().Count() > 1)
            return Error.Validation("follow-up.agreement-required", "Åtagandet finns i flera överenskommelser. Ange vilken (agreement).", "agreement");
        var agreement = await db.Set<Agreement>().AsNoTracking().Include(a => a.Parties).FirstAsync(a => a.Id == records[0].AgreementId, ct);
        var isParty = actor.OrganizationId is { } org && agreement.Parties.Any(p => p.OrganizationId == org);
        if (!isParty && !actor.IsStaffOfRegion(agreement.RegionId) && !actor.IsOperator)
            return agreement.SignedVersion is null
                ? FollowUpErrors.CommitmentUnknown(commitmentId)
                : Error.Forbidden("Uppföljningens historik visas för överenskommelsens parter och regionens handläggare.");

        // The text as it stands in the version in force, else in the latest version that has the commitment.
        var current = records.FirstOrDefault(r => r.Version == agreement.SignedVersion) ?? records.MaxBy(r => r.Version)!;
        var partyIds = agreement.Parties.Select(p => p.OrganizationId).ToList();
        var orgs = await db.Organizations.AsNoTracking().Where(o => partyIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        var holders = records.SelectMany(r => r.PartyCodes.Split(',', StringSplitOptions.RemoveEmptyEntries)).ToHashSet();
        var holderIds = orgs.Values.Where(o => holders.Contains(o.Code)).Select(o => o.Id).ToList();

        var revisions = await db.Set<FollowUpEntryRevision>().AsNoTracking()
            .Where(r => r.CommitmentId == commitmentId && r.AgreementId == agreement.Id).ToListAsync(ct);
        var submissions = await db.Set<FollowUpSubmission>().AsNoTracking()
            .Where(s => s.AgreementId == agreement.Id && holderIds.Contains(s.OrganizationId)).ToListAsync(ct);
        var submissionIds = submissions.Select(s => s.Id).ToList();
        var submissionEvents = await db.Set<FollowUpSubmissionEvent>().AsNoTracking().Where(e => submissionIds.Contains(e.SubmissionId)).ToListAsync(ct);
        var roundIds = revisions.Select(r => r.RoundId).Concat(submissions.Select(s => s.RoundId)).Distinct().ToList();
        var years = await db.Set<FollowUpRound>().AsNoTracking().Where(r => roundIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Year, ct);

        var events = revisions.Select(r => new TimelineEvent(r.At, r.Kind, r.RoundId, years[r.RoundId], FollowUpStore.Ref(orgs[r.OrganizationId]), r.UserName,
                FollowUpStore.ReadSnapshot(r.Before), FollowUpStore.ReadSnapshot(r.After), null))
            .Concat(submissionEvents.Select(e =>
            {
                var s = submissions.Single(x => x.Id == e.SubmissionId);
                return new TimelineEvent(e.At, e.Kind, s.RoundId, years[s.RoundId], FollowUpStore.Ref(orgs[s.OrganizationId]), e.UserName, null, null, e.Comment);
            }))
            .OrderBy(e => e.At).ThenBy(e => FollowUpStore.ReviewAfterSubmit(e.Kind))
            .ToList();
        var version = agreement.SignedVersion ?? agreement.CurrentVersion;
        return new CommitmentTimeline(commitmentId, new AgreementRef(agreement.Id, agreement.Title, version), current.Text,
            orgs.Values.Where(o => current.PartyCodes.Split(',').Contains(o.Code)).Select(FollowUpStore.Ref).ToList(), events,
            await DecisionsAsync(commitmentId, actor, ct));
    }

    private async Task<List<LinkedDecision>> DecisionsAsync(Guid commitmentId, Actor actor, CancellationToken ct)
    {
        var links = await db.Set<DialogueDecisionLink>().AsNoTracking()
            .Where(l => l.TargetKind == DialogueLinkKinds.Commitment && l.TargetId == commitmentId).ToListAsync(ct);
        var meetingIds = links.Select(l => l.MeetingId).Distinct().ToList();
        var meetings = (await db.Set<DialogueMeeting>().AsNoTracking().Where(m => meetingIds.Contains(m.Id)).ToListAsync(ct))
            .Where(m => DialogueAccess.CanRead(actor, m));
        return meetings
            .SelectMany(m =>
            {
                // The link rows are rewritten with the minutes, so the decision's text is read from the same save.
                var linked = links.Where(l => l.MeetingId == m.Id).Select(l => l.DecisionId).ToHashSet();
                return DialogueStore.Parse(m.ContentJson).Decisions.Where(d => linked.Contains(d.Id))
                    .Select(d => new LinkedDecision(m.Id, m.Title, m.Date, m.Status == MinutesStatuses.Approved, d.Id, d.Text));
            })
            .OrderByDescending(d => d.Date).ThenBy(d => d.MeetingTitle, SwedishText.Comparer)
            .ToList();
    }
}

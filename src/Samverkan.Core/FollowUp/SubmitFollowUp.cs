using Microsoft.EntityFrameworkCore;
using Samverkan.Common;
using Samverkan.Data;

namespace Samverkan.FollowUp;

/// <summary>
/// A party's officer submits its answer for one agreement once every commitment it holds has an entry. The region
/// then accepts it or returns it. The region's own answer needs no review by itself and counts as accepted at once.
/// </summary>
public sealed class SubmitFollowUp(SamverkanDb db, ActorContext actors, FollowUpStore store, FollowUpNotifier notify, TimeProvider clock,
    SamverkanMetrics metrics) : IUseCase
{
    public async Task<Result<SubmissionView>> ExecuteAsync(Guid roundId, Guid agreementId, string? partyCode, CancellationToken ct = default)
    {
        var actor = actors.Current;
        if (agreementId == Guid.Empty) return Error.Validation("follow-up.agreement-required", "Ange vilken överenskommelse (agreementId).", "agreementId");
        var found = await store.ForPartyAsync(roundId, agreementId, partyCode, actor, ct);
        if (!found.IsSuccess) return found.Error!;
        var context = found.Value;
        var (round, agreement, party) = (context.Round, context.Agreement, context.Party);
        var held = agreement.HeldBy(party.Id).ToList();
        var submission = await store.SubmissionAsync(round.Id, agreement.Agreement.Id, party.Id, ct, track: true);
        if (FollowUpStore.CheckWrite(context, submission, actor) is { } refused)
            return refused.Code == "follow-up.submission-locked"
                ? Error.Conflict("follow-up.already-submitted", submission!.Status == SubmissionStatuses.Accepted
                    ? "Uppföljningen är redan godkänd."
                    : "Uppföljningen är redan inskickad och väntar på regionens granskning.")
                : refused;
        if (held.Count == 0)
            return Error.Validation("follow-up.nothing-to-submit", $"{party.DisplayName} har inga åtaganden i överenskommelsen att följa upp.", "party");
        var answered = await db.Set<FollowUpEntry>().AsNoTracking()
            .Where(e => e.RoundId == round.Id && e.AgreementId == agreement.Agreement.Id && e.OrganizationId == party.Id)
            .Select(e => e.CommitmentId).ToListAsync(ct);
        var missing = held.Where(c => !answered.Contains(c.Id)).ToList();
        if (missing.Count > 0)
            return Error.Validation("follow-up.entries-missing",
                missing.Count == 1
                    ? $"Ett åtagande saknar uppföljning: \"{Short(missing[0].Text)}\". Ange minst status för varje åtagande."
                    : $"{missing.Count} av {held.Count} åtaganden saknar uppföljning, till exempel \"{Short(missing[0].Text)}\". Ange minst status för varje åtagande.",
                "entries") with
            {
                Extensions = new Dictionary<string, object?> { ["missing"] = missing.Select(c => c.Id).ToList() },
            };

        var now = clock.GetUtcNow().UtcDateTime;
        submission = store.Touch(submission, context, now);
        submission.Status = SubmissionStatuses.Submitted;
        submission.SubmittedAt = now;
        submission.SubmittedByUserId = actor.UserId;
        submission.SubmittedByName = actor.Name;
        submission.ReviewedAt = null;
        submission.ReviewedByUserId = null;
        submission.ReviewedByName = null;
        submission.ReviewComment = null;
        db.Add(new FollowUpSubmissionEvent
        {
            SubmissionId = submission.Id, Kind = SubmissionStatuses.Submitted, At = now, UserId = actor.UserId, UserName = actor.Name,
            OrganizationCode = actor.OrganizationCode,
        });
        if (party.Id == round.RegionId)
        {
            // Reviewing one's own answer would be a formality: the region's entries stand as submitted.
            submission.Status = SubmissionStatuses.Accepted;
            submission.ReviewedAt = now;
            submission.ReviewedByUserId = actor.UserId;
            submission.ReviewedByName = actor.Name;
            db.Add(new FollowUpSubmissionEvent
            {
                SubmissionId = submission.Id, Kind = SubmissionStatuses.Accepted, At = now, UserId = actor.UserId, UserName = actor.Name,
                OrganizationCode = actor.OrganizationCode, Comment = "Regionens egen uppföljning godkänns när den skickas in.",
            });
        }
        else
        {
            notify.Submitted(context);
        }
        if (await SaveFollowUpEntry.SaveAsync(db, ct) is { } conflict) return conflict;
        metrics.FollowUpSubmitted(acceptedAtOnce: submission.Status == SubmissionStatuses.Accepted);
        return await store.SubmissionViewAsync(submission, context, ct);
    }

    private static string Short(string text) => text.Length <= 80 ? text : text[..77] + "…";
}

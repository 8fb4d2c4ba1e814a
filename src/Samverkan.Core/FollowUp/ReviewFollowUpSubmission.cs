using Microsoft.EntityFrameworkCore;
using Samverkan.Common;
using Samverkan.Data;

namespace Samverkan.FollowUp;

public static class ReviewDecisions
{
    public const string Accept = "accept";
    public const string Return = "return";
}

/// <summary>
/// The region's staff accept a submitted answer, or return it with a comment saying what to change; a returned
/// answer can be edited and submitted again while the round is open.
/// </summary>
public sealed class ReviewFollowUpSubmission(SamverkanDb db, ActorContext actors, FollowUpStore store, FollowUpNotifier notify, TimeProvider clock,
    SamverkanMetrics metrics) : IUseCase
{
    public async Task<Result<SubmissionView>> ExecuteAsync(Guid roundId, Guid submissionId, string? decision, string? comment, CancellationToken ct = default)
    {
        var actor = actors.Current;
        if (!actor.IsAuthenticated) return Error.Unauthenticated();
        var round = await store.FindRoundAsync(roundId, ct);
        if (round is null) return FollowUpErrors.RoundNotFound();
        if (!actor.IsStaffOfRegion(round.RegionId)) return Error.Forbidden("Bara regionens handläggare granskar uppföljningen.");
        var submission = await db.Set<FollowUpSubmission>().FirstOrDefaultAsync(s => s.Id == submissionId && s.RoundId == roundId, ct);
        if (submission is null) return Error.NotFound("follow-up.submission-not-found", "Det finns ingen sådan inskickad uppföljning i omgången.");

        var d = decision?.Trim().ToLowerInvariant();
        if (d is not (ReviewDecisions.Accept or ReviewDecisions.Return))
            return Error.Validation("follow-up.decision-invalid", "Beslutet måste vara accept (godkänn) eller return (skicka tillbaka).", "decision");
        var text = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        if (d == ReviewDecisions.Return && text is null)
            return Error.Validation("follow-up.comment-required", "Skriv vad parten ska ändra när du skickar tillbaka uppföljningen.", "comment");
        if (text?.Length > FollowUpLimits.ReviewComment)
            return Error.Validation("follow-up.comment-too-long", $"Kommentaren får vara högst {FollowUpLimits.ReviewComment} tecken.", "comment");
        if (submission.Status != SubmissionStatuses.Submitted)
            return Error.Conflict("follow-up.submission-not-submitted", submission.Status switch
            {
                SubmissionStatuses.Accepted => "Uppföljningen är redan godkänd.",
                SubmissionStatuses.Returned => "Uppföljningen är redan tillbakaskickad och väntar på parten.",
                _ => "Uppföljningen är inte inskickad än.",
            });
        // A returned answer could not be corrected in a closed round; accepting what is in stays possible.
        if (d == ReviewDecisions.Return && round.Status == RoundStatuses.Closed) return FollowUpErrors.RoundClosed(round.Year);

        var scope = await store.ScopeAsync(round, ct, submission.AgreementId);
        var agreement = scope.Find(submission.AgreementId);
        var party = agreement?.Parties.FirstOrDefault(p => p.Id == submission.OrganizationId);
        if (agreement is null || party is null) return FollowUpErrors.AgreementNotInRound();
        var context = new PartyContext(scope, agreement, party);

        var now = clock.GetUtcNow().UtcDateTime;
        submission.Status = d == ReviewDecisions.Accept ? SubmissionStatuses.Accepted : SubmissionStatuses.Returned;
        submission.ReviewedAt = now;
        submission.ReviewedByUserId = actor.UserId;
        submission.ReviewedByName = actor.Name;
        submission.ReviewComment = text;
        submission.Version++;
        db.Add(new FollowUpSubmissionEvent
        {
            SubmissionId = submission.Id, Kind = submission.Status, At = now, UserId = actor.UserId, UserName = actor.Name,
            OrganizationCode = actor.OrganizationCode, Comment = text,
        });
        if (d == ReviewDecisions.Return) notify.Returned(context, text!);
        else notify.Accepted(context);
        if (await SaveFollowUpEntry.SaveAsync(db, ct) is { } conflict) return conflict;
        metrics.FollowUpReviewed(d);
        return await store.SubmissionViewAsync(submission, context, ct);
    }
}

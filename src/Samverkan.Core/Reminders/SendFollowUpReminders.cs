using Microsoft.EntityFrameworkCore;
using Samverkan.Common;
using Samverkan.Data;
using Samverkan.FollowUp;

namespace Samverkan.Reminders;

public sealed record ReminderRun(DateOnly Today, int Rounds, int PartiesReminded);

/// <summary>
/// Reminds, through the outbox, each party of an open round that has not submitted (its answer is a draft, or was
/// returned) when the deadline is some configured number of days away. Of the reminder days already reached, only the
/// nearest is sent: a server that was down on day 14 sends the day-3 reminder, not both. Dates are UTC days, as the
/// round's own deadline checks are.
/// </summary>
public sealed class SendFollowUpReminders(SamverkanDb db, FollowUpStore store, FollowUpNotifier notify, ReminderOptions options, TimeProvider clock) : IUseCase
{
    public async Task<ReminderRun> ExecuteAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var horizon = today.AddDays(options.DaysBefore.Max());
        var rounds = await db.Set<FollowUpRound>().AsNoTracking()
            .Where(r => r.Status == RoundStatuses.Open && r.Deadline >= today && r.Deadline <= horizon)
            .ToListAsync(ct);
        var reminded = 0;
        foreach (var round in rounds.OrderBy(r => r.Deadline))
        {
            // The nearest reminder day already reached (today is at most that many days before the deadline).
            var days = options.DaysBefore.Where(d => round.Deadline.AddDays(-d) <= today).Min();
            var scope = await store.ScopeAsync(round, ct);
            var statuses = await db.Set<FollowUpSubmission>().AsNoTracking().Where(s => s.RoundId == round.Id)
                .ToDictionaryAsync(s => (s.AgreementId, s.OrganizationId), s => s.Status, ct);
            var sent = (await db.Set<FollowUpReminder>().AsNoTracking().Where(r => r.RoundId == round.Id && r.DaysBefore == days)
                .Select(r => new { r.AgreementId, r.OrganizationId }).ToListAsync(ct)).Select(r => (r.AgreementId, r.OrganizationId)).ToHashSet();
            var count = 0;
            foreach (var agreement in scope.Agreements)
            foreach (var party in agreement.CommittingParties)
            {
                var key = (agreement.Agreement.Id, party.Id);
                if (sent.Contains(key)) continue;
                if (statuses.TryGetValue(key, out var status) && status is SubmissionStatuses.Submitted or SubmissionStatuses.Accepted) continue;
                notify.DeadlineNearing(new PartyContext(scope, agreement, party));
                db.Add(new FollowUpReminder { RoundId = round.Id, AgreementId = key.Item1, OrganizationId = party.Id, DaysBefore = days, SentAt = now });
                count++;
            }
            if (count == 0) continue;
            try
            {
                await db.SaveChangesAsync(ct);
                reminded += count;
            }
            catch (DbUpdateException)
            {
                // Another server reminded the same parties at the same moment: its reminders stand, ours are dropped whole.
                db.ChangeTracker.Clear();
            }
        }
        return new ReminderRun(today, rounds.Count, reminded);
    }
}

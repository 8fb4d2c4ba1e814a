using Microsoft.EntityFrameworkCore;
using Samverkan.Common;
using Samverkan.Data;

namespace Samverkan.Dialogue;

/// <summary>
/// Approves (justerar) the minutes: from now on they are a public record, and every change is a new revision with
/// a note. The approved text is kept as revision 1.
/// </summary>
public sealed class ApproveDialogueMeeting(SamverkanDb db, ActorContext actors, DialogueStore store, TimeProvider clock) : IUseCase
{
    public async Task<Result<DialogueMeetingView>> ExecuteAsync(Guid id, int? version, CancellationToken ct = default)
    {
        var actor = actors.Current;
        var meeting = await db.Set<DialogueMeeting>().FirstOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null || !DialogueAccess.CanRead(actor, meeting))
            return actor.IsAuthenticated ? DialogueAccess.NotFound() : Error.Unauthenticated();
        if (actor.Require(DialogueAccess.CanWrite(actor, meeting)) is { } denied) return denied;
        if (meeting.Status == MinutesStatuses.Approved)
            return Error.Conflict("dialogue.already-approved", "Protokollet är redan justerat.");
        if (version is not { } v)
            return Error.Validation("request.version-required", "Ange vilken version du justerar (fältet version eller If-Match).", "version");
        if (v != meeting.Version) return UpdateDialogueMeeting.Stale(meeting.Version, v);

        var now = clock.GetUtcNow().UtcDateTime;
        meeting.Status = MinutesStatuses.Approved;
        meeting.ApprovedAt = now;
        meeting.ApprovedByName = actor.Name;
        meeting.Revision = 1;
        meeting.Version++;
        db.Add(DialogueStore.Snapshot(meeting, DialogueMeetingRevision.RevisionKinds.Approved, actor, now, null));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (Data.NulInTextException.In(e) is null) // a NUL is bad input (Data/NulGuard), not a conflict
        {
            db.ChangeTracker.Clear();
            return UpdateDialogueMeeting.Stale(meeting.Version, v);
        }
        return await store.ViewAsync(meeting, actor, ct);
    }
}

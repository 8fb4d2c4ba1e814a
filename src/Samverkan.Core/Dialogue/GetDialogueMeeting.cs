using Microsoft.EntityFrameworkCore;
using Samverkan.Common;
using Samverkan.Data;

namespace Samverkan.Dialogue;

/// <summary>A meeting's minutes as they stand, or as an earlier revision of the approved minutes (<paramref name="revision"/>).</summary>
public sealed class GetDialogueMeeting(SamverkanDb db, ActorContext actors, DialogueStore store) : IUseCase
{
    public async Task<Result<DialogueMeetingView>> ExecuteAsync(Guid id, int? revision = null, CancellationToken ct = default)
    {
        var actor = actors.Current;
        var meeting = await db.Set<DialogueMeeting>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);
        // A draft is not there for those who may not read it; anonymous visitors are asked to sign in first.
        if (meeting is null) return DialogueAccess.NotFound();
        if (!DialogueAccess.CanRead(actor, meeting)) return actor.IsAuthenticated ? DialogueAccess.NotFound() : Error.Unauthenticated();
        if (revision is null) return await store.ViewAsync(meeting, actor, ct);
        var shown = await db.Set<DialogueMeetingRevision>().AsNoTracking().FirstOrDefaultAsync(r => r.MeetingId == id && r.Number == revision, ct);
        if (shown is null) return Error.NotFound("dialogue.revision-not-found", $"Protokollet har ingen revision {revision}.");
        return await store.ViewAsync(meeting, actor, ct, shown);
    }
}

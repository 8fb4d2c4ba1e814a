using Microsoft.EntityFrameworkCore;
using Samverkan.Common;
using Samverkan.Data;

namespace Samverkan.Dialogue;

/// <param name="ChangeNote">Why approved minutes are changed; required once they are approved.</param>
public sealed record UpdateDialogueMeetingCommand(Guid Id, int? Version, DialogueMeetingInput Input, string? ChangeNote = null);

/// <summary>
/// Changes a meeting's minutes. A draft is changed in place (the audit log keeps the before and after); approved
/// minutes are never changed silently: the change needs a note saying why and becomes a new revision, kept beside
/// the earlier ones.
/// </summary>
public sealed class UpdateDialogueMeeting(SamverkanDb db, ActorContext actors, DialogueStore store, TimeProvider clock) : IUseCase
{
    public async Task<Result<DialogueMeetingView>> ExecuteAsync(UpdateDialogueMeetingCommand command, CancellationToken ct = default)
    {
        var actor = actors.Current;
        var meeting = await db.Set<DialogueMeeting>().FirstOrDefaultAsync(m => m.Id == command.Id, ct);
        if (meeting is null || !DialogueAccess.CanRead(actor, meeting))
            return actor.IsAuthenticated ? DialogueAccess.NotFound() : Error.Unauthenticated();
        if (actor.Require(DialogueAccess.CanWrite(actor, meeting)) is { } denied) return denied;
        if (command.Version is not { } version)
            return Error.Validation("request.version-required", "Ange vilken version du utgår från (fältet version eller If-Match).", "version");
        if (version != meeting.Version) return Stale(meeting.Version, version);

        var approved = meeting.Status == MinutesStatuses.Approved;
        var note = DialogueStore.Blank(command.ChangeNote);
        if (note?.Length > DialogueLimits.ChangeNote)
            return Error.Validation("dialogue.change-note-too-long", $"Motiveringen får vara högst {DialogueLimits.ChangeNote} tecken.", "changeNote");
        var region = await db.Organizations.AsNoTracking().FirstAsync(o => o.Id == meeting.RegionId, ct);
        var checkedInput = await store.CheckAsync(region, meeting, command.Input, ct);
        if (!checkedInput.IsSuccess) return checkedInput.Error!;
        var c = checkedInput.Value;
        if (DialogueStore.Unchanged(meeting, c)) return await store.ViewAsync(meeting, actor, ct);
        if (approved && note is null)
            return Error.Validation("dialogue.change-note-required",
                "Protokollet är justerat. Skriv varför det ändras: ändringen sparas som en ny revision och den justerade versionen finns kvar.", "changeNote");

        var now = clock.GetUtcNow().UtcDateTime;
        store.Apply(meeting, c);
        meeting.UpdatedAt = now;
        meeting.UpdatedByUserId = actor.UserId;
        meeting.UpdatedByName = actor.Name;
        meeting.Version++;
        if (approved)
        {
            meeting.Revision++;
            db.Add(DialogueStore.Snapshot(meeting, DialogueMeetingRevision.RevisionKinds.Amended, actor, now, note));
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (Data.NulInTextException.In(e) is null) // a NUL is bad input (Data/NulGuard), not a conflict
        {
            // The version token, or the unique revision number, was taken by a save at the same moment.
            db.ChangeTracker.Clear();
            return Stale(meeting.Version, version);
        }
        return await store.ViewAsync(meeting, actor, ct);
    }

    internal static Error Stale(int current, int yours) =>
        Error.Conflict("dialogue.stale", $"Mötet har ändrats av någon annan sedan du började (du utgick från version {yours}). "
            + "Inget av ditt har sparats. Ladda om och gör om ändringen.") with
        {
            Extensions = new Dictionary<string, object?> { ["yourVersion"] = yours },
        };
}

using Samverkan.Common;
using Samverkan.Data;

namespace Samverkan.Dialogue;

public sealed record CreateDialogueMeetingCommand(string? Region, DialogueMeetingInput Input);

/// <summary>
/// Records a dialogue meeting as draft minutes: the region's staff for either kind, a municipality's officers for
/// their own municipal dialogue. Approved with <see cref="ApproveDialogueMeeting"/>.
/// </summary>
public sealed class CreateDialogueMeeting(SamverkanDb db, ActorContext actors, DialogueStore store, TimeProvider clock) : IUseCase
{
    public async Task<Result<DialogueMeetingView>> ExecuteAsync(CreateDialogueMeetingCommand command, CancellationToken ct = default)
    {
        var actor = actors.Current;
        if (!actor.IsAuthenticated) return Error.Unauthenticated();
        if (string.IsNullOrWhiteSpace(command.Region))
            return Error.Validation("dialogue.region-required", "Ange vilken region mötet hör till (region=20).", "region");
        var region = await store.RegionAsync(command.Region, ct);
        if (region is null) return Error.NotFound("region.not-found", $"Det finns ingen region med kod {command.Region}.");
        // Whoever may write neither kind for this region is refused before the content is read.
        if (!actor.IsStaffOfRegion(region.Id) && !(actor.Role == Roles.MunicipalityOfficer && actor.CountyCode == region.CountyCode))
            return Error.Forbidden("Bara regionens handläggare och kommunernas kulturhandläggare i länet kan föra protokoll från dialogmöten.");

        var checkedInput = await store.CheckAsync(region, null, command.Input, ct);
        if (!checkedInput.IsSuccess) return checkedInput.Error!;
        var c = checkedInput.Value;
        if (!DialogueAccess.CanWrite(actor, c.Kind, region.Id, c.Municipality?.Id))
            return Error.Forbidden(c.Kind == DialogueKinds.RegionalForum
                ? "Bara regionens handläggare för protokoll från den regionala kulturdialogen."
                : "En kommun för bara protokoll från sin egen dialog med regionen.");

        var now = clock.GetUtcNow().UtcDateTime;
        var meeting = new DialogueMeeting
        {
            RegionId = region.Id, Kind = c.Kind, MunicipalityId = c.Municipality?.Id, Title = c.Title, ContentJson = "{}",
            Status = MinutesStatuses.Draft, CreatedAt = now, CreatedByUserId = actor.UserId, CreatedByName = actor.Name,
            UpdatedAt = now, UpdatedByUserId = actor.UserId, UpdatedByName = actor.Name,
        };
        db.Add(meeting);
        store.Apply(meeting, c);
        await db.SaveChangesAsync(ct);
        return await store.ViewAsync(meeting, actor, ct);
    }
}

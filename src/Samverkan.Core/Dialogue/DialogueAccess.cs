using Samverkan.Common;

namespace Samverkan.Dialogue;

/// <summary>
/// Who may write and read a meeting's minutes. The region's staff write both kinds; the officers of the municipality
/// write their own municipal dialogue; only the region's staff write the regional forum. Approved minutes are public
/// records; a draft is seen by the accounts of the region and, for a municipal dialogue, of the municipality.
/// </summary>
public static class DialogueAccess
{
    public static bool CanWrite(Actor actor, string kind, Guid regionId, Guid? municipalityId) =>
        actor.IsStaffOfRegion(regionId)
        || (kind == DialogueKinds.MunicipalDialogue && municipalityId is { } m && actor.ActsFor(m));

    public static bool CanWrite(Actor actor, DialogueMeeting meeting) => CanWrite(actor, meeting.Kind, meeting.RegionId, meeting.MunicipalityId);

    public static bool CanRead(Actor actor, DialogueMeeting meeting) =>
        meeting.Status == MinutesStatuses.Approved || actor.IsOperator || actor.OrganizationId == meeting.RegionId
        || (meeting.MunicipalityId is { } m && actor.OrganizationId == m);

    public static Error NotFound() => Error.NotFound("dialogue.not-found", "Mötet finns inte.");
}

using Microsoft.EntityFrameworkCore;
using Samverkan.Common;
using Samverkan.Data;
using Samverkan.Organizations;

namespace Samverkan.Dialogue;

/// <summary>A region's dialogue meetings of a year (or all years), oldest first: approved minutes for everyone, drafts for those who may read them.</summary>
public sealed class ListDialogueMeetings(SamverkanDb db, ActorContext actors, DialogueStore store) : IUseCase
{
    public async Task<Result<IReadOnlyList<DialogueMeetingSummary>>> ExecuteAsync(
        string? regionCode, int? year = null, string? municipalityCode = null, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(regionCode))
            return Error.Validation("dialogue.region-required", "Ange vilken region (region=20).", "region");
        var region = await store.RegionAsync(regionCode, ct);
        if (region is null) return Error.NotFound("region.not-found", $"Det finns ingen region med kod {regionCode}.");
        if (year is < 2000 or > 2100) return Error.Validation("dialogue.year-invalid", "Året måste ligga mellan 2000 och 2100.", "year");
        Guid? municipalityId = null;
        if (!string.IsNullOrWhiteSpace(municipalityCode))
        {
            var municipality = await db.Organizations.AsNoTracking()
                .FirstOrDefaultAsync(o => o.Code == municipalityCode.Trim() && o.Kind == OrganizationKind.Municipality, ct);
            if (municipality is null) return Error.NotFound("municipality.not-found", $"Det finns ingen kommun med kod {municipalityCode}.");
            municipalityId = municipality.Id;
        }

        var query = db.Set<DialogueMeeting>().AsNoTracking().Where(m => m.RegionId == region.Id);
        if (year is { } y) query = query.Where(m => m.Date >= new DateOnly(y, 1, 1) && m.Date <= new DateOnly(y, 12, 31));
        if (municipalityId is { } mid) query = query.Where(m => m.MunicipalityId == mid);
        var meetings = (await query.ToListAsync(ct)).Where(m => DialogueAccess.CanRead(actors.Current, m)).ToList();
        var municipalityIds = meetings.Select(m => m.MunicipalityId).OfType<Guid>().Distinct().ToList();
        var names = await db.Organizations.AsNoTracking().Where(o => municipalityIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        return meetings.OrderBy(m => m.Date).ThenBy(m => m.CreatedAt).Select(m =>
        {
            var content = DialogueStore.Parse(m.ContentJson);
            return new DialogueMeetingSummary(m.Id, m.Kind, DialogueKinds.SwedishName(m.Kind), m.Title, m.Date, m.Place,
                m.MunicipalityId is { } id ? DialogueStore.Ref(names[id]) : null, m.Status, MinutesStatuses.SwedishName(m.Status), m.Revision,
                content.Agenda.Count, content.Decisions.Count);
        }).ToList();
    }
}

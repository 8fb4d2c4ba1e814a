using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Samverkan.Agreements;
using Samverkan.Common;
using Samverkan.Data;
using Samverkan.Organizations;
using Samverkan.Plans;

namespace Samverkan.Dialogue;

/// <summary>
/// Checking a meeting as sent, writing it onto the entity, and reading it back as a view. The use cases and the demo
/// data share it, so a meeting is checked and stored the same way wherever it is written.
/// </summary>
public sealed class DialogueStore(SamverkanDb db)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        // Keep å, ä, ö readable in the stored JSON and the audit log.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>A meeting's fields after checking: ready to be written.</summary>
    public sealed record Checked(
        string Kind, Organization? Municipality, string Title, DateOnly Date, string? Place, DialogueContent Content,
        IReadOnlyList<DialogueDecisionLink> Links)
    {
        public string ContentJson => JsonSerializer.Serialize(Content, Json);
    }

    public static DialogueContent Parse(string json) => JsonSerializer.Deserialize<DialogueContent>(json, Json) ?? new DialogueContent();

    public async Task<Organization?> RegionAsync(string? code, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(code) ? null
            : await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Code == code.Trim() && o.Kind == OrganizationKind.Region, ct);

    /// <summary>
    /// Checks everything sent. For an existing meeting, kind and municipality are fixed (the right to write follows
    /// them) and decisions keep their ids.
    /// </summary>
    public async Task<Result<Checked>> CheckAsync(Organization region, DialogueMeeting? existing, DialogueMeetingInput input, CancellationToken ct)
    {
        input = input.WithoutNullEntries();
        var kindText = input.Kind?.Trim().ToLowerInvariant();
        string kind;
        if (existing is not null)
        {
            if (!string.IsNullOrEmpty(kindText) && kindText != existing.Kind)
                return Error.Validation("dialogue.kind-fixed", "Ett mötes slag kan inte ändras. Skapa ett nytt möte i stället.", "kind");
            kind = existing.Kind;
        }
        else if (kindText is null or "")
            return Error.Validation("dialogue.kind-required", $"Ange slag av möte: {string.Join(" eller ", DialogueKinds.All)}.", "kind");
        else if (!DialogueKinds.All.Contains(kindText))
            return Error.Validation("dialogue.kind-invalid", $"Okänt slag av möte '{input.Kind}'. Möjliga: {string.Join(", ", DialogueKinds.All)}.", "kind");
        else kind = kindText;

        Organization? municipality = null;
        var municipalityCode = string.IsNullOrWhiteSpace(input.Municipality) ? null : input.Municipality.Trim();
        if (kind == DialogueKinds.RegionalForum)
        {
            if (municipalityCode is not null)
                return Error.Validation("dialogue.municipality-not-allowed",
                    "Den regionala kulturdialogen hålls med alla kommuner och har ingen egen kommun. Lämna kommun tom.", "municipality");
        }
        else if (existing is not null)
        {
            municipality = await db.Organizations.AsNoTracking().FirstAsync(o => o.Id == existing.MunicipalityId, ct);
            if (municipalityCode is not null && municipalityCode != municipality.Code)
                return Error.Validation("dialogue.municipality-fixed", "Kommunen i en kommundialog kan inte ändras. Skapa ett nytt möte i stället.", "municipality");
        }
        else
        {
            if (municipalityCode is null)
                return Error.Validation("dialogue.municipality-required", "Ange vilken kommun dialogen hålls med (kommunkod).", "municipality");
            municipality = await db.Organizations.AsNoTracking()
                .FirstOrDefaultAsync(o => o.Code == municipalityCode && o.Kind == OrganizationKind.Municipality, ct);
            if (municipality is null)
                return Error.Validation("dialogue.municipality-unknown", $"Det finns ingen kommun med kod {municipalityCode}.", "municipality");
            if (municipality.CountyCode != region.CountyCode)
                return Error.Validation("dialogue.municipality-outside-region",
                    $"{municipality.DisplayName} ligger inte i {region.DisplayName}s län.", "municipality");
        }

        if (input.Date is not { } date) return Error.Validation("dialogue.date-required", "Ange mötets datum.", "date");
        if (date.Year is < 2000 or > 2100) return Error.Validation("dialogue.date-invalid", "Mötets datum måste ligga mellan år 2000 och 2100.", "date");
        var place = Blank(input.Place);
        if (place?.Length > DialogueLimits.Place)
            return Error.Validation("dialogue.place-too-long", $"Platsen får vara högst {DialogueLimits.Place} tecken.", "place");
        var title = Blank(input.Title) ?? DefaultTitle(kind, region, municipality, date);
        if (title.Length > DialogueLimits.Title)
            return Error.Validation("dialogue.title-too-long", $"Rubriken får vara högst {DialogueLimits.Title} tecken.", "title");

        // Participating organizations: the ones named, then any a person is said to come from; the parties of a
        // municipal dialogue are always there.
        var codes = new List<string> { region.Code };
        if (municipality is not null) codes.Add(municipality.Code);
        var named = input.Organizations ?? [];
        for (var i = 0; i < named.Count; i++)
        {
            var code = named[i]?.Trim() ?? "";
            if (code.Length == 0) continue;
            if (!codes.Contains(code)) codes.Add(code);
        }
        var people = input.People ?? [];
        if (people.Count > DialogueLimits.People)
            return Error.Validation("dialogue.people-too-many", $"Högst {DialogueLimits.People} deltagare.", "people");
        foreach (var person in people)
            if (Blank(person.Organization) is { } code && !codes.Contains(code)) codes.Add(code);
        if (codes.Count > DialogueLimits.Organizations)
            return Error.Validation("dialogue.organizations-too-many", $"Högst {DialogueLimits.Organizations} deltagande organisationer.", "organizations");
        var known = await db.Organizations.AsNoTracking().Where(o => codes.Contains(o.Code)).Select(o => o.Code).ToListAsync(ct);
        for (var i = 0; i < named.Count; i++)
            if (Blank(named[i]) is { } code && !known.Contains(code))
                return Error.Validation("dialogue.organization-unknown", $"Det finns ingen organisation med kod '{code}'.", $"organizations[{i}]");

        var participants = new List<DialogueParticipant>();
        for (var i = 0; i < people.Count; i++)
        {
            var p = people[i];
            var name = Blank(p.Name);
            var role = Blank(p.Role);
            var org = Blank(p.Organization);
            if (name is null && role is null && org is null) continue;
            if (name is null) return Error.Validation("dialogue.participant-name-required", $"Deltagare {i + 1} saknar namn.", $"people[{i}].name");
            if (name.Length > DialogueLimits.Name)
                return Error.Validation("dialogue.participant-name-too-long", $"Ett namn får vara högst {DialogueLimits.Name} tecken.", $"people[{i}].name");
            if (role?.Length > DialogueLimits.Role)
                return Error.Validation("dialogue.participant-role-too-long", $"En roll får vara högst {DialogueLimits.Role} tecken.", $"people[{i}].role");
            if (org is not null && !known.Contains(org))
                return Error.Validation("dialogue.participant-organization-unknown", $"{name}: det finns ingen organisation med kod '{org}'.",
                    $"people[{i}].organization");
            participants.Add(new DialogueParticipant(name, role, org));
        }

        var agendaInput = input.Agenda ?? [];
        if (agendaInput.Count > DialogueLimits.AgendaItems)
            return Error.Validation("dialogue.agenda-too-long", $"Högst {DialogueLimits.AgendaItems} punkter på dagordningen.", "agenda");
        var agenda = new List<DialogueAgendaItem>();
        for (var i = 0; i < agendaInput.Count; i++)
        {
            var itemTitle = Blank(agendaInput[i].Title);
            var itemNotes = Blank(agendaInput[i].Notes);
            if (itemTitle is null && itemNotes is null) continue;
            if (itemTitle is null)
                return Error.Validation("dialogue.agenda-title-required", $"Punkt {i + 1} på dagordningen saknar rubrik.", $"agenda[{i}].title");
            if (itemTitle.Length > DialogueLimits.AgendaTitle)
                return Error.Validation("dialogue.agenda-title-too-long", $"En punkts rubrik får vara högst {DialogueLimits.AgendaTitle} tecken.", $"agenda[{i}].title");
            if (itemNotes?.Length > DialogueLimits.AgendaNotes)
                return Error.Validation("dialogue.agenda-notes-too-long",
                    $"Anteckningarna till punkt {i + 1} får vara högst {DialogueLimits.AgendaNotes} tecken (nu {itemNotes.Length}).", $"agenda[{i}].notes");
            agenda.Add(new DialogueAgendaItem(itemTitle, itemNotes));
        }

        var notes = Blank(input.Notes);
        if (notes?.Length > DialogueLimits.Notes)
            return Error.Validation("dialogue.notes-too-long", $"Anteckningarna får vara högst {DialogueLimits.Notes} tecken (nu {notes.Length}).", "notes");

        var decisionResult = await CheckDecisionsAsync(region, municipality, existing, input.Decisions ?? [], ct);
        if (!decisionResult.IsSuccess) return decisionResult.Error!;
        var (decisions, links) = decisionResult.Value;

        var content = new DialogueContent { Organizations = codes, People = participants, Agenda = agenda, Notes = notes, Decisions = decisions };
        return new Checked(kind, municipality, title, date, place, content, links);
    }

    private async Task<Result<(List<DialogueDecision>, List<DialogueDecisionLink>)>> CheckDecisionsAsync(
        Organization region, Organization? municipality, DialogueMeeting? existing, IReadOnlyList<DecisionInput> input, CancellationToken ct)
    {
        if (input.Count > DialogueLimits.Decisions)
            return Error.Validation("dialogue.decisions-too-many", $"Högst {DialogueLimits.Decisions} beslut per möte.", "decisions");
        var earlier = existing is null ? [] : Parse(existing.ContentJson).Decisions;
        var earlierIds = earlier.Select(d => d.Id).ToHashSet();
        var commitmentIds = input.SelectMany(d => d.Commitments ?? []).Distinct().ToList();
        var goalIds = input.SelectMany(d => d.Goals ?? []).Distinct().ToList();
        var allowedCommitments = (await LinkableCommitmentsAsync(region, municipality, commitmentIds, ct)).ToHashSet();
        var allowedGoals = (await db.PlanGoals.AsNoTracking()
            .Where(g => goalIds.Contains(g.Id))
            .Join(db.Plans.Where(p => p.RegionId == region.Id && p.Status != PlanStatus.Draft), g => g.PlanId, p => p.Id, (g, _) => g.Id)
            .ToListAsync(ct)).ToHashSet();

        var decisions = new List<DialogueDecision>();
        var links = new List<DialogueDecisionLink>();
        var used = new HashSet<Guid>();
        for (var i = 0; i < input.Count; i++)
        {
            var d = input[i];
            var text = Blank(d.Text);
            var commitments = (d.Commitments ?? []).Where(c => c != Guid.Empty).Distinct().ToList();
            var goals = (d.Goals ?? []).Where(g => g != Guid.Empty).Distinct().ToList();
            if (text is null && commitments.Count == 0 && goals.Count == 0) continue;
            if (text is null) return Error.Validation("dialogue.decision-text-required", $"Beslut {i + 1} saknar text.", $"decisions[{i}].text");
            if (text.Length > DialogueLimits.DecisionText)
                return Error.Validation("dialogue.decision-text-too-long", $"Ett beslut får vara högst {DialogueLimits.DecisionText} tecken.", $"decisions[{i}].text");
            if (commitments.Count + goals.Count > DialogueLimits.LinksPerDecision)
                return Error.Validation("dialogue.decision-links-too-many", $"Ett beslut kan kopplas till högst {DialogueLimits.LinksPerDecision} åtaganden och mål.",
                    $"decisions[{i}].commitments");
            if (commitments.FirstOrDefault(c => !allowedCommitments.Contains(c)) is var badCommitment && badCommitment != Guid.Empty)
                return Error.Validation("dialogue.commitment-unknown", municipality is null
                        ? $"Beslut {i + 1}: åtagandet {badCommitment} finns inte i någon av regionens undertecknade överenskommelser."
                        : $"Beslut {i + 1}: åtagandet {badCommitment} finns inte i någon undertecknad överenskommelse mellan regionen och {municipality.DisplayName}.",
                    $"decisions[{i}].commitments");
            if (goals.FirstOrDefault(g => !allowedGoals.Contains(g)) is var badGoal && badGoal != Guid.Empty)
                return Error.Validation("dialogue.goal-unknown", $"Beslut {i + 1}: målet {badGoal} finns inte i någon av regionens antagna kulturplaner.",
                    $"decisions[{i}].goals");
            // A decision keeps its id across edits: the one sent back, or (from a client that sends none) the earlier decision
            // with the same words. An id the meeting never had, or one given twice, gets a new one.
            var kept = d.Id ?? earlier.FirstOrDefault(e => e.Text == text && !used.Contains(e.Id))?.Id;
            var id = kept is { } given && earlierIds.Contains(given) && used.Add(given) ? given : Guid.CreateVersion7();
            used.Add(id);
            decisions.Add(new DialogueDecision(id, text, commitments, goals));
            links.AddRange(commitments.Select(c => new DialogueDecisionLink { DecisionId = id, TargetKind = DialogueLinkKinds.Commitment, TargetId = c }));
            links.AddRange(goals.Select(g => new DialogueDecisionLink { DecisionId = id, TargetKind = DialogueLinkKinds.Goal, TargetId = g }));
        }
        return (decisions, links);
    }

    /// <summary>
    /// Of the given commitment ids, those a decision may point to: commitments of the region's signed agreements (public
    /// records, so the link shows nothing secret), and for a municipal dialogue only agreements the municipality is party to.
    /// </summary>
    private async Task<List<Guid>> LinkableCommitmentsAsync(Organization region, Organization? municipality, List<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        var agreements = db.Set<Agreement>().Where(a => a.RegionId == region.Id && a.SignedVersion != null);
        if (municipality is not null) agreements = agreements.Where(a => a.Parties.Any(p => p.OrganizationId == municipality.Id));
        return await db.Set<CommitmentRecord>().AsNoTracking()
            .Where(c => ids.Contains(c.Id))
            .Join(agreements, c => c.AgreementId, a => a.Id, (c, _) => c.Id)
            .Distinct().ToListAsync(ct);
    }

    public static string DefaultTitle(string kind, Organization region, Organization? municipality, DateOnly date) =>
        kind == DialogueKinds.RegionalForum
            ? $"Regional kulturdialog {date.Year}"
            : $"Kulturdialog {region.DisplayName} och {municipality?.DisplayName} {date.Year}";

    /// <summary>Writes checked fields onto the meeting and replaces its decision links.</summary>
    public void Apply(DialogueMeeting meeting, Checked c)
    {
        meeting.Title = c.Title;
        meeting.Date = c.Date;
        meeting.Place = c.Place;
        meeting.ContentJson = c.ContentJson;
        db.Set<DialogueDecisionLink>().RemoveRange(db.Set<DialogueDecisionLink>().Where(l => l.MeetingId == meeting.Id));
        foreach (var link in c.Links)
        {
            link.MeetingId = meeting.Id;
            db.Add(link);
        }
    }

    /// <summary>Whether the checked fields say the same as what the meeting holds now.</summary>
    public static bool Unchanged(DialogueMeeting meeting, Checked c) =>
        meeting.Title == c.Title && meeting.Date == c.Date && meeting.Place == c.Place && meeting.ContentJson == c.ContentJson;

    public static DialogueMeetingRevision Snapshot(DialogueMeeting meeting, string kind, Actor actor, DateTime at, string? note) => new()
    {
        MeetingId = meeting.Id, Number = meeting.Revision, Kind = kind, At = at, UserId = actor.UserId, UserName = actor.Name,
        OrganizationCode = actor.OrganizationCode, Note = note, Title = meeting.Title, Date = meeting.Date, Place = meeting.Place,
        ContentJson = meeting.ContentJson,
    };

    /// <summary>The meeting as people read it: organizations, commitments and goals resolved to names and titles.</summary>
    public async Task<DialogueMeetingView> ViewAsync(DialogueMeeting meeting, Actor actor, CancellationToken ct, DialogueMeetingRevision? shown = null)
    {
        var content = Parse(shown?.ContentJson ?? meeting.ContentJson);
        var codes = content.Organizations.Concat(content.People.Select(p => p.Organization).OfType<string>()).Distinct().ToList();
        var orgIds = new[] { meeting.RegionId, meeting.MunicipalityId ?? Guid.Empty };
        var orgs = await db.Organizations.AsNoTracking().Where(o => codes.Contains(o.Code) || orgIds.Contains(o.Id)).ToListAsync(ct);
        var byCode = orgs.GroupBy(o => o.Code).ToDictionary(g => g.Key, g => g.First());
        OrganizationRef RefOf(string code) => byCode.TryGetValue(code, out var o) ? Ref(o) : new OrganizationRef(code, code);
        var region = orgs.First(o => o.Id == meeting.RegionId);
        var municipality = orgs.FirstOrDefault(o => o.Id == meeting.MunicipalityId);

        var commitmentIds = content.Decisions.SelectMany(d => d.Commitments).Distinct().ToList();
        var commitments = await CommitmentsAsync(commitmentIds, ct);
        var goalIds = content.Decisions.SelectMany(d => d.Goals).Distinct().ToList();
        var goals = (await db.PlanGoals.AsNoTracking().Where(g => goalIds.Contains(g.Id))
                .Join(db.Plans, g => g.PlanId, p => p.Id, (g, p) => new LinkedGoal(g.Id, p.Id, p.Title, g.Title)).ToListAsync(ct))
            .ToDictionary(g => g.Id);

        var revisions = await db.Set<DialogueMeetingRevision>().AsNoTracking().Where(r => r.MeetingId == meeting.Id)
            .OrderBy(r => r.Number)
            .Select(r => new RevisionSummary(r.Number, r.Kind, r.At, r.UserName, r.OrganizationCode, r.Note))
            .ToListAsync(ct);
        var isLatest = shown is null || shown.Number == meeting.Revision;
        return new DialogueMeetingView(
            meeting.Id, Ref(region), meeting.Kind, DialogueKinds.SwedishName(meeting.Kind), shown?.Title ?? meeting.Title, shown?.Date ?? meeting.Date,
            shown is null ? meeting.Place : shown.Place, municipality is null ? null : Ref(municipality),
            meeting.Status, MinutesStatuses.SwedishName(meeting.Status), meeting.Version, meeting.Revision,
            content.Organizations.Select(RefOf).ToList(),
            content.People.Select(p => new ParticipantView(p.Name, p.Role, p.Organization is null ? null : RefOf(p.Organization))).ToList(),
            content.Agenda.Select((a, i) => new AgendaItemView(i + 1, a.Title, a.Notes)).ToList(),
            content.Notes,
            content.Decisions.Select((d, i) => new DecisionView(d.Id, i + 1, d.Text,
                d.Commitments.Select(c => commitments.GetValueOrDefault(c) ?? new LinkedCommitment(c, Guid.Empty, "", "(åtagandet finns inte längre)")).ToList(),
                d.Goals.Select(g => goals.GetValueOrDefault(g) ?? new LinkedGoal(g, Guid.Empty, "", "(målet finns inte längre)")).ToList())).ToList(),
            meeting.CreatedAt, meeting.CreatedByName, shown?.At ?? meeting.UpdatedAt, shown?.UserName ?? meeting.UpdatedByName,
            meeting.ApprovedAt, meeting.ApprovedByName, revisions,
            isLatest && DialogueAccess.CanWrite(actor, meeting), shown?.Number);
    }

    /// <summary>Each commitment as its agreement's signed version words it (the newest version that has it, when an amendment dropped it).</summary>
    private async Task<Dictionary<Guid, LinkedCommitment>> CommitmentsAsync(List<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        var rows = await db.Set<CommitmentRecord>().AsNoTracking().Where(c => ids.Contains(c.Id))
            .Join(db.Set<Agreement>(), c => c.AgreementId, a => a.Id, (c, a) => new { c.Id, c.AgreementId, c.Version, c.Text, a.Title, a.SignedVersion })
            .ToListAsync(ct);
        return rows.Where(r => r.SignedVersion is null || r.Version <= r.SignedVersion)
            .GroupBy(r => r.Id)
            .Select(g => g.OrderByDescending(r => r.Version).First())
            .ToDictionary(r => r.Id, r => new LinkedCommitment(r.Id, r.AgreementId, r.Title, r.Text));
    }

    public static OrganizationRef Ref(Organization o) => new(o.Code, o.DisplayName);

    internal static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

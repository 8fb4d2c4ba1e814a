using Microsoft.EntityFrameworkCore;
using Samverkan.Common;
using Samverkan.Dialogue;
using Samverkan.FollowUp;
using Samverkan.Plans;
using Samverkan.Tests.FollowUp;
using static Samverkan.Tests.FollowUp.FollowUpWorld;

namespace Samverkan.Tests.Dialogue;

/// <summary>
/// Dialogue meetings through the use cases, on the follow-up tests' world (a plan with signed agreements between
/// Region Dalarna and Smedjebacken and Mora): who writes which minutes, what decisions may link to, approval and revisions.
/// </summary>
public sealed class DialogueMeetingTests(FollowUpWorld world) : IClassFixture<FollowUpWorld>
{
    private static DialogueMeetingInput Municipal(int year, string municipality = "2061", IReadOnlyList<DecisionInput>? decisions = null,
        IReadOnlyList<AgendaItemInput>? agenda = null, IReadOnlyList<ParticipantInput>? people = null, string? kind = DialogueKinds.MunicipalDialogue) =>
        new(kind, new DateOnly(year, 4, 15), "Kommunhuset", municipality, null, ["2080"],
            people ?? [new("Karin Ek", "Kulturchef", municipality), new("Per Ås", "Samverkansstrateg", "20")],
            agenda ?? [new("Året som gått", "Skolkonserterna nådde alla klasser."), new("Nästa år", null)],
            "Nästa möte i april.", decisions ?? []);

    private Task<Result<DialogueMeetingView>> CreateAsync(string? who, DialogueMeetingInput input, string region = "20") =>
        world.RunAsync(who, (CreateDialogueMeeting create) => create.ExecuteAsync(new CreateDialogueMeetingCommand(region, input)));

    private Task<Result<DialogueMeetingView>> UpdateAsync(string? who, Guid id, int? version, DialogueMeetingInput input, string? note = null) =>
        world.RunAsync(who, (UpdateDialogueMeeting update) => update.ExecuteAsync(new UpdateDialogueMeetingCommand(id, version, input, note)));

    private Task<Result<DialogueMeetingView>> ApproveAsync(string? who, Guid id, int? version) =>
        world.RunAsync(who, (ApproveDialogueMeeting approve) => approve.ExecuteAsync(id, version));

    private Task<Result<DialogueMeetingView>> GetAsync(string? who, Guid id, int? revision = null) =>
        world.RunAsync(who, (GetDialogueMeeting get) => get.ExecuteAsync(id, revision));

    /// <summary>Every table a dialogue write touches, and the audit log: a refusal leaves all of them as they were.</summary>
    private Task<string> WrittenAsync() => world.QueryAsync(async db => string.Join(" ",
        $"audit={await db.AuditLog.CountAsync()}",
        $"meetings={string.Join(",", await db.Set<DialogueMeeting>().OrderBy(m => m.Id).Select(m => m.Status + m.Version + m.Revision).ToListAsync())}",
        $"links={await db.Set<DialogueDecisionLink>().CountAsync()}",
        $"revisions={await db.Set<DialogueMeetingRevision>().CountAsync()}"));

    private async Task RefusedAsync(Func<Task<Result<DialogueMeetingView>>> attempt, string code, string? field = null)
    {
        var before = await WrittenAsync();
        var result = await attempt();
        Assert.False(result.IsSuccess, $"Expected {code}, but it succeeded.");
        Assert.Equal(code, result.Error!.Code);
        if (field is not null) Assert.Equal(field, result.Error.Field);
        Assert.Equal(before, await WrittenAsync());
    }

    private async Task<Guid> GoalAsync(Guid planId, string title) =>
        (await world.RunAsync(RegionOfficer, (AddGoal add) => add.ExecuteAsync(new AddGoalCommand(planId, title)))).Value;

    [Fact]
    public async Task Create_TheMunicipalitysOfficer_RecordsTheirDialogue_WithDecisionsLinkedToCommitmentsAndGoals()
    {
        var s = await world.ScenarioAsync(openRound: false);
        var goal = await GoalAsync(s.PlanId, "Fler barn möter scenkonst");
        var input = Municipal(s.Year, decisions:
        [
            new(null, "Kommunen söker Skapande skola även nästa år.", [s.MunicipalCommitment, s.JointCommitment], [goal]),
            new(null, "Regionen återkommer om turnéplanen.", [s.RegionCommitment], null),
        ]);

        var created = await CreateAsync(Smedjebacken, input);

        Assert.True(created.IsSuccess, created.Error?.Message);
        var m = created.Value;
        Assert.Equal((DialogueKinds.MunicipalDialogue, MinutesStatuses.Draft, 0, "2061"), (m.Kind, m.Status, m.Revision, m.Municipality!.Code));
        Assert.Equal($"Kulturdialog Region Dalarna och Smedjebackens kommun {s.Year}", m.Title);
        // The parties come first, then the organizations named.
        Assert.Equal(["20", "2061", "2080"], m.Organizations.Select(o => o.Code));
        Assert.Equal(["Året som gått", "Nästa år"], m.Agenda.Select(a => a.Title));
        var first = m.Decisions[0];
        Assert.Equal(["Kommunen söker bidrag till Skapande skola.", "Region och kommun prövar kultur i äldreomsorgen."], first.Commitments.Select(c => c.Text));
        Assert.All(first.Commitments, c => Assert.Equal(s.Agreement, c.AgreementId));
        Assert.Equal("Fler barn möter scenkonst", Assert.Single(first.Goals).Title);
        Assert.True(m.CanEdit);
        var links = await world.QueryAsync(db => db.Set<DialogueDecisionLink>().Where(l => l.MeetingId == m.Id).ToListAsync());
        Assert.Equal(4, links.Count);
        Assert.Equal(3, links.Count(l => l.TargetKind == DialogueLinkKinds.Commitment));
        Assert.True(await world.QueryAsync(db => db.AuditLog.AnyAsync(a => a.EntityType == nameof(DialogueMeeting) && a.EntityId == m.Id.ToString())));
    }

    [Fact]
    public async Task CommitmentTimeline_ShowsTheDecisionsLinkedToTheCommitment_DraftMinutesMarkedAsSuch()
    {
        var s = await world.ScenarioAsync(openRound: false);
        var created = (await CreateAsync(Smedjebacken, Municipal(s.Year, decisions:
        [
            new(null, "Kommunen söker Skapande skola även nästa år.", [s.MunicipalCommitment], null),
            new(null, "Regionen återkommer om turnéplanen.", [s.RegionCommitment], null),
        ]))).Value;
        Task<Result<CommitmentTimeline>> TimelineAsync(string who) =>
            world.RunAsync(who, (GetCommitmentTimeline get) => get.ExecuteAsync(s.MunicipalCommitment));

        var draft = Assert.Single((await TimelineAsync(Smedjebacken)).Value.Decisions);
        Assert.Equal((created.Id, "Kommunen söker Skapande skola även nästa år.", false), (draft.MeetingId, draft.Text, draft.Approved));
        Assert.Equal(new DateOnly(s.Year, 4, 15), draft.Date);

        Assert.True((await ApproveAsync(RegionOfficer, created.Id, created.Version)).IsSuccess);
        var approved = Assert.Single((await TimelineAsync(RegionOfficer)).Value.Decisions);
        Assert.True(approved.Approved);
        // The decision about the region's commitment belongs to that commitment's timeline, not this one.
        Assert.Equal(["Regionen återkommer om turnéplanen."],
            (await world.RunAsync(RegionOfficer, (GetCommitmentTimeline get) => get.ExecuteAsync(s.RegionCommitment))).Value.Decisions.Select(d => d.Text));
    }

    [Fact]
    public async Task Create_IsRefused_ForThoseWhoMayNotWriteTheMeeting_AndWritesNothing()
    {
        var s = await world.ScenarioAsync(openRound: false);
        await RefusedAsync(() => CreateAsync(null, Municipal(s.Year)), "access.unauthenticated");
        await RefusedAsync(() => CreateAsync(Mora, Municipal(s.Year)), "access.forbidden");
        await RefusedAsync(() => CreateAsync(RegionViewer, Municipal(s.Year)), "access.forbidden");
        await RefusedAsync(() => CreateAsync(SmedjebackenViewer, Municipal(s.Year)), "access.forbidden");
        await RefusedAsync(() => CreateAsync(Gavleborg, Municipal(s.Year)), "access.forbidden");
        // The regional forum is the region's own meeting.
        await RefusedAsync(() => CreateAsync(Smedjebacken, Municipal(s.Year, municipality: "", kind: DialogueKinds.RegionalForum) with { Municipality = null }),
            "access.forbidden");
        Assert.True((await CreateAsync(Mora, Municipal(s.Year, municipality: "2062"))).IsSuccess);
    }

    [Fact]
    public async Task Create_WithBadInput_NamesTheField_AndWritesNothing()
    {
        var s = await world.ScenarioAsync(openRound: false);
        await RefusedAsync(() => CreateAsync(RegionOfficer, Municipal(s.Year) with { Kind = null }), "dialogue.kind-required", "kind");
        await RefusedAsync(() => CreateAsync(RegionOfficer, Municipal(s.Year) with { Kind = "fika" }), "dialogue.kind-invalid", "kind");
        await RefusedAsync(() => CreateAsync(RegionOfficer, Municipal(s.Year) with { Date = null }), "dialogue.date-required", "date");
        await RefusedAsync(() => CreateAsync(RegionOfficer, Municipal(s.Year, municipality: "")), "dialogue.municipality-required", "municipality");
        await RefusedAsync(() => CreateAsync(RegionOfficer, Municipal(s.Year, municipality: "2180")), "dialogue.municipality-outside-region", "municipality");
        await RefusedAsync(() => CreateAsync(RegionOfficer, Municipal(s.Year, kind: DialogueKinds.RegionalForum)), "dialogue.municipality-not-allowed", "municipality");
        await RefusedAsync(() => CreateAsync(RegionOfficer, Municipal(s.Year, agenda: [new("Inledning", null), new(null, "Anteckning utan rubrik")])),
            "dialogue.agenda-title-required", "agenda[1].title");
        await RefusedAsync(() => CreateAsync(RegionOfficer, Municipal(s.Year, people: [new(null, "Ordförande", "2061")])),
            "dialogue.participant-name-required", "people[0].name");
        await RefusedAsync(() => CreateAsync(RegionOfficer, Municipal(s.Year, people: [new("Eva Ny", null, "ingen-sadan")])),
            "dialogue.participant-organization-unknown", "people[0].organization");
        await RefusedAsync(() => CreateAsync(RegionOfficer, Municipal(s.Year) with { Organizations = ["2061", "finns-inte"] }),
            "dialogue.organization-unknown", "organizations[1]");
        await RefusedAsync(() => CreateAsync(RegionOfficer, Municipal(s.Year, decisions: [new(null, "  ", [s.MunicipalCommitment], null)])),
            "dialogue.decision-text-required", "decisions[0].text");
        // Mora's commitment belongs to another municipality's agreement; a made-up goal to no plan of the region.
        await RefusedAsync(() => CreateAsync(RegionOfficer, Municipal(s.Year, decisions: [new(null, "Beslut", [s.MoraCommitment], null)])),
            "dialogue.commitment-unknown", "decisions[0].commitments");
        await RefusedAsync(() => CreateAsync(RegionOfficer, Municipal(s.Year, decisions: [new(null, "Ok", null, null), new(null, "Beslut", null, [Guid.NewGuid()])])),
            "dialogue.goal-unknown", "decisions[1].goals");
        await RefusedAsync(() => CreateAsync(RegionOfficer, Municipal(s.Year) with { Notes = new string('x', DialogueLimits.Notes + 1) }),
            "dialogue.notes-too-long", "notes");
        await RefusedAsync(() => CreateAsync(RegionOfficer, Municipal(s.Year), region: "99"), "region.not-found");
    }

    [Fact]
    public async Task ApprovedMinutes_AreChangedOnlyWithANote_AsANewRevision_AndEveryRevisionCanBeRead()
    {
        var s = await world.ScenarioAsync(openRound: false);
        var input = Municipal(s.Year, decisions: [new(null, "Kommunen söker Skapande skola.", [s.MunicipalCommitment], null)]);
        var draft = (await CreateAsync(RegionOfficer, input)).Value;
        var decisionId = draft.Decisions[0].Id;

        var edited = (await UpdateAsync(Smedjebacken, draft.Id, draft.Version, input with { Place = "Biblioteket" })).Value;
        Assert.Equal(("Biblioteket", 0, 2), (edited.Place, edited.Revision, edited.Version));
        await RefusedAsync(() => ApproveAsync(RegionOfficer, draft.Id, draft.Version), "dialogue.stale");
        await RefusedAsync(() => ApproveAsync(Mora, draft.Id, edited.Version), "dialogue.not-found");
        await RefusedAsync(() => ApproveAsync(RegionViewer, draft.Id, edited.Version), "access.forbidden");

        var approved = (await ApproveAsync(Smedjebacken, draft.Id, edited.Version)).Value;
        Assert.Equal((MinutesStatuses.Approved, 1, $"Test {Smedjebacken}"), (approved.Status, approved.Revision, approved.ApprovedBy));
        Assert.True(approved.EditNeedsNote);
        await RefusedAsync(() => ApproveAsync(RegionOfficer, draft.Id, approved.Version), "dialogue.already-approved");

        // The decisions as sent back by a client that keeps their ids.
        var again = input with
        {
            Place = "Biblioteket",
            Decisions = [new(decisionId, "Kommunen söker Skapande skola och rapporterar i maj.", [s.MunicipalCommitment], null)],
        };
        await RefusedAsync(() => UpdateAsync(RegionOfficer, draft.Id, approved.Version, again), "dialogue.change-note-required", "changeNote");
        var unchanged = await UpdateAsync(RegionOfficer, draft.Id, approved.Version, input with { Place = "Biblioteket" });
        Assert.Equal((1, approved.Version), (unchanged.Value.Revision, unchanged.Value.Version));

        var amended = (await UpdateAsync(RegionOfficer, draft.Id, approved.Version, again, "Beslutet fick med sista dag för rapporten.")).Value;
        Assert.Equal((MinutesStatuses.Approved, 2), (amended.Status, amended.Revision));
        Assert.Equal(decisionId, amended.Decisions[0].Id);
        Assert.Equal(["approved", "amended"], amended.Revisions.Select(r => r.Kind));
        Assert.Equal("Beslutet fick med sista dag för rapporten.", amended.Revisions[1].Note);

        var first = (await GetAsync(null, draft.Id, revision: 1)).Value;
        Assert.Equal(("Kommunen söker Skapande skola.", 1, false), (first.Decisions[0].Text, first.ShownRevision!.Value, first.CanEdit));
        Assert.Equal("dialogue.revision-not-found", (await GetAsync(null, draft.Id, revision: 3)).Error!.Code);
        await RefusedAsync(() => UpdateAsync(RegionOfficer, draft.Id, approved.Version, again, "Gammal version"), "dialogue.stale");
    }

    [Fact]
    public async Task Drafts_AreReadByTheRegionAndTheMunicipality_ApprovedMinutesByEveryone()
    {
        var s = await world.ScenarioAsync(openRound: false);
        var draft = (await CreateAsync(RegionOfficer, Municipal(s.Year))).Value;
        Assert.True((await GetAsync(SmedjebackenViewer, draft.Id)).IsSuccess);
        Assert.True((await GetAsync(RegionViewer, draft.Id)).IsSuccess);
        Assert.False((await GetAsync(RegionViewer, draft.Id)).Value.CanEdit);
        Assert.Equal("dialogue.not-found", (await GetAsync(Mora, draft.Id)).Error!.Code);
        Assert.Equal("access.unauthenticated", (await GetAsync(null, draft.Id)).Error!.Code);

        async Task<List<Guid>> ListAsync(string? who) => (await world.RunAsync(who, (ListDialogueMeetings list) => list.ExecuteAsync("20", s.Year)))
            .Value.Select(m => m.Id).ToList();
        Assert.Contains(draft.Id, await ListAsync(RegionOfficer));
        Assert.DoesNotContain(draft.Id, await ListAsync(null));
        Assert.DoesNotContain(draft.Id, await ListAsync(Mora));

        await ApproveAsync(RegionOfficer, draft.Id, draft.Version);
        Assert.True((await GetAsync(null, draft.Id)).IsSuccess);
        Assert.Contains(draft.Id, await ListAsync(null));
        Assert.Equal("dialogue.year-invalid", (await world.RunAsync(null, (ListDialogueMeetings list) => list.ExecuteAsync("20", 1850))).Error!.Code);
    }

    [Fact]
    public async Task RegionalForum_IsWrittenByTheRegionsStaffOnly_WithAnyOfTheRegionsCommitments_AndItsKindStaysFixed()
    {
        var s = await world.ScenarioAsync(openRound: false);
        var forum = new DialogueMeetingInput(DialogueKinds.RegionalForum, new DateOnly(s.Year, 10, 2), "Folkets hus", null, null, ["2061", "2062"],
            [new("Per Ås", "Samverkansstrateg", "20")], [new("Uppföljningen", "Genomgång av årets svar.")], null,
            [new(null, "Arrangörsträff i vår.", [s.MunicipalCommitment, s.MoraCommitment], null)]);
        var created = (await CreateAsync(RegionAdmin, forum)).Value;
        Assert.Equal(($"Regional kulturdialog {s.Year}", (string?)null), (created.Title, created.Municipality?.Code));
        Assert.Equal(2, created.Decisions[0].Commitments.Count);

        await RefusedAsync(() => UpdateAsync(Smedjebacken, created.Id, created.Version, forum with { Place = "Ändrat" }), "dialogue.not-found");
        await RefusedAsync(() => UpdateAsync(RegionOfficer, created.Id, created.Version, forum with { Kind = DialogueKinds.MunicipalDialogue }),
            "dialogue.kind-fixed", "kind");
        await RefusedAsync(() => UpdateAsync(RegionOfficer, created.Id, null, forum), "request.version-required", "version");
        var municipal = (await CreateAsync(RegionOfficer, Municipal(s.Year))).Value;
        await RefusedAsync(() => UpdateAsync(RegionOfficer, municipal.Id, municipal.Version, Municipal(s.Year, municipality: "2062")),
            "dialogue.municipality-fixed", "municipality");
    }
}

using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Samverkan.Common;
using Samverkan.FollowUp;
using static Samverkan.Tests.FollowUp.FollowUpWorld;

namespace Samverkan.Tests.FollowUp;

/// <summary>Recording how a commitment stands: who may, what is checked, and that every change is kept.</summary>
public sealed class FollowUpEntryTests(FollowUpWorld world) : IClassFixture<FollowUpWorld>
{
    [Fact]
    public async Task Save_ByTheCommittingPartysOfficer_StoresTheEntryAndARevision()
    {
        var s = await world.ScenarioAsync();
        var lastAudit = await world.QueryAsync(db => db.AuditLog.MaxAsync(a => a.Id));
        var saved = (await world.SaveAsync(Smedjebacken, s, s.MunicipalCommitment, EntryStatuses.Done, 100, "  Ansökan om Skapande skola lämnades in i januari.  ",
            [new IndicatorValueInput(" Ansökningar ", 1, "st"), new IndicatorValueInput("Elever som nåddes", 412.123456m, null)])).Value;

        Assert.Equal(("2061", "done", 100, "Ansökan om Skapande skola lämnades in i januari.", 1), (saved.Party.Code, saved.Status, saved.Progress, saved.Narrative, saved.Version));
        Assert.Equal([new IndicatorValue("Ansökningar", 1, "st"), new IndicatorValue("Elever som nåddes", 412.1235m, null)], saved.Indicators);
        Assert.Equal($"Test {Smedjebacken}", saved.UpdatedBy);
        var revision = await world.QueryAsync(db => db.Set<FollowUpEntryRevision>().SingleAsync(r => r.EntryId == saved.Id));
        Assert.Equal(("created", 1, (string?)null, "2061"), (revision.Kind, revision.Version, revision.Before, revision.OrganizationCode));
        var after = JsonSerializer.Deserialize<EntrySnapshot>(revision.After, FollowUpStore.SnapshotJson)!;
        Assert.Equal(("done", 100, 2), (after.Status, after.Progress, after.Indicators.Count));
        // One transaction wrote the entry, its two values, the revision and the draft submission it opened, each audited.
        var audited = await world.QueryAsync(db => db.AuditLog.Where(a => a.Id > lastAudit).Select(a => a.EntityType + " " + a.Action + " " + a.ActorOrganizationCode).ToListAsync());
        Assert.Equal(["FollowUpEntry created 2061", "FollowUpEntryRevision created 2061", "FollowUpIndicatorValue created 2061", "FollowUpIndicatorValue created 2061",
            "FollowUpSubmission created 2061"], audited.Order());
    }

    [Fact]
    public async Task Save_AChange_KeepsBeforeAndAfter_AndASaveThatChangesNothingWritesNothing()
    {
        var s = await world.ScenarioAsync();
        var first = (await world.SaveAsync(Smedjebacken, s, s.MunicipalCommitment, EntryStatuses.Ongoing, 30, "Planering pågår.",
            [new IndicatorValueInput("Ansökningar", 0, "st")])).Value;
        var second = (await world.SaveAsync(Smedjebacken, s, s.MunicipalCommitment, EntryStatuses.Done, 100, "Ansökan inlämnad.",
            [new IndicatorValueInput("Ansökningar", 1, "st")], version: first.Version)).Value;
        Assert.Equal(2, second.Version);

        var before = await world.WrittenAsync();
        var same = (await world.SaveAsync(Smedjebacken, s, s.MunicipalCommitment, EntryStatuses.Done, 100, "Ansökan inlämnad.",
            [new IndicatorValueInput("Ansökningar", 1.0m, "st")], version: 2)).Value;
        Assert.Equal(2, same.Version);
        Assert.Equal(before, await world.WrittenAsync());

        var revisions = await world.QueryAsync(db => db.Set<FollowUpEntryRevision>().Where(r => r.EntryId == first.Id).OrderBy(r => r.Version).ToListAsync());
        Assert.Equal(["created", "updated"], revisions.Select(r => r.Kind));
        var was = FollowUpStore.ReadSnapshot(revisions[1].Before)!;
        var now = FollowUpStore.ReadSnapshot(revisions[1].After)!;
        Assert.Equal(("ongoing", 30, "Planering pågår.", 0m), (was.Status, was.Progress, was.Narrative, was.Indicators[0].Value));
        Assert.Equal(("done", 100, "Ansökan inlämnad.", 1m), (now.Status, now.Progress, now.Narrative, now.Indicators[0].Value));
    }

    [Fact]
    public async Task Save_FromAStaleVersion_IsAConflictThatShowsTheCurrentEntry()
    {
        var s = await world.ScenarioAsync();
        await world.SaveAsync(Smedjebacken, s, s.MunicipalCommitment);
        await world.SaveAsync(Smedjebacken, s, s.MunicipalCommitment, EntryStatuses.Done, 100, version: 1);

        var stale = await world.RefusedAsync(() => world.SaveAsync(Smedjebacken, s, s.MunicipalCommitment, EntryStatuses.Cancelled, null, version: 1), "follow-up.entry-stale");
        Assert.Equal(2, stale.Extensions!["currentVersion"]);
        Assert.Equal("done", Assert.IsType<EntryView>(stale.Extensions["current"]).Status);
        await world.RefusedAsync(() => world.SaveAsync(Smedjebacken, s, s.MunicipalCommitment, EntryStatuses.Cancelled, null), "follow-up.version-required", "version");
        // A first save that claims an earlier version of an entry that does not exist is stale too.
        await world.RefusedAsync(() => world.SaveAsync(Smedjebacken, s, s.SecondMunicipalCommitment, version: 3), "follow-up.entry-stale");
    }

    [Theory]
    [InlineData("progress-high", "follow-up.progress-invalid", "progress")]
    [InlineData("progress-negative", "follow-up.progress-invalid", "progress")]
    [InlineData("status-unknown", "follow-up.status-invalid", "status")]
    [InlineData("status-missing", "follow-up.status-invalid", "status")]
    [InlineData("narrative-long", "follow-up.narrative-too-long", "narrative")]
    [InlineData("indicator-nameless", "follow-up.indicator-name-required", "indicators[1].name")]
    [InlineData("indicator-valueless", "follow-up.indicator-value-required", "indicators[0].value")]
    [InlineData("indicator-twice", "follow-up.indicator-duplicate", "indicators[1].name")]
    [InlineData("indicator-huge", "follow-up.indicator-value-invalid", "indicators[0].value")]
    [InlineData("indicators-many", "follow-up.indicators-too-many", "indicators")]
    public async Task Save_WithBadInput_SaysWhichFieldAndWritesNothing(string input, string code, string field)
    {
        var s = await world.ScenarioAsync();
        var ok = new IndicatorValueInput("Besök", 3, "st");
        (string Status, int? Progress, string Narrative, IReadOnlyList<IndicatorValueInput>? Indicators) bad = input switch
        {
            "progress-high" => (EntryStatuses.Ongoing, 101, "x", (IReadOnlyList<IndicatorValueInput>?)null),
            "progress-negative" => (EntryStatuses.Ongoing, -1, "x", null),
            "status-unknown" => ("finished", (int?)50, "x", null),
            "status-missing" => ("", 50, "x", null),
            "narrative-long" => (EntryStatuses.Done, 100, new string('å', FollowUpLimits.Narrative + 1), null),
            "indicator-nameless" => (EntryStatuses.Done, 100, "x", [ok, new IndicatorValueInput(" ", 1, null)]),
            "indicator-valueless" => (EntryStatuses.Done, 100, "x", [new IndicatorValueInput("Besök", null, "st")]),
            "indicator-twice" => (EntryStatuses.Done, 100, "x", [ok, new IndicatorValueInput("besök", 4, "st")]),
            "indicator-huge" => (EntryStatuses.Done, 100, "x", [new IndicatorValueInput("Besök", 1e15m, "st")]),
            _ => (EntryStatuses.Done, 100, "x", Enumerable.Range(0, FollowUpLimits.IndicatorsPerEntry + 1).Select(i => new IndicatorValueInput($"I{i}", i, null)).ToList()),
        };
        await world.RefusedAsync(() => world.SaveAsync(Smedjebacken, s, s.MunicipalCommitment, bad.Status, bad.Progress, bad.Narrative, bad.Indicators), code, field);
    }

    [Fact]
    public async Task Save_ForACommitmentThePartyDoesNotHold_OrThatIsUnknown_IsRefused()
    {
        var s = await world.ScenarioAsync();
        var notHeld = await world.RefusedAsync(() => world.SaveAsync(Smedjebacken, s, s.RegionCommitment), "follow-up.commitment-not-held", "commitmentId");
        Assert.Contains("Region Dalarna", notHeld.Message);
        var unknown = await world.RefusedAsync(() => world.SaveAsync(Smedjebacken, s, Guid.NewGuid()), "follow-up.commitment-unknown", "commitmentId");
        Assert.Equal(ErrorKind.NotFound, unknown.Kind);
        // Mora's commitment is in an agreement Smedjebacken is no party to.
        await world.RefusedAsync(() => world.SaveAsync(Smedjebacken, s, s.MoraCommitment), "access.forbidden");
        await world.RefusedAsync(() => world.SaveAsync(Smedjebacken, s, s.MunicipalCommitment, roundId: Guid.NewGuid()), "follow-up.round-not-found");
    }

    [Fact]
    public async Task Save_IsOnlyForOfficersOfTheCommittingParty()
    {
        var s = await world.ScenarioAsync();
        await world.RefusedAsync(() => world.SaveAsync(null, s, s.MunicipalCommitment), "access.unauthenticated");
        foreach (var who in new[] { Mora, SmedjebackenViewer, Gavleborg })
            await world.RefusedAsync(() => world.SaveAsync(who, s, s.MunicipalCommitment), "access.forbidden");
        // The region's officer answers for the region, which does not hold the municipality's commitment ...
        await world.RefusedAsync(() => world.SaveAsync(RegionOfficer, s, s.MunicipalCommitment), "follow-up.commitment-not-held", "commitmentId");
        // ... and cannot answer for the municipality by naming it.
        await world.RefusedAsync(() => world.SaveAsync(RegionOfficer, s, s.MunicipalCommitment, party: "2061"), "access.forbidden");
        await world.RefusedAsync(() => world.SaveAsync(Smedjebacken, s, s.MunicipalCommitment, party: "2062"), "follow-up.party-invalid", "party");
        // ... but answers for the region's own commitments.
        Assert.True((await world.SaveAsync(RegionOfficer, s, s.RegionCommitment)).IsSuccess);
        Assert.True((await world.SaveAsync(Smedjebacken, s, s.MunicipalCommitment, party: "2061")).IsSuccess);
    }

    [Fact]
    public async Task Save_InAClosedRound_IsRefused()
    {
        var s = await world.ScenarioAsync();
        await world.SaveAsync(Smedjebacken, s, s.MunicipalCommitment);
        await world.RunAsync(RegionOfficer, (CloseFollowUpRound close) => close.ExecuteAsync(s.RoundId));
        var error = await world.RefusedAsync(() => world.SaveAsync(Smedjebacken, s, s.MunicipalCommitment, EntryStatuses.Done, 100, version: 1), "follow-up.round-closed");
        Assert.Equal(ErrorKind.Conflict, error.Kind);
    }

    [Fact]
    public async Task JointCommitment_EachPartyAnswersForItself_AndSeesTheOthersAnswer()
    {
        var s = await world.ScenarioAsync();
        await world.SaveAsync(Smedjebacken, s, s.JointCommitment, EntryStatuses.Ongoing, 50, "Högläsning på två boenden.");
        await world.SaveAsync(RegionOfficer, s, s.JointCommitment, EntryStatuses.Ongoing, null, "Musik i Dalarna har spelat på ett boende.");

        var municipal = (await world.FormAsync(Smedjebacken, s)).Value;
        var joint = municipal.Commitments.Single(c => c.CommitmentId == s.JointCommitment);
        Assert.True(joint.Joint);
        Assert.Equal("Högläsning på två boenden.", joint.Entry!.Narrative);
        Assert.Equal(("20", "Musik i Dalarna har spelat på ett boende."), (joint.OtherParties.Single().Party.Code, joint.OtherParties.Single().Narrative));
        Assert.Equal(3, municipal.Commitments.Count);

        var region = (await world.FormAsync(RegionOfficer, s)).Value;
        Assert.Equal("20", region.Party.Code);
        Assert.Equal([s.RegionCommitment, s.JointCommitment], region.Commitments.Select(c => c.CommitmentId));
        Assert.Equal("Högläsning på två boenden.", region.Commitments[1].OtherParties.Single().Narrative);
        Assert.Equal(2, await world.QueryAsync(db => db.Set<FollowUpEntry>().CountAsync(e => e.CommitmentId == s.JointCommitment)));
    }

    [Fact]
    public async Task Form_IsForThePartiesAndTheRegion_AndSaysWhoMayEdit()
    {
        var s = await world.ScenarioAsync();
        var own = (await world.FormAsync(Smedjebacken, s)).Value;
        Assert.Equal((true, false, "2061", "draft"), (own.CanEdit, own.CanSubmit, own.Party.Code, own.Submission.Status));
        Assert.Equal(("Svara senast sista mars.", new DateOnly(s.Year + 1, 3, 31)), (own.Round.Instructions, own.Round.Deadline));
        var regionView = (await world.FormAsync(RegionOfficer, s, "2061")).Value;
        Assert.Equal((false, "2061"), (regionView.CanEdit, regionView.Party.Code));
        var viewer = (await world.FormAsync(SmedjebackenViewer, s)).Value;
        Assert.False(viewer.CanEdit);

        Assert.Equal("access.forbidden", (await world.FormAsync(Mora, s)).Error!.Code);
        Assert.Equal("access.forbidden", (await world.FormAsync(Gavleborg, s, "2061")).Error!.Code);
        Assert.Equal("access.unauthenticated", (await world.FormAsync(null, s)).Error!.Code);
        Assert.Equal("follow-up.party-invalid", (await world.FormAsync(RegionOfficer, s, "2062")).Error!.Code);
        Assert.Equal("follow-up.agreement-not-in-round", (await world.FormAsync(RegionOfficer, s, agreement: Guid.NewGuid())).Error!.Code);
        // Mora's own form is there for Mora.
        Assert.Equal("2062", (await world.FormAsync(Mora, s, agreement: s.MoraAgreement)).Value.Party.Code);
    }
}

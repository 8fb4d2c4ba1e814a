using Microsoft.EntityFrameworkCore;
using Samverkan.Agreements;
using Samverkan.FollowUp;
using Samverkan.Plans;
using static Samverkan.Tests.FollowUp.FollowUpWorld;

namespace Samverkan.Tests.FollowUp;

/// <summary>Opening, listing, reading and closing rounds: who may, and what a round covers.</summary>
public sealed class FollowUpRoundTests(FollowUpWorld world) : IClassFixture<FollowUpWorld>
{
    private Task<Samverkan.Common.Result<FollowUpRoundView>> OpenAsync(string? who, Guid planId, int year, DateOnly? deadline, string? instructions = null) =>
        world.RunAsync(who, (OpenFollowUpRound open) => open.ExecuteAsync(new OpenFollowUpRoundCommand(planId, year, deadline, instructions)));

    [Fact]
    public async Task Open_ByRegionStaff_CoversTheSignedAgreementsOfThePlanWithEveryCommittingParty()
    {
        var s = await world.ScenarioAsync(openRound: false);
        var round = (await OpenAsync(RegionAdmin, s.PlanId, s.Year, new DateOnly(s.Year + 1, 3, 31), "  Svara i god tid.  ")).Value;

        Assert.Equal((s.Year, "open", "Svara i god tid.", true), (round.Year, round.Status, round.Instructions, round.CanReview));
        Assert.Equal(new[] { s.Agreement, s.MoraAgreement }.Order(), round.Agreements.Select(a => a.AgreementId).Order());
        var smedjebacken = round.Agreements.Single(a => a.AgreementId == s.Agreement);
        Assert.Equal(4, smedjebacken.Commitments);
        // The region holds two commitments (its own and the joint one), the municipality three.
        Assert.Equal([("20", 2), ("2061", 3)], smedjebacken.Submissions.Select(p => (p.Party.Code, p.Commitments)).OrderBy(p => p.Code).ToList());
        Assert.All(smedjebacken.Submissions, p => Assert.Equal(("draft", 0, (Guid?)null), (p.Status, p.Entries, p.SubmissionId)));
        Assert.Equal(new SubmissionCounts(4, 4, 0, 0, 0), round.Submissions);
        var audit = await world.QueryAsync(db => db.AuditLog.CountAsync(a => a.EntityType == nameof(FollowUpRound) && a.EntityId == round.Id.ToString()));
        Assert.Equal(1, audit);
    }

    [Fact]
    public async Task Open_IsRefusedForOthersThanTheRegionsStaff_AndWritesNothing()
    {
        var s = await world.ScenarioAsync(openRound: false);
        var deadline = new DateOnly(s.Year + 1, 3, 31);
        var anonymous = await world.RefusedAsync(() => OpenAsync(null, s.PlanId, s.Year, deadline), "access.unauthenticated");
        Assert.Equal(Samverkan.Common.ErrorKind.Unauthenticated, anonymous.Kind);
        foreach (var who in new[] { Smedjebacken, RegionViewer, Gavleborg })
            Assert.Equal(Samverkan.Common.ErrorKind.Forbidden, (await world.RefusedAsync(() => OpenAsync(who, s.PlanId, s.Year, deadline), "access.forbidden")).Kind);
    }

    [Theory]
    [InlineData("before-plan", "follow-up.year-outside-plan", "year")]
    [InlineData("after-plan", "follow-up.year-outside-plan", "year")]
    [InlineData("no-deadline", "follow-up.deadline-required", "deadline")]
    [InlineData("deadline-passed", "follow-up.deadline-passed", "deadline")]
    [InlineData("too-long", "follow-up.instructions-too-long", "instructions")]
    [InlineData("no-plan", "follow-up.plan-required", "planId")]
    public async Task Open_WithBadInput_SaysWhichFieldAndWritesNothing(string input, string code, string field)
    {
        var s = await world.ScenarioAsync(openRound: false);
        (Guid Plan, int Year, DateOnly? Deadline, string? Instructions) bad = input switch
        {
            "before-plan" => (s.PlanId, s.Year - 1, new DateOnly(s.Year + 1, 3, 31), null),
            "after-plan" => (s.PlanId, s.Year + 2, new DateOnly(s.Year + 3, 3, 31), null),
            "no-deadline" => (s.PlanId, s.Year, (DateOnly?)null, null),
            "deadline-passed" => (s.PlanId, s.Year, new DateOnly(s.Year + 1, 1, 14), null),
            "too-long" => (s.PlanId, s.Year, new DateOnly(s.Year + 1, 3, 31), new string('x', FollowUpLimits.Instructions + 1)),
            _ => (Guid.Empty, s.Year, new DateOnly(s.Year + 1, 3, 31), (string?)null),
        };
        await world.RefusedAsync(() => OpenAsync(RegionOfficer, bad.Plan, bad.Year, bad.Deadline, bad.Instructions), code, field);
    }

    [Fact]
    public async Task Open_ADraftPlan_IsRefused_AndAnUnknownPlanIsNotFound()
    {
        var draft = (await world.RunAsync(RegionOfficer, (CreatePlan create) => create.ExecuteAsync(new CreatePlanCommand("20", "Utkast", 2090, 2091)))).Value;
        world.Clock.UtcNow = new DateTime(2090, 1, 10, 0, 0, 0, DateTimeKind.Utc);
        await world.RefusedAsync(() => OpenAsync(RegionOfficer, draft, 2090, new DateOnly(2091, 3, 1)), "follow-up.plan-not-adopted", "planId");
        // Others are not told that the region's draft exists.
        await world.RefusedAsync(() => OpenAsync(Smedjebacken, draft, 2090, new DateOnly(2091, 3, 1)), "plan.not-found");
        await world.RefusedAsync(() => OpenAsync(RegionOfficer, Guid.NewGuid(), 2090, new DateOnly(2091, 3, 1)), "plan.not-found");
    }

    [Fact]
    public async Task Open_TwiceForThePlanAndYear_IsAConflict()
    {
        var s = await world.ScenarioAsync();
        var error = await world.RefusedAsync(() => OpenAsync(RegionOfficer, s.PlanId, s.Year, new DateOnly(s.Year + 1, 4, 30)), "follow-up.round-exists");
        Assert.Equal(Samverkan.Common.ErrorKind.Conflict, error.Kind);
        // The plan's other year is a round of its own.
        Assert.True((await OpenAsync(RegionOfficer, s.PlanId, s.Year + 1, new DateOnly(s.Year + 2, 3, 31))).IsSuccess);
    }

    [Fact]
    public async Task Get_ShowsAPartyOnlyItsOwnAgreements_AndTheRegionAll()
    {
        var s = await world.ScenarioAsync();
        var staff = (await world.RunAsync(RegionViewer, (GetFollowUpRound get) => get.ExecuteAsync(s.RoundId))).Value;
        var smedjebacken = (await world.RunAsync(Smedjebacken, (GetFollowUpRound get) => get.ExecuteAsync(s.RoundId))).Value;
        var gavleborg = (await world.RunAsync(Gavleborg, (GetFollowUpRound get) => get.ExecuteAsync(s.RoundId))).Value;

        // The region's viewer is a party of both agreements (the region is), but does not review.
        Assert.Equal((2, false), (staff.Agreements.Count, staff.CanReview));
        Assert.Equal([s.Agreement], smedjebacken.Agreements.Select(a => a.AgreementId));
        Assert.Empty(gavleborg.Agreements);
        Assert.Equal("access.unauthenticated", (await world.RunAsync(null, (GetFollowUpRound get) => get.ExecuteAsync(s.RoundId))).Error!.Code);
        Assert.Equal("follow-up.round-not-found", (await world.RunAsync(Smedjebacken, (GetFollowUpRound get) => get.ExecuteAsync(Guid.NewGuid()))).Error!.Code);
    }

    [Fact]
    public async Task Get_CountsEntriesByStatusPerParty()
    {
        var s = await world.ScenarioAsync();
        await world.SaveAsync(Smedjebacken, s, s.MunicipalCommitment, EntryStatuses.Done, 100);
        await world.SaveAsync(Smedjebacken, s, s.JointCommitment, EntryStatuses.Ongoing, 40);
        await world.SaveAsync(RegionOfficer, s, s.JointCommitment, EntryStatuses.NotStarted, null);

        var round = (await world.RunAsync(RegionOfficer, (GetFollowUpRound get) => get.ExecuteAsync(s.RoundId))).Value;
        var parties = round.Agreements.Single(a => a.AgreementId == s.Agreement).Submissions.ToDictionary(p => p.Party.Code);
        Assert.Equal((3, 2), (parties["2061"].Commitments, parties["2061"].Entries));
        Assert.Equal(new Dictionary<string, int> { ["ongoing"] = 1, ["done"] = 1 }, parties["2061"].ByStatus);
        Assert.Equal((2, 1, "draft"), (parties["20"].Commitments, parties["20"].Entries, parties["20"].Status));
        Assert.NotNull(parties["2061"].SubmissionId);
    }

    [Fact]
    public async Task List_GivesTheRegionsRoundsNewestFirst_ForSignedInUsers()
    {
        var s = await world.ScenarioAsync();
        await OpenAsync(RegionOfficer, s.PlanId, s.Year + 1, new DateOnly(s.Year + 2, 3, 31));
        var list = (await world.RunAsync(Mora, (ListFollowUpRounds l) => l.ExecuteAsync("20"))).Value;
        var mine = list.Where(r => r.Plan.Id == s.PlanId).ToList();

        Assert.Equal([s.Year + 1, s.Year], mine.Select(r => r.Year));
        Assert.Equal((2, 4), (mine[1].Agreements, mine[1].Submissions.Expected));
        Assert.True(list.Select(r => r.Year).SequenceEqual(list.Select(r => r.Year).OrderDescending()));
        Assert.Equal([s.Year], (await world.RunAsync(Mora, (ListFollowUpRounds l) => l.ExecuteAsync("20", s.Year))).Value.Where(r => r.Plan.Id == s.PlanId).Select(r => r.Year));
        Assert.Equal("access.unauthenticated", (await world.RunAsync(null, (ListFollowUpRounds l) => l.ExecuteAsync("20"))).Error!.Code);
        Assert.Equal("region.not-found", (await world.RunAsync(Mora, (ListFollowUpRounds l) => l.ExecuteAsync("99"))).Error!.Code);
        Assert.Equal("follow-up.region-required", (await world.RunAsync(Mora, (ListFollowUpRounds l) => l.ExecuteAsync(null))).Error!.Code);
    }

    [Fact]
    public async Task Close_FreezesTheAgreementVersions_SoALaterAmendmentDoesNotChangeThePastRound()
    {
        var s = await world.ScenarioAsync();
        var closed = (await world.RunAsync(RegionOfficer, (CloseFollowUpRound close) => close.ExecuteAsync(s.RoundId))).Value;
        Assert.Equal("closed", closed.Status);
        Assert.NotNull(closed.ClosedAt);
        Assert.Equal(2, await world.QueryAsync(db => db.Set<FollowUpRoundAgreement>().CountAsync(r => r.RoundId == s.RoundId)));

        // An amendment that drops a commitment and is signed as version 3 leaves the closed round's four commitments alone.
        await AmendWithoutLastCommitmentAsync(s.Agreement);
        var after = (await world.RunAsync(RegionOfficer, (GetFollowUpRound get) => get.ExecuteAsync(s.RoundId))).Value;
        Assert.Equal((1, 4), (after.Agreements.Single(a => a.AgreementId == s.Agreement).Version, after.Agreements.Single(a => a.AgreementId == s.Agreement).Commitments));
        // A round still open follows the version in force.
        var next = (await OpenAsync(RegionOfficer, s.PlanId, s.Year + 1, new DateOnly(s.Year + 2, 3, 31))).Value;
        Assert.Equal((3, 3), (next.Agreements.Single(a => a.AgreementId == s.Agreement).Version, next.Agreements.Single(a => a.AgreementId == s.Agreement).Commitments));
    }

    [Fact]
    public async Task Close_IsForTheRegionsStaffOnce()
    {
        var s = await world.ScenarioAsync();
        await world.RefusedAsync(() => world.RunAsync(Smedjebacken, (CloseFollowUpRound close) => close.ExecuteAsync(s.RoundId)), "access.forbidden");
        await world.RefusedAsync(() => world.RunAsync(null, (CloseFollowUpRound close) => close.ExecuteAsync(s.RoundId)), "access.unauthenticated");
        Assert.True((await world.RunAsync(RegionOfficer, (CloseFollowUpRound close) => close.ExecuteAsync(s.RoundId))).IsSuccess);
        await world.RefusedAsync(() => world.RunAsync(RegionAdmin, (CloseFollowUpRound close) => close.ExecuteAsync(s.RoundId)), "follow-up.round-already-closed");
    }

    private async Task AmendWithoutLastCommitmentAsync(Guid agreementId)
    {
        var amended = (await world.RunAsync(RegionOfficer, (StartAmendment start) => start.ExecuteAsync(agreementId, "Ändring"))).Value;
        var section = amended.Sections[0];
        var item = section.Items[0];
        var content = amended with { Sections = [section with { Items = [item with { Commitments = item.Commitments.Take(3).ToList() }] }] };
        var parties = amended.Parties.Select(p => p.Code).ToList();
        Assert.True((await world.RunAsync(RegionOfficer, (SaveAgreement save) => save.ExecuteAsync(new SaveAgreementCommand(agreementId, 2, content, parties)))).IsSuccess);
        Assert.True((await world.RunAsync(RegionOfficer, (ChangeAgreementStatus change) => change.ExecuteAsync(agreementId, AgreementStatuses.Negotiation))).IsSuccess);
        foreach (var who in new[] { RegionOfficer, Smedjebacken })
            Assert.True((await world.RunAsync(who, (ApproveAgreement approve) => approve.ExecuteAsync(agreementId, 3, RequestInfo.None))).IsSuccess);
        foreach (var who in new[] { RegionOfficer, Smedjebacken })
            Assert.True((await world.RunAsync(who, (SignAgreement sign) => sign.ExecuteAsync(new SignAgreementCommand(agreementId, 3, "Signatär", null, null, null), RequestInfo.None))).IsSuccess);
    }
}

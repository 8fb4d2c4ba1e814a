using Microsoft.EntityFrameworkCore;
using Samverkan.Common;
using Samverkan.FollowUp;
using Samverkan.Notifications;
using static Samverkan.Tests.FollowUp.FollowUpWorld;

namespace Samverkan.Tests.FollowUp;

/// <summary>Submitting an answer, the region's review, and the history of a commitment across rounds.</summary>
public sealed class FollowUpSubmissionTests(FollowUpWorld world) : IClassFixture<FollowUpWorld>
{
    [Fact]
    public async Task Submit_NeedsAnEntryForEveryCommitmentThePartyHolds()
    {
        var s = await world.ScenarioAsync();
        await world.SaveAsync(Smedjebacken, s, s.MunicipalCommitment);
        var error = await world.RefusedAsync(() => world.SubmitAsync(Smedjebacken, s), "follow-up.entries-missing", "entries");
        Assert.Equal(new[] { s.SecondMunicipalCommitment, s.JointCommitment }.Order(), Assert.IsType<List<Guid>>(error.Extensions!["missing"]).Order());
        Assert.StartsWith("2 av 3 åtaganden saknar uppföljning", error.Message);
    }

    [Fact]
    public async Task Submit_LocksTheEntries_TellsTheRegion_AndAReturnWithACommentOpensThemAgain()
    {
        var s = await world.ScenarioAsync();
        await world.AnswerAllAsync(s);
        var submitted = (await world.SubmitAsync(Smedjebacken, s)).Value;
        Assert.Equal(("submitted", false, $"Test {Smedjebacken}"), (submitted.Status, submitted.Late, submitted.SubmittedBy));
        var mail = await MailAsync(FollowUpNotifier.SubmittedKind, s);
        Assert.Equal(new[] { RegionAdmin, RegionOfficer }.Order(), mail.Select(m => m.To).Order());

        var form = (await world.FormAsync(Smedjebacken, s)).Value;
        Assert.Equal((false, false), (form.CanEdit, form.CanSubmit));
        await world.RefusedAsync(() => world.SaveAsync(Smedjebacken, s, s.MunicipalCommitment, EntryStatuses.Done, 100, version: 1), "follow-up.submission-locked");
        await world.RefusedAsync(() => world.SubmitAsync(Smedjebacken, s), "follow-up.already-submitted");

        await world.RefusedAsync(() => world.ReviewAsync(RegionOfficer, s, submitted.Id!.Value, ReviewDecisions.Return, "  "), "follow-up.comment-required", "comment");
        var returned = (await world.ReviewAsync(RegionOfficer, s, submitted.Id!.Value, ReviewDecisions.Return, "Berätta mer om biblioteket på lördagar.")).Value;
        Assert.Equal(("returned", "Berätta mer om biblioteket på lördagar."), (returned.Status, returned.ReviewComment));
        var back = await MailAsync(FollowUpNotifier.ReturnedKind, s);
        Assert.Equal(Smedjebacken, Assert.Single(back).To);
        Assert.Contains("Berätta mer om biblioteket på lördagar.", back[0].Body);

        var edited = await world.SaveAsync(Smedjebacken, s, s.SecondMunicipalCommitment, EntryStatuses.Done, 100, "Öppet varje lördag sedan mars.", version: 1);
        Assert.True(edited.IsSuccess, edited.Error?.Message);
        world.Clock.UtcNow = new DateTime(s.Year + 1, 4, 2, 8, 0, 0, DateTimeKind.Utc);
        var again = (await world.SubmitAsync(Smedjebacken, s)).Value;
        Assert.Equal(("submitted", true, (string?)null), (again.Status, again.Late, again.ReviewComment));
        var accepted = (await world.ReviewAsync(RegionAdmin, s, again.Id!.Value, ReviewDecisions.Accept)).Value;
        Assert.Equal("accepted", accepted.Status);
        Assert.Equal(["submitted", "returned", "submitted", "accepted"], accepted.Events.Select(e => e.Kind));
        Assert.Equal("Berätta mer om biblioteket på lördagar.", accepted.Events[1].Comment);
        await world.RefusedAsync(() => world.SaveAsync(Smedjebacken, s, s.MunicipalCommitment, EntryStatuses.Done, 100, version: 1), "follow-up.submission-locked");
        Assert.Equal(Smedjebacken, Assert.Single(await MailAsync(FollowUpNotifier.AcceptedKind, s)).To);
    }

    /// <summary>The messages of one kind about this scenario's agreements (their titles carry the scenario's years).</summary>
    private Task<List<OutboxMessage>> MailAsync(string kind, Scenario s) =>
        world.QueryAsync(db => db.Set<OutboxMessage>().Where(m => m.Kind == kind && m.Body.Contains($" {s.Year}–{s.Year + 1}")).ToListAsync());

    [Fact]
    public async Task Review_IsForTheRegionsStaff_OfASubmittedAnswer_WithAKnownDecision()
    {
        var s = await world.ScenarioAsync();
        await world.AnswerAllAsync(s);
        var id = (await world.SubmitAsync(Smedjebacken, s)).Value.Id!.Value;

        foreach (var who in new[] { Smedjebacken, Mora, RegionViewer, Gavleborg })
            await world.RefusedAsync(() => world.ReviewAsync(who, s, id, ReviewDecisions.Accept), "access.forbidden");
        await world.RefusedAsync(() => world.ReviewAsync(RegionOfficer, s, id, "maybe"), "follow-up.decision-invalid", "decision");
        await world.RefusedAsync(() => world.ReviewAsync(RegionOfficer, s, id, ReviewDecisions.Return, new string('x', FollowUpLimits.ReviewComment + 1)),
            "follow-up.comment-too-long", "comment");
        await world.RefusedAsync(() => world.ReviewAsync(RegionOfficer, s, Guid.NewGuid(), ReviewDecisions.Accept), "follow-up.submission-not-found");
        Assert.True((await world.ReviewAsync(RegionOfficer, s, id, ReviewDecisions.Accept)).IsSuccess);
        await world.RefusedAsync(() => world.ReviewAsync(RegionOfficer, s, id, ReviewDecisions.Return, "För sent"), "follow-up.submission-not-submitted");
    }

    [Fact]
    public async Task AfterClosing_NothingCanBeSubmittedOrReturned_ButWhatIsInCanBeAccepted()
    {
        var s = await world.ScenarioAsync();
        await world.AnswerAllAsync(s);
        var id = (await world.SubmitAsync(Smedjebacken, s)).Value.Id!.Value;
        await world.SaveAsync(Mora, s, s.MoraCommitment);
        await world.RunAsync(RegionOfficer, (CloseFollowUpRound close) => close.ExecuteAsync(s.RoundId));

        await world.RefusedAsync(() => world.SubmitAsync(Mora, s, s.MoraAgreement), "follow-up.round-closed");
        await world.RefusedAsync(() => world.ReviewAsync(RegionOfficer, s, id, ReviewDecisions.Return, "Komplettera"), "follow-up.round-closed");
        Assert.Equal("accepted", (await world.ReviewAsync(RegionOfficer, s, id, ReviewDecisions.Accept)).Value.Status);
    }

    [Fact]
    public async Task Submit_IsOnlyForTheParty_AndTheRegionsOwnAnswerIsAcceptedAtOnce()
    {
        var s = await world.ScenarioAsync();
        await world.AnswerAllAsync(s);
        await world.RefusedAsync(() => world.SubmitAsync(RegionOfficer, s, party: "2061"), "access.forbidden");
        await world.RefusedAsync(() => world.SubmitAsync(Mora, s), "access.forbidden");
        await world.RefusedAsync(() => world.SubmitAsync(SmedjebackenViewer, s), "access.forbidden");
        await world.RefusedAsync(() => world.RunAsync(Smedjebacken, (SubmitFollowUp submit) => submit.ExecuteAsync(s.RoundId, Guid.Empty, null)),
            "follow-up.agreement-required", "agreementId");

        await world.SaveAsync(RegionOfficer, s, s.RegionCommitment, EntryStatuses.Done, 100);
        await world.SaveAsync(RegionOfficer, s, s.JointCommitment, EntryStatuses.Ongoing, 50);
        var outbox = await world.QueryAsync(db => db.Set<OutboxMessage>().CountAsync());
        var region = (await world.SubmitAsync(RegionOfficer, s)).Value;
        Assert.Equal(("20", "accepted"), (region.Party.Code, region.Status));
        Assert.Equal(["submitted", "accepted"], region.Events.Select(e => e.Kind));
        Assert.Equal(outbox, await world.QueryAsync(db => db.Set<OutboxMessage>().CountAsync()));
    }

    [Fact]
    public async Task Timeline_ShowsEveryChangeAndReviewOfACommitment_AcrossRounds()
    {
        var s = await world.ScenarioAsync();
        await world.SaveAsync(Smedjebacken, s, s.JointCommitment, EntryStatuses.NotStarted, 0, "Vi har inte börjat.");
        world.Tick();
        await world.SaveAsync(RegionOfficer, s, s.JointCommitment, EntryStatuses.Ongoing, 20, "Musiker är bokade.");
        world.Tick();
        await world.SaveAsync(Smedjebacken, s, s.JointCommitment, EntryStatuses.Ongoing, 30, "Första besöket är gjort.", version: 1);
        world.Tick();
        await world.SaveAsync(Smedjebacken, s, s.MunicipalCommitment);
        world.Tick();
        await world.SaveAsync(Smedjebacken, s, s.SecondMunicipalCommitment);
        world.Tick();
        var id = (await world.SubmitAsync(Smedjebacken, s)).Value.Id!.Value;
        world.Tick();
        await world.ReviewAsync(RegionOfficer, s, id, ReviewDecisions.Accept);
        world.Tick();
        await world.RunAsync(RegionOfficer, (CloseFollowUpRound close) => close.ExecuteAsync(s.RoundId));
        world.Clock.UtcNow = new DateTime(s.Year + 2, 1, 10, 8, 0, 0, DateTimeKind.Utc);
        var next = (await world.RunAsync(RegionOfficer, (OpenFollowUpRound open) => open.ExecuteAsync(
            new OpenFollowUpRoundCommand(s.PlanId, s.Year + 1, new DateOnly(s.Year + 2, 3, 31), null)))).Value;
        await world.SaveAsync(Smedjebacken, s, s.JointCommitment, EntryStatuses.Done, 100, "Fyra boenden har fått besök.", roundId: next.Id);

        var timeline = (await world.RunAsync(Smedjebacken, (GetCommitmentTimeline get) => get.ExecuteAsync(s.JointCommitment))).Value;
        Assert.Equal("Region och kommun prövar kultur i äldreomsorgen.", timeline.Text);
        Assert.Equal(["20", "2061"], timeline.Parties.Select(p => p.Code).Order());
        Assert.Equal(
            ["created 2061", "created 20", "updated 2061", "submitted 2061", "accepted 2061", "created 2061"],
            timeline.Events.Select(e => $"{e.Kind} {e.Party.Code}"));
        Assert.Equal([s.Year, s.Year, s.Year, s.Year, s.Year, s.Year + 1], timeline.Events.Select(e => e.Year));
        var update = timeline.Events[2];
        Assert.Equal(("not-started", "ongoing", "Första besöket är gjort."), (update.Before!.Status, update.After!.Status, update.After.Narrative));

        Assert.Equal("access.forbidden", (await world.RunAsync(Mora, (GetCommitmentTimeline get) => get.ExecuteAsync(s.JointCommitment))).Error!.Code);
        Assert.True((await world.RunAsync(RegionOfficer, (GetCommitmentTimeline get) => get.ExecuteAsync(s.JointCommitment))).IsSuccess);
        Assert.Equal("follow-up.commitment-unknown", (await world.RunAsync(Smedjebacken, (GetCommitmentTimeline get) => get.ExecuteAsync(Guid.NewGuid()))).Error!.Code);
        Assert.Equal("access.unauthenticated", (await world.RunAsync(null, (GetCommitmentTimeline get) => get.ExecuteAsync(s.JointCommitment))).Error!.Code);
    }
}

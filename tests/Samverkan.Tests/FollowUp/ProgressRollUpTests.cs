using Samverkan.Common;
using Samverkan.FollowUp;
using Samverkan.Organizations;
using Samverkan.Plans;
using static Samverkan.Tests.FollowUp.FollowUpWorld;

namespace Samverkan.Tests.FollowUp;

/// <summary>The roll-up arithmetic by itself: weights, what counts, what is shown as missing.</summary>
public sealed class ProgressRollUpTests
{
    private static readonly Organization Region = new() { Code = "20", Name = "Region Dalarna", Kind = OrganizationKind.Region };
    private static readonly Organization Town = new() { Code = "2061", Name = "Smedjebackens kommun", Kind = OrganizationKind.Municipality };

    private static ScopedCommitment Commitment(params Organization[] parties) =>
        new(Guid.NewGuid(), 0, "Barn och unga", "Ett åtagande", parties, null, null, null, []);

    private static FollowUpEntry Entry(string status, int? progress) => new() { Status = status, Progress = progress, UpdatedByName = "test" };

    private static ProgressPart Part(ScopedCommitment c, Organization party, FollowUpEntry? entry) =>
        ProgressRollUp.Part(Guid.Empty, "Överenskommelse", c, new OrganizationRef(party.Code, party.DisplayName), entry);

    [Theory]
    [InlineData(EntryStatuses.Ongoing, 40, ProgressOutcomes.Counted, 40)]
    [InlineData(EntryStatuses.Done, null, ProgressOutcomes.Counted, 100)]
    [InlineData(EntryStatuses.Done, 80, ProgressOutcomes.Counted, 80)]
    [InlineData(EntryStatuses.NotStarted, null, ProgressOutcomes.Counted, 0)]
    [InlineData(EntryStatuses.Ongoing, null, ProgressOutcomes.NoFigure, null)]
    [InlineData(EntryStatuses.Changed, null, ProgressOutcomes.NoFigure, null)]
    [InlineData(EntryStatuses.Changed, 70, ProgressOutcomes.Counted, 70)]
    [InlineData(EntryStatuses.Cancelled, 30, ProgressOutcomes.Cancelled, null)]
    public void Part_TakesTheStatedFigure_DoneAndNotStartedWithoutOne_AndLeavesOutTheRest(string status, int? progress, string outcome, int? value)
    {
        var part = Part(Commitment(Town), Town, Entry(status, progress));
        Assert.Equal((outcome, (decimal?)value, 1m), (part.Outcome, part.Value, part.Weight));
    }

    [Fact]
    public void Part_WithoutAnAcceptedEntry_IsMissing_AndAJointCommitmentIsSharedEquallyByItsParties()
    {
        var part = Part(Commitment(Region, Town), Region, null);
        Assert.Equal((ProgressOutcomes.Missing, (decimal?)null, 0.5m, (string?)null), (part.Outcome, part.Value, part.Weight, part.Status));
    }

    [Fact]
    public void Figure_IsTheWeightedMeanOfCountedParts_WithMissingShownAndCancelledLeftOut()
    {
        var joint = Commitment(Region, Town);
        var parts = new[]
        {
            Part(Commitment(Town), Town, Entry(EntryStatuses.Ongoing, 80)),
            Part(Commitment(Town), Town, null),
            Part(Commitment(Region), Region, Entry(EntryStatuses.Cancelled, null)),
            Part(joint, Town, Entry(EntryStatuses.Ongoing, 40)),
            Part(joint, Region, null),
            Part(Commitment(Town), Town, Entry(EntryStatuses.Ongoing, null)),
        };
        var figure = ProgressRollUp.Figure("k", "Etikett", parts);

        // (1 × 80 + 0,5 × 40) / 1,5; the missing answers are not taken as 0 and the cancelled commitment is out of both sums.
        Assert.Equal(66.7m, figure.Progress);
        Assert.Equal((1.5m, 4m, 5), (figure.CountedWeight, figure.TotalWeight, figure.Commitments));
        Assert.Equal(new ProgressCounts(Counted: 2, Missing: 2, NoFigure: 1, Cancelled: 1), figure.Counts);
        Assert.Equal("100 / 1,5 = 66,7 %. Täckning: 1,5 av 4 (37,5 %). Räknas: 2, saknas: 2, utan procentsats: 1, inställda: 1.", figure.Calculation);
        Assert.Equal(parts, figure.Parts);
    }

    [Fact]
    public void Figure_WithNothingCounted_HasNoNumber_InsteadOfZero()
    {
        var figure = ProgressRollUp.Figure("k", "Etikett", [Part(Commitment(Town), Town, null), Part(Commitment(Town), Town, null)]);
        Assert.Null(figure.Progress);
        Assert.Equal((0m, 2m), (figure.CountedWeight, figure.TotalWeight));
        Assert.StartsWith("Inget godkänt svar med procentsats", figure.Calculation);
        Assert.Contains("Täckning: 0 av 2 (0 %)", figure.Calculation);
    }

    [Fact]
    public void Figure_OfOnlyCancelledCommitments_HasNoWeightAndNoNumber()
    {
        var figure = ProgressRollUp.Figure("k", "Etikett", [Part(Commitment(Town), Town, Entry(EntryStatuses.Cancelled, null))]);
        Assert.Equal(((decimal?)null, 0m, 0m, 1), (figure.Progress, figure.CountedWeight, figure.TotalWeight, figure.Counts.Cancelled));
    }
}

/// <summary>The roll-up of real rounds: only answers the region accepted count.</summary>
public sealed class RoundProgressTests(FollowUpWorld world) : IClassFixture<FollowUpWorld>
{
    [Fact]
    public async Task Progress_CountsOnlyAcceptedAnswers_PerAgreementMunicipalityAndArea_AndYearOverYear()
    {
        var s = await world.ScenarioAsync();
        Assert.True((await world.SaveAsync(Smedjebacken, s, s.MunicipalCommitment, EntryStatuses.Done, null)).IsSuccess);
        Assert.True((await world.SaveAsync(Smedjebacken, s, s.SecondMunicipalCommitment, EntryStatuses.Ongoing, 50)).IsSuccess);
        Assert.True((await world.SaveAsync(Smedjebacken, s, s.JointCommitment, EntryStatuses.Ongoing, 60)).IsSuccess);
        var submitted = (await world.SubmitAsync(Smedjebacken, s)).Value;
        // Saved but not submitted: the region's own answers and Mora's stay out of the figures.
        Assert.True((await world.SaveAsync(RegionOfficer, s, s.RegionCommitment, EntryStatuses.Done, 100)).IsSuccess);
        Assert.True((await world.SaveAsync(Mora, s, s.MoraCommitment, EntryStatuses.Done, 100)).IsSuccess);

        var before = (await world.RunAsync(null, (GetRoundProgress get) => get.ExecuteAsync(s.RoundId))).Value;
        Assert.Null(before.Total.Progress);
        Assert.Equal(0, before.Total.Counts.Counted);

        Assert.True((await world.ReviewAsync(RegionOfficer, s, submitted.Id!.Value, ReviewDecisions.Accept)).IsSuccess);
        var progress = (await world.RunAsync(null, (GetRoundProgress get) => get.ExecuteAsync(s.RoundId))).Value;

        var smedjebacken = progress.Agreements.Single(a => a.Key == s.Agreement.ToString());
        // (100 + 50 + 0,5 × 60) / 2,5: the region's share of the joint commitment and its own commitment are missing.
        Assert.Equal((72.0m, 2.5m, 4m), (smedjebacken.Progress, smedjebacken.CountedWeight, smedjebacken.TotalWeight));
        Assert.Equal(new ProgressCounts(3, 2, 0, 0), smedjebacken.Counts);
        Assert.Equal(ProgressOutcomes.Missing, smedjebacken.Parts.Single(p => p.CommitmentId == s.RegionCommitment).Outcome);
        Assert.Equal(ProgressOutcomes.Missing, smedjebacken.Parts.Single(p => p.CommitmentId == s.JointCommitment && p.Party.Code == "20").Outcome);

        var mora = progress.Agreements.Single(a => a.Key == s.MoraAgreement.ToString());
        Assert.Equal(((decimal?)null, 0m, 4m), (mora.Progress, mora.CountedWeight, mora.TotalWeight));
        // The municipality's figure covers its agreement as a whole, the region's commitments in it too.
        var town = progress.Municipalities.Single(m => m.Key == "2061");
        Assert.Equal((smedjebacken.Progress, smedjebacken.Calculation), (town.Progress, town.Calculation));
        Assert.Equal(smedjebacken.Parts, town.Parts);
        Assert.Equal((72.0m, 2.5m, 8m), (progress.Total.Progress, progress.Total.CountedWeight, progress.Total.TotalWeight));
        var area = Assert.Single(progress.Areas);
        Assert.Equal(("Barn och unga", 72.0m, 8m), (area.Label, area.Progress, area.TotalWeight));
        Assert.Equal(ProgressRollUp.Formula, progress.Formula);

        var plan = (await world.RunAsync(null, (GetPlanProgress get) => get.ExecuteAsync(s.PlanId))).Value;
        var year = Assert.Single(plan.YearOverYear);
        Assert.Equal((s.Year, (decimal?)72.0m, 2.5m, 8m), (year.Year, year.Progress, year.CountedWeight, year.TotalWeight));
        var outside = await world.RunAsync(null, (GetPlanProgress get) => get.ExecuteAsync(s.PlanId, s.Year + 5));
        Assert.Equal(("follow-up.year-outside-plan", "year"), (outside.Error!.Code, outside.Error.Field));
        Assert.Empty((await world.RunAsync(null, (GetPlanProgress get) => get.ExecuteAsync(s.PlanId, s.Year + 1))).Value.Rounds);
    }

    [Fact]
    public async Task Progress_PerGoal_CountsASubGoalsCommitmentsForItsParent_AndPerDevelopmentAreaOnce()
    {
        Guid area = default, reading = default, goal = default, subGoal = default, books = default;
        var s = await world.ScenarioAsync(goals: async plan =>
        {
            async Task<Guid> Run<TCase>(Func<TCase, Task<Result<Guid>>> call) where TCase : notnull =>
                (await world.RunAsync(RegionOfficer, call)).Value;
            area = await Run((AddDevelopmentArea add) => add.ExecuteAsync(new AddDevelopmentAreaCommand(plan, "Barn och unga")));
            reading = await Run((AddDevelopmentArea add) => add.ExecuteAsync(new AddDevelopmentAreaCommand(plan, "Läsning")));
            goal = await Run((AddGoal add) => add.ExecuteAsync(new AddGoalCommand(plan, "Alla barn möter kultur", DevelopmentAreaId: area)));
            subGoal = await Run((AddGoal add) => add.ExecuteAsync(new AddGoalCommand(plan, "Varje skola får två föreställningar", ParentId: goal)));
            books = await Run((AddGoal add) => add.ExecuteAsync(new AddGoalCommand(plan, "Fler läser på fritiden", DevelopmentAreaId: reading)));
            // region → sub-goal; municipality → sub-goal; municipality → reading; joint → the parent goal and reading.
            return [[subGoal], [subGoal], [books], [goal, books]];
        });
        Assert.True((await world.SaveAsync(Smedjebacken, s, s.MunicipalCommitment, EntryStatuses.Done, null)).IsSuccess);
        Assert.True((await world.SaveAsync(Smedjebacken, s, s.SecondMunicipalCommitment, EntryStatuses.Ongoing, 50)).IsSuccess);
        Assert.True((await world.SaveAsync(Smedjebacken, s, s.JointCommitment, EntryStatuses.Ongoing, 60)).IsSuccess);
        var submitted = (await world.SubmitAsync(Smedjebacken, s)).Value;
        Assert.True((await world.ReviewAsync(RegionOfficer, s, submitted.Id!.Value, ReviewDecisions.Accept)).IsSuccess);

        var progress = (await world.RunAsync(null, (GetRoundProgress get) => get.ExecuteAsync(s.RoundId))).Value;
        var byGoal = progress.Goals.ToDictionary(g => Guid.Parse(g.Key));
        // The sub-goal: the region's and the municipality's commitment in both agreements; only Smedjebacken's answer (100) is in.
        Assert.Equal((100.0m, 1m, 4m, 4), (byGoal[subGoal].Progress, byGoal[subGoal].CountedWeight, byGoal[subGoal].TotalWeight, byGoal[subGoal].Commitments));
        // The parent: its sub-goal's commitments plus the joint one, half of which (60) is answered: (100 + 0,5 × 60) / 1,5.
        Assert.Equal((86.7m, 1.5m, 6m, 6), (byGoal[goal].Progress, byGoal[goal].CountedWeight, byGoal[goal].TotalWeight, byGoal[goal].Commitments));
        // Reading: the Saturday library (50) and the joint commitment (60 at half weight): (50 + 30) / 1,5.
        Assert.Equal((53.3m, 1.5m, 4m), (byGoal[books].Progress, byGoal[books].CountedWeight, byGoal[books].TotalWeight));
        // Parents before their sub-goals, so a reader goes from the whole to the parts.
        Assert.True(progress.Goals.ToList().FindIndex(g => g.Key == goal.ToString()) < progress.Goals.ToList().FindIndex(g => g.Key == subGoal.ToString()));
        Assert.Contains("86,7", byGoal[goal].Calculation);

        // Development areas: the sub-goal has none of its own and counts through its parent; the joint commitment,
        // linked to goals in both areas, counts once in each.
        var byArea = progress.DevelopmentAreas.ToDictionary(a => a.Label);
        Assert.Equal(["Barn och unga", "Läsning"], progress.DevelopmentAreas.Select(a => a.Label));
        Assert.Equal((86.7m, 6m), (byArea["Barn och unga"].Progress, byArea["Barn och unga"].TotalWeight));
        Assert.Equal((53.3m, 4m), (byArea["Läsning"].Progress, byArea["Läsning"].TotalWeight));
    }

    [Fact]
    public async Task Progress_OfAnUnknownRoundOrPlan_IsNotFound()
    {
        Assert.Equal("follow-up.round-not-found", (await world.RunAsync(null, (GetRoundProgress get) => get.ExecuteAsync(Guid.NewGuid()))).Error!.Code);
        Assert.Equal("plan.not-found", (await world.RunAsync(null, (GetPlanProgress get) => get.ExecuteAsync(Guid.NewGuid()))).Error!.Code);
    }
}

/// <summary>What the public agreement page shows of the follow-up: accepted answers only, with earlier years as history.</summary>
public sealed class PublicFollowUpTests(FollowUpWorld world) : IClassFixture<FollowUpWorld>
{
    [Fact]
    public async Task PublicFollowUp_ShowsAcceptedAnswersOnly_LatestFirst_WithHistory()
    {
        var s = await world.ScenarioAsync();
        Assert.True((await world.SaveAsync(Smedjebacken, s, s.MunicipalCommitment, EntryStatuses.Ongoing, 40, "Ansökan skrevs under våren.")).IsSuccess);
        Assert.True((await world.SaveAsync(Smedjebacken, s, s.SecondMunicipalCommitment, EntryStatuses.Done, null)).IsSuccess);
        Assert.True((await world.SaveAsync(Smedjebacken, s, s.JointCommitment, EntryStatuses.Ongoing, 10)).IsSuccess);
        var first = (await world.SubmitAsync(Smedjebacken, s)).Value;
        Assert.True((await world.SaveAsync(RegionOfficer, s, s.RegionCommitment, EntryStatuses.Ongoing, 50, "Hemligt utkast från regionen.")).IsSuccess);

        var waiting = (await world.RunAsync(null, (GetPublicFollowUp get) => get.ExecuteAsync(s.Agreement))).Value;
        Assert.All(waiting.Commitments, c => Assert.Empty(c.History));

        Assert.True((await world.ReviewAsync(RegionOfficer, s, first.Id!.Value, ReviewDecisions.Accept)).IsSuccess);
        world.Tick();
        var next = (await world.RunAsync(RegionOfficer, (OpenFollowUpRound open) => open.ExecuteAsync(
            new OpenFollowUpRoundCommand(s.PlanId, s.Year + 1, new DateOnly(s.Year + 2, 3, 31), null)))).Value.Id;
        Assert.True((await world.SaveAsync(Smedjebacken, s, s.MunicipalCommitment, EntryStatuses.Done, 100, "Beviljat.", roundId: next)).IsSuccess);
        Assert.True((await world.SaveAsync(Smedjebacken, s, s.SecondMunicipalCommitment, EntryStatuses.Done, null, roundId: next)).IsSuccess);
        Assert.True((await world.SaveAsync(Smedjebacken, s, s.JointCommitment, EntryStatuses.Cancelled, null, roundId: next)).IsSuccess);
        var second = (await world.RunAsync(Smedjebacken, (SubmitFollowUp submit) => submit.ExecuteAsync(next, s.Agreement, null))).Value;
        // Submitted but not yet accepted: the public still sees last year's answer.
        Assert.Equal(s.Year, Assert.Single((await world.RunAsync(null, (GetPublicFollowUp get) => get.ExecuteAsync(s.Agreement))).Value
            .Commitments.Single(c => c.CommitmentId == s.MunicipalCommitment).History).Year);

        Assert.True((await world.RunAsync(RegionOfficer, (ReviewFollowUpSubmission review) =>
            review.ExecuteAsync(next, second.Id!.Value, ReviewDecisions.Accept, null))).IsSuccess);
        var shown = (await world.RunAsync(null, (GetPublicFollowUp get) => get.ExecuteAsync(s.Agreement))).Value;
        var municipal = shown.Commitments.Single(c => c.CommitmentId == s.MunicipalCommitment);
        Assert.Equal((s.Year + 1, "done", (int?)100, "Beviljat."), (municipal.Latest.Single().Year, municipal.Latest[0].Status, municipal.Latest[0].Progress, municipal.Latest[0].Narrative));
        Assert.Equal([s.Year + 1, s.Year], municipal.History.Select(h => h.Year));
        Assert.Equal("Ansökan skrevs under våren.", municipal.History[1].Narrative);
        // The region never submitted its own answer, so its draft stays out.
        Assert.Empty(shown.Commitments.Single(c => c.CommitmentId == s.RegionCommitment).History);
        Assert.DoesNotContain(shown.Commitments.SelectMany(c => c.History), h => h.Narrative == "Hemligt utkast från regionen.");
    }

    [Fact]
    public async Task PublicFollowUp_OfAnUnsignedAgreement_IsNotFound() =>
        Assert.Equal("agreement.not-found", (await world.RunAsync(null, (GetPublicFollowUp get) => get.ExecuteAsync(Guid.NewGuid()))).Error!.Code);
}

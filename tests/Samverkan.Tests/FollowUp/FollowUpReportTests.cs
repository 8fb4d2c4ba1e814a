using Samverkan.Common;
using Samverkan.FollowUp;
using static Samverkan.Tests.FollowUp.FollowUpWorld;

namespace Samverkan.Tests.FollowUp;

/// <summary>The follow-up report of a municipality and of the region: its counts, what is missing and why, the years side by side, and who may read it.</summary>
public sealed class FollowUpReportTests(FollowUpWorld world) : IClassFixture<FollowUpWorld>
{
    private Task<Result<FollowUpReport>> MunicipalityAsync(string? who, int year, string code = "2061") =>
        world.RunAsync(who, (GetFollowUpReport get) => get.ForMunicipalityAsync(code, year));

    private Task<Result<FollowUpReport>> RegionAsync(string? who, int year, string code = "20") =>
        world.RunAsync(who, (GetFollowUpReport get) => get.ForRegionAsync(code, year));

    private static int Count(IEnumerable<StatusCount> counts, string status) => counts.Single(c => c.Status == status).Count;

    /// <summary>
    /// Year one: Smedjebacken's answers and the region's own are accepted, Mora's is submitted but not reviewed.
    /// Year two: Smedjebacken's answers are accepted, the region gives none, Mora saves a draft.
    /// </summary>
    private async Task<(Scenario First, Scenario Second)> TwoYearsAsync()
    {
        var s = await world.ScenarioAsync();
        Assert.True((await world.SaveAsync(Smedjebacken, s, s.MunicipalCommitment, EntryStatuses.Done, null, "Ansökan är beviljad.")).IsSuccess);
        Assert.True((await world.SaveAsync(Smedjebacken, s, s.SecondMunicipalCommitment, EntryStatuses.Ongoing, 50)).IsSuccess);
        Assert.True((await world.SaveAsync(Smedjebacken, s, s.JointCommitment, EntryStatuses.Ongoing, 60)).IsSuccess);
        var submitted = (await world.SubmitAsync(Smedjebacken, s)).Value;
        Assert.True((await world.ReviewAsync(RegionOfficer, s, submitted.Id!.Value, ReviewDecisions.Accept)).IsSuccess);
        Assert.True((await world.SaveAsync(RegionOfficer, s, s.RegionCommitment, EntryStatuses.Ongoing, 40, "En av två turnéer är gjord.")).IsSuccess);
        Assert.True((await world.SaveAsync(RegionOfficer, s, s.JointCommitment, EntryStatuses.Ongoing, 80)).IsSuccess);
        Assert.True((await world.SubmitAsync(RegionOfficer, s)).IsSuccess);
        var moraForm = (await world.FormAsync(Mora, s, agreement: s.MoraAgreement)).Value;
        foreach (var c in moraForm.Commitments.Where(c => c.Parties.Any(p => p.Code == "2062")))
            Assert.True((await world.SaveAsync(Mora, s, c.CommitmentId, EntryStatuses.Done, 100)).IsSuccess);
        Assert.True((await world.SubmitAsync(Mora, s, s.MoraAgreement)).IsSuccess);

        world.Tick();
        var second = s with
        {
            Year = s.Year + 1,
            RoundId = (await world.RunAsync(RegionOfficer, (OpenFollowUpRound open) => open.ExecuteAsync(
                new OpenFollowUpRoundCommand(s.PlanId, s.Year + 1, new DateOnly(s.Year + 2, 3, 31), null)))).Value.Id,
        };
        foreach (var c in new[] { second.MunicipalCommitment, second.SecondMunicipalCommitment, second.JointCommitment })
            Assert.True((await world.SaveAsync(Smedjebacken, second, c, EntryStatuses.Done, 100)).IsSuccess);
        var again = (await world.SubmitAsync(Smedjebacken, second)).Value;
        Assert.True((await world.ReviewAsync(RegionOfficer, second, again.Id!.Value, ReviewDecisions.Accept)).IsSuccess);
        Assert.True((await world.SaveAsync(Mora, second, second.MoraCommitment, EntryStatuses.Done, 100)).IsSuccess);
        return (s, second);
    }

    [Fact]
    public async Task MunicipalityReport_CountsAcceptedAnswersByStatusAndArea_ShowsMissingAsMissing_AndReadsTheYearsSideBySide()
    {
        var (first, second) = await TwoYearsAsync();

        var report = (await MunicipalityAsync(SmedjebackenViewer, second.Year)).Value;

        Assert.Equal((ReportScopes.Municipality, "2061", "20", second.Year), (report.Scope, report.Subject.Code, report.Region.Code, report.Year));
        // Only Smedjebacken's own agreement: four commitments, five shares (the joint one has two).
        Assert.Equal((1, 4, 5), (report.Summary.Agreements, report.Summary.Commitments, report.Summary.Answers));
        Assert.Equal(second.Agreement, Assert.Single(report.Agreements).Id);
        Assert.Equal((3, 0, 2), (Count(report.Summary.Statuses, EntryStatuses.Done), Count(report.Summary.Statuses, EntryStatuses.Ongoing),
            Count(report.Summary.Statuses, ReportStatuses.Missing)));
        // (1 + 1 + 0,5) × 100 / 2,5; the region's two missing shares are neither 0 nor averaged in.
        Assert.Equal((100.0m, 2.5m, 4m), (report.Summary.Progress.Progress, report.Summary.Progress.CountedWeight, report.Summary.Progress.TotalWeight));

        var area = Assert.Single(report.Areas);
        Assert.Equal(("Barn och unga", 5, 2), (area.Area, area.Answers, Count(area.Statuses, ReportStatuses.Missing)));
        Assert.Equal(ReportStatuses.Order, area.Statuses.Select(s => s.Status));

        // The region's commitment: missing this year because the region has saved nothing, with last year's accepted answer beside it.
        var regional = report.Agreements[0].Commitments.Single(c => c.Id == second.RegionCommitment);
        var answer = Assert.Single(regional.Answers);
        Assert.Equal((ReportStatuses.Missing, SubmissionStatuses.Draft, (int?)null), (answer.Status, answer.Submission, answer.Progress));
        Assert.Equal(new EarlierAnswer(first.Year, EntryStatuses.Ongoing, 40, "En av två turnéer är gjord."), answer.Earlier);
        var municipal = report.Agreements[0].Commitments.Single(c => c.Id == second.MunicipalCommitment).Answers.Single();
        Assert.Equal((EntryStatuses.Done, 100, SubmissionStatuses.Accepted, (EarlierAnswer?)null),
            (municipal.Status, municipal.Progress, municipal.Submission, municipal.Earlier));

        // Year over year: (40 + 100 + 50 + 0,5 × 60 + 0,5 × 80) / 4 = 65 the first year, with everything answered.
        Assert.Equal([first.Year, second.Year], report.YearOverYear.Select(y => y.Year));
        Assert.Equal((65.0m, 4m, 4m), (report.YearOverYear[0].Progress.Progress, report.YearOverYear[0].Progress.CountedWeight,
            report.YearOverYear[0].Progress.TotalWeight));
        Assert.Equal(0, Count(report.YearOverYear[0].Statuses, ReportStatuses.Missing));
        Assert.Equal((100.0m, 2), (report.YearOverYear[1].Progress.Progress, Count(report.YearOverYear[1].Statuses, ReportStatuses.Missing)));

        // The first year's report knows nothing of the second.
        var earlierReport = (await MunicipalityAsync(Smedjebacken, first.Year)).Value;
        Assert.Equal([first.Year], earlierReport.YearOverYear.Select(y => y.Year));
        Assert.Equal(65.0m, earlierReport.Summary.Progress.Progress);
        Assert.Empty(earlierReport.Municipalities);
    }

    [Fact]
    public async Task RegionReport_CoversEveryAgreement_PerMunicipality_AndSaysWhyAnAnswerIsMissing()
    {
        var (first, _) = await TwoYearsAsync();

        var report = (await RegionAsync(RegionViewer, first.Year)).Value;

        Assert.Equal((ReportScopes.Region, "20", 2, 8), (report.Scope, report.Subject.Code, report.Summary.Agreements, report.Summary.Commitments));
        Assert.Equal(["2061", "2062"], report.Municipalities.Select(m => m.Key).Order());
        Assert.Equal(65.0m, report.Municipalities.Single(m => m.Key == "2061").Progress);
        Assert.Null(report.Municipalities.Single(m => m.Key == "2062").Progress);
        // Mora's answer is in but not reviewed: missing from the figures, and the report says it waits for the region.
        var mora = report.Agreements.Single(a => a.Id == first.MoraAgreement);
        var moraAnswer = mora.Commitments.Single(c => c.Id == first.MoraCommitment).Answers.Single(a => a.Party.Code == "2062");
        Assert.Equal((ReportStatuses.Missing, SubmissionStatuses.Submitted, (string?)null), (moraAnswer.Status, moraAnswer.Submission, moraAnswer.Narrative));
        Assert.Equal(SubmissionStatuses.Submitted, mora.Submissions.Single(s => s.Party.Code == "2062").Status);
        // Smedjebacken and the region accepted; Mora submitted; the region's part of Mora's agreement is owed but not begun.
        Assert.Equal(new SubmissionCounts(Expected: 4, Draft: 1, Submitted: 1, Returned: 0, Accepted: 2), report.Summary.Submissions);
        Assert.Equal(10, report.Summary.Answers);
        Assert.Equal(report.Summary.Answers, report.Summary.Statuses.Sum(s => s.Count));
        Assert.Equal(report.Summary.Answers, report.Areas.Sum(a => a.Answers));
    }

    [Fact]
    public async Task Reports_AreReadByTheRegionsAndTheMunicipalitysOwnAccounts_AndRefusedToOthers()
    {
        var s = await world.ScenarioAsync();

        Assert.True((await MunicipalityAsync(Smedjebacken, s.Year)).IsSuccess);
        Assert.True((await MunicipalityAsync(RegionViewer, s.Year)).IsSuccess);
        Assert.True((await RegionAsync(RegionAdmin, s.Year)).IsSuccess);
        Assert.Equal(ErrorKind.Forbidden, (await MunicipalityAsync(Mora, s.Year)).Error!.Kind);
        Assert.Equal(ErrorKind.Forbidden, (await MunicipalityAsync(Gavleborg, s.Year)).Error!.Kind);
        Assert.Equal(ErrorKind.Forbidden, (await RegionAsync(Smedjebacken, s.Year)).Error!.Kind);
        Assert.Equal(ErrorKind.Unauthenticated, (await MunicipalityAsync(null, s.Year)).Error!.Kind);
        Assert.Equal("organization.not-found", (await MunicipalityAsync(Smedjebacken, s.Year, "9999")).Error!.Code);
        Assert.Equal("organization.not-found", (await RegionAsync(RegionOfficer, s.Year, "2061")).Error!.Code);
        Assert.Equal("follow-up-report.no-round", (await MunicipalityAsync(Smedjebacken, s.Year + 1)).Error!.Code);
    }
}

using System.Text;
using Samverkan.FollowUp;
using static Samverkan.Tests.FollowUp.FollowUpWorld;

namespace Samverkan.Tests.FollowUp;

/// <summary>A party's form out as CSV and back in: every line checked, all or nothing, errors by line.</summary>
public sealed class FollowUpImportTests(FollowUpWorld world) : IClassFixture<FollowUpWorld>
{
    private const string Header = "overenskommelse_id;atagande_id;avsnitt;atagande;status;procent;beskrivning";

    private static byte[] Csv(params string[] lines) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n")];

    private static string Line(Guid agreement, Guid commitment, string status, string progress, string narrative = "") =>
        $"\"{agreement}\";\"{commitment}\";\"Barn och unga\";\"Text\";\"{status}\";\"{progress}\";\"{narrative}\"";

    private Task<Samverkan.Common.Result<FollowUpImportResult>> ImportAsync(string who, Scenario s, byte[] file, Guid? round = null) =>
        world.RunAsync(who, (ImportFollowUpForm import) => import.ExecuteAsync(round ?? s.RoundId, "2061", file));

    [Fact]
    public async Task Export_IsExcelReadyCsv_AndImportingItBackChangedSavesEachLineAsARevision()
    {
        var s = await world.ScenarioAsync();
        Assert.True((await world.SaveAsync(Smedjebacken, s, s.MunicipalCommitment, EntryStatuses.Ongoing, 20, "Ansökan \"påbörjad\"; mer i vår.")).IsSuccess);
        var file = (await world.RunAsync(Smedjebacken, (ExportFollowUpForm export) => export.ExecuteAsync(s.RoundId, null))).Value;
        Assert.Equal(Encoding.UTF8.GetPreamble(), file[..3]);
        var rows = FollowUpCsv.Read(file);
        Assert.Equal(FollowUpCsv.Header, rows[0].Fields);
        Assert.Equal([s.MunicipalCommitment, s.SecondMunicipalCommitment, s.JointCommitment], rows.Skip(1).Select(r => Guid.Parse(r.Fields[1])));
        Assert.Equal(["ongoing", "20", "Ansökan \"påbörjad\"; mer i vår."], rows[1].Fields[4..]);

        var text = Encoding.UTF8.GetString(file[3..]).Replace("\"ongoing\";\"20\"", "\"Genomfört\";\"100\"");
        text = text.Replace($"\"{s.JointCommitment}\";\"Barn och unga\";\"Region och kommun prövar kultur i äldreomsorgen.\";\"\";\"\"",
            $"\"{s.JointCommitment}\";\"Barn och unga\";\"Region och kommun prövar kultur i äldreomsorgen.\";\"ongoing\";\"35 %\"");
        var result = await ImportAsync(Smedjebacken, s, [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)]);
        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Equal(new FollowUpImportResult(3, 2, 0, 1), result.Value);
        var form = (await world.FormAsync(Smedjebacken, s)).Value;
        var own = form.Commitments.ToDictionary(c => c.CommitmentId, c => c.Entry);
        Assert.Equal(("done", (int?)100, 2), (own[s.MunicipalCommitment]!.Status, own[s.MunicipalCommitment]!.Progress, own[s.MunicipalCommitment]!.Version));
        Assert.Equal(("ongoing", (int?)35), (own[s.JointCommitment]!.Status, own[s.JointCommitment]!.Progress));
        Assert.Null(own[s.SecondMunicipalCommitment]);
    }

    [Fact]
    public async Task Import_WithBadLines_NamesEveryLine_AndWritesNothing()
    {
        var s = await world.ScenarioAsync();
        var file = Csv(Header,
            Line(s.Agreement, s.MunicipalCommitment, "done", "100"),
            Line(s.Agreement, Guid.NewGuid(), "done", "100"),
            Line(s.Agreement, s.RegionCommitment, "done", "100"),
            Line(s.Agreement, s.SecondMunicipalCommitment, "ongoing", "120"),
            Line(s.Agreement, s.JointCommitment, "ongoing", "fyrtio"),
            $"\"inte-ett-id\";\"{s.JointCommitment}\";\"\";\"\";\"done\";\"\";\"\"",
            Line(s.Agreement, s.MunicipalCommitment, "done", "100"),
            Line(s.Agreement, s.SecondMunicipalCommitment, "kanske", ""));
        // Line 9 repeats a commitment already on line 5; a refused line still claims its commitment.
        var error = await world.RefusedAsync(() => ImportAsync(Smedjebacken, s, file), "follow-up.import-invalid", "file");
        var lines = Assert.IsType<List<ImportLineError>>(error.Extensions!["errors"]);
        Assert.Equal(
            [(3, "follow-up.commitment-unknown"), (4, "follow-up.commitment-not-held"), (5, "follow-up.progress-invalid"),
                (6, "follow-up.import-number-malformed"), (7, "follow-up.import-id-malformed"), (8, "follow-up.import-duplicate"), (9, "follow-up.import-duplicate")],
            lines.Select(l => (l.Line, l.Code)));
        Assert.StartsWith("Rad 6: procent \"fyrtio\" är inte ett heltal.", lines[3].Message);
        Assert.StartsWith("Filen har 7 fel. Inget har sparats.", error.Message);
    }

    [Fact]
    public async Task Import_WithAWrongHeader_OrIntoAClosedRound_OrForAnotherParty_IsRefused()
    {
        var s = await world.ScenarioAsync();
        var good = Csv(Header, Line(s.Agreement, s.MunicipalCommitment, "done", "100"));
        var header = await world.RefusedAsync(() => ImportAsync(Smedjebacken, s, Csv("id;status;procent", Line(s.Agreement, s.MunicipalCommitment, "done", "100"))),
            "follow-up.import-invalid", "file");
        Assert.Equal((1, "follow-up.import-header"), Assert.Single(Assert.IsType<List<ImportLineError>>(header.Extensions!["errors"]).Select(e => (e.Line, e.Code))));
        await world.RefusedAsync(() => ImportAsync(Mora, s, good), "follow-up.party-invalid", "party");
        await world.RefusedAsync(() => ImportAsync(RegionOfficer, s, good), "access.forbidden");
        Assert.True((await world.RunAsync(RegionOfficer, (CloseFollowUpRound close) => close.ExecuteAsync(s.RoundId))).IsSuccess);
        await world.RefusedAsync(() => ImportAsync(Smedjebacken, s, good), "follow-up.round-closed");
    }

    [Fact]
    public async Task Import_IntoASubmittedAnswer_IsRefusedByLine()
    {
        var s = await world.ScenarioAsync();
        await world.AnswerAllAsync(s);
        Assert.True((await world.SubmitAsync(Smedjebacken, s)).IsSuccess);
        var error = await world.RefusedAsync(() => ImportAsync(Smedjebacken, s, Csv(Header, Line(s.Agreement, s.MunicipalCommitment, "done", "100"))),
            "follow-up.import-invalid");
        Assert.Equal((2, "follow-up.submission-locked"), Assert.Single(Assert.IsType<List<ImportLineError>>(error.Extensions!["errors"]).Select(e => (e.Line, e.Code))));
    }
}

using System.Text;
using Microsoft.EntityFrameworkCore;
using Samverkan.Audit;
using Samverkan.Cli;
using Samverkan.FollowUp;
using Samverkan.Tests.FollowUp;
using static Samverkan.Tests.FollowUp.FollowUpWorld;

namespace Samverkan.Tests.Cli;

/// <summary><c>samverkan follow-up export|import</c> in-process against the follow-up tests' database.</summary>
public sealed class FollowUpCliTests(FollowUpWorld world) : IClassFixture<FollowUpWorld>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("samverkan-cli-follow-up-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private sealed record Run(int ExitCode, string Out, string Err);

    private async Task<Run> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await CliApp.RunAsync(args, new StringReader(""), stdout, stderr, world.Database.Settings);
        return new Run(code, stdout.ToString(), stderr.ToString());
    }

    private string PathOf(string name) => Path.Combine(_folder, name);

    [Fact]
    public async Task Export_WritesCsvOrExcelByTheFileName_AndImport_AsAnOfficer_SavesTheEditedLines()
    {
        var s = await world.ScenarioAsync();
        var csv = await RunAsync("follow-up", "export", "--round", s.RoundId.ToString(), "--organization", "2061", "--out", PathOf("form.csv"));
        Assert.Equal((0, ""), (csv.ExitCode, csv.Err));
        Assert.Contains("form.csv", csv.Out);
        var xlsx = await RunAsync("follow-up", "export", "--round", s.RoundId.ToString(), "--organization", "2061", "--out", PathOf("form.xlsx"));
        Assert.Equal(0, xlsx.ExitCode);
        Assert.True(FollowUpFormFormats.LooksLikeXlsx(await File.ReadAllBytesAsync(PathOf("form.xlsx"))));
        Assert.False(File.Exists(PathOf("form.xlsx.tmp")));

        var text = Encoding.UTF8.GetString((await File.ReadAllBytesAsync(PathOf("form.csv")))[3..]);
        var line = text.Split("\r\n").Single(l => l.Contains(s.MunicipalCommitment.ToString(), StringComparison.Ordinal));
        await File.WriteAllTextAsync(PathOf("filled.csv"), text.Replace(line, line.Replace("\"\";\"\";\"\"", "\"done\";\"100\";\"Klart i maj.\"")), Encoding.UTF8);
        var imported = await RunAsync("follow-up", "import", "--round", s.RoundId.ToString(), "--organization", "2061", PathOf("filled.csv"), "--as", Smedjebacken);
        Assert.True(imported.ExitCode == 0, imported.Err);
        Assert.Equal("Läste in filled.csv: 3 rader, 1 uppdaterade, 0 oförändrade, 2 utan status lämnades som de var.", imported.Out.Trim());

        var entry = (await world.FormAsync(Smedjebacken, s)).Value.Commitments.Single(c => c.CommitmentId == s.MunicipalCommitment).Entry!;
        Assert.Equal(("done", (int?)100, "Klart i maj."), (entry.Status, entry.Progress, entry.Narrative));
        Assert.StartsWith("Test officer-2061@fu.example (via operatör:", entry.UpdatedBy);
        var audit = await world.QueryAsync(db => db.AuditLog.Where(a => a.EntityType == nameof(FollowUpEntry)).OrderByDescending(a => a.Id).FirstAsync());
        Assert.Equal(("cli", "2061"), (audit.Channel, audit.ActorOrganizationCode));
    }

    [Fact]
    public async Task Import_OfABadFile_ListsEveryLineOnStderr_ExitsOne_AndWritesNothing()
    {
        var s = await world.ScenarioAsync();
        var unknown = Guid.NewGuid();
        await File.WriteAllTextAsync(PathOf("bad.csv"), string.Join("\r\n",
            string.Join(";", FollowUpCsv.Header),
            $"{s.Agreement};{s.MunicipalCommitment};;;done;100;",
            $"{s.Agreement};{unknown};;;done;100;",
            $"{s.Agreement};{s.JointCommitment};;;ongoing;4,5;"));
        var before = await world.WrittenAsync();

        var run = await RunAsync("follow-up", "import", "--round", s.RoundId.ToString(), "--organization", "2061", PathOf("bad.csv"), "--as", Smedjebacken);

        Assert.Equal((1, ""), (run.ExitCode, run.Out));
        var lines = run.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("samverkan: filen har 2 fel. Inget har sparats. (follow-up.import-invalid)", lines[0]);
        Assert.Equal($"Rad 3: åtagandet {unknown} finns inte bland omgångens överenskommelser. (follow-up.commitment-unknown)", lines[1]);
        Assert.Equal("Rad 4: procent \"4,5\" är inte ett heltal. (follow-up.import-number-malformed)", lines[2]);
        Assert.Equal(before, await world.WrittenAsync());
    }

    [Fact]
    public async Task Import_WithoutAnAccount_OrAsSomeoneElse_OrOfAMissingFile_IsRefused_AndWritesNothing()
    {
        var s = await world.ScenarioAsync();
        await File.WriteAllTextAsync(PathOf("one.csv"), string.Join(";", FollowUpCsv.Header) + $"\r\n{s.Agreement};{s.MunicipalCommitment};;;done;100;\r\n");
        var before = await world.WrittenAsync();
        string[] import = ["follow-up", "import", "--round", s.RoundId.ToString(), "--organization", "2061", PathOf("one.csv")];

        var operatorOnly = await RunAsync(import);
        Assert.Equal(1, operatorOnly.ExitCode);
        Assert.Contains("ange --as", operatorOnly.Err);
        var region = await RunAsync([.. import, "--as", RegionOfficer]);
        Assert.Equal(1, region.ExitCode);
        Assert.Contains("(access.forbidden)", region.Err);
        var unknown = await RunAsync([.. import, "--as", "ingen@fu.example"]);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("inget konto", unknown.Err);
        var missing = await RunAsync("follow-up", "import", "--round", s.RoundId.ToString(), "--organization", "2061", PathOf("saknas.csv"), "--as", Smedjebacken);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("finns inte", missing.Err);
        var badFormat = await RunAsync("follow-up", "export", "--round", s.RoundId.ToString(), "--organization", "2061", "--out", PathOf("x.pdf"), "--format", "pdf");
        Assert.Equal(2, badFormat.ExitCode);
        Assert.Equal(before, await world.WrittenAsync());
    }
}

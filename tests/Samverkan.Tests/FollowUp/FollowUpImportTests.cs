using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Samverkan.Documents.FollowUp;
using Samverkan.FollowUp;
using static Samverkan.Tests.FollowUp.FollowUpWorld;
using Scenario = Samverkan.Tests.FollowUp.FollowUpWorld.Scenario;

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
        var exported = (await world.RunAsync(Smedjebacken, (ExportFollowUpForm export) => export.ExecuteAsync(s.RoundId, null))).Value;
        Assert.Equal(($"uppfoljning-{s.Year}-2061.csv", "text/csv; charset=utf-8"), (exported.FileName, exported.MediaType));
        var file = exported.Content;
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
    public async Task Import_KeepsTheIndicatorValuesTypedInTheForm_WhichTheFileHasNoColumnsFor()
    {
        var s = await world.ScenarioAsync();
        Assert.True((await world.SaveAsync(Smedjebacken, s, s.MunicipalCommitment, EntryStatuses.Ongoing, 20, "Ansökan skriven.",
            [new IndicatorValueInput("Ansökningar", 2, "st")])).IsSuccess);
        var file = (await world.RunAsync(Smedjebacken, (ExportFollowUpForm export) => export.ExecuteAsync(s.RoundId, null))).Value.Content;

        // Unchanged, the file changes nothing; with a new percentage, only the percentage changes.
        Assert.Equal(0, (await ImportAsync(Smedjebacken, s, file)).Value.Changed);
        var text = Encoding.UTF8.GetString(file[3..]).Replace("\"ongoing\";\"20\"", "\"ongoing\";\"60\"");
        var result = await ImportAsync(Smedjebacken, s, [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)]);
        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Equal(1, result.Value.Changed);

        var entry = (await world.FormAsync(Smedjebacken, s)).Value.Commitments.Single(c => c.CommitmentId == s.MunicipalCommitment).Entry!;
        Assert.Equal((60, 2), (entry.Progress, entry.Version));
        var indicator = Assert.Single(entry.Indicators);
        Assert.Equal(("Ansökningar", 2m, "st"), (indicator.Name, indicator.Value, indicator.Unit));
    }

    [Fact]
    public async Task Import_OfANarrativeWithANul_NamesItsRow_AndWritesNothing()
    {
        var s = await world.ScenarioAsync();
        var before = await world.WrittenAsync();
        var result = await ImportAsync(Smedjebacken, s, Csv(Header, Line(s.Agreement, s.MunicipalCommitment, "done", "100", "Klart\0 i tid.")));
        Assert.Equal("follow-up.import-invalid", result.Error!.Code);
        var line = Assert.Single((List<ImportLineError>)result.Error.Extensions!["errors"]!);
        Assert.Equal((2, "follow-up.text-invalid"), (line.Line, line.Code));
        Assert.Equal(before, await world.WrittenAsync());
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
        await world.RefusedAsync(() => ImportAsync(Mora, s, good), "follow-up.form-not-found");
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

    private Task<FollowUpFormFile> ExportAsync(Scenario s, string format) =>
        world.RunAsync(Smedjebacken, async (ExportFollowUpForm export) => (await export.ExecuteAsync(s.RoundId, "2061", format)).Value);

    private static List<ImportLineError> LineErrors(Samverkan.Common.Error error) => Assert.IsType<List<ImportLineError>>(error.Extensions!["errors"]);

    /// <summary>
    /// A workbook as Excel itself saves one: text in the shared string table, numbers as numbers, empty cells left out,
    /// and rows only where something is (keyed by row number).
    /// </summary>
    private static byte[] ExcelSaved(Dictionary<int, object?[]> rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var strings = new SharedStringTable();
            var data = new SheetData();
            foreach (var (index, values) in rows.OrderBy(r => r.Key))
            {
                var row = new Row { RowIndex = (uint)index };
                for (var i = 0; i < values.Length; i++)
                {
                    var reference = $"{(char)('A' + i)}{index}";
                    switch (values[i])
                    {
                        case null or "":
                            break;
                        case int n:
                            row.Append(new Cell { CellReference = reference, CellValue = new CellValue(n) });
                            break;
                        case decimal fraction:
                            // As Excel keeps "35 %" typed into a cell: the fraction, shown through the built-in 0% format.
                            row.Append(new Cell { CellReference = reference, CellValue = new CellValue(fraction), StyleIndex = 1 });
                            break;
                        case var text:
                            strings.Append(new SharedStringItem(new Text(text.ToString()!)));
                            row.Append(new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(strings.Count() - 1) });
                            break;
                    }
                }
                data.Append(row);
            }
            workbook.AddNewPart<SharedStringTablePart>().SharedStringTable = strings;
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = new Stylesheet(
                new Fonts(new Font()) { Count = 1 },
                new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
                new Borders(new Border()) { Count = 1 },
                new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 9, ApplyNumberFormat = true }) { Count = 2 });
            var sheet = workbook.AddNewPart<WorksheetPart>();
            sheet.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "Blad1" }));
        }
        return stream.ToArray();
    }

    private static object?[] HeaderRow => [.. FollowUpCsv.Header];

    [Fact]
    public async Task Xlsx_HasTheCsvsColumnsAndValues_AndImportingItUnchangedWritesNothing()
    {
        var s = await world.ScenarioAsync();
        Assert.True((await world.SaveAsync(Smedjebacken, s, s.MunicipalCommitment, EntryStatuses.Ongoing, 20, "Två stycken.\r\n\r\nAndra _x0041_ stycket.")).IsSuccess);
        var csv = await ExportAsync(s, "csv");
        var xlsx = await ExportAsync(s, "xlsx");
        Assert.Equal(($"uppfoljning-{s.Year}-2061.xlsx", FollowUpFormFormats.XlsxMediaType), (xlsx.FileName, xlsx.MediaType));
        Assert.True(FollowUpFormFormats.LooksLikeXlsx(xlsx.Content));
        var fromXlsx = new FollowUpXlsx().Read(xlsx.Content).Value;
        Assert.Equal(FollowUpCsv.Read(csv.Content).Select(r => (r.Line, string.Join("|", r.Fields))), fromXlsx.Select(r => (r.Line, string.Join("|", r.Fields))));
        Assert.Equal("Två stycken.\r\n\r\nAndra _x0041_ stycket.", fromXlsx[1].Fields[6]);

        // The progress is a number in Excel, so sums and filters work there.
        using (var document = SpreadsheetDocument.Open(new MemoryStream(xlsx.Content), false))
        {
            var cell = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Cell>().Single(c => c.CellReference == "F2");
            Assert.Null(cell.DataType);
            Assert.Equal("20", cell.CellValue!.Text);
        }

        var before = await world.WrittenAsync();
        foreach (var file in new[] { xlsx.Content, csv.Content })
        {
            var again = await ImportAsync(Smedjebacken, s, file);
            Assert.True(again.IsSuccess, again.Error?.Message);
            Assert.Equal(new FollowUpImportResult(3, 0, 1, 2), again.Value);
        }
        Assert.Equal(before, await world.WrittenAsync());
    }

    [Fact]
    public async Task Xlsx_AsExcelSavesIt_IsImported_WithEveryChangeAsARevision()
    {
        var s = await world.ScenarioAsync();
        var file = ExcelSaved(new()
        {
            [1] = HeaderRow,
            [2] = [s.Agreement.ToString(), s.MunicipalCommitment.ToString(), "Barn och unga", "Text", "Genomfört", 100, "Beviljat i maj."],
            // A row typed further down, a column left empty (no narrative) and "35 %" typed as a percentage: as Excel leaves them.
            [5] = [s.Agreement.ToString(), s.JointCommitment.ToString(), null, null, "ongoing", 0.35m],
        });
        var result = await ImportAsync(Smedjebacken, s, file);
        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Equal(new FollowUpImportResult(2, 2, 0, 0), result.Value);
        var own = (await world.FormAsync(Smedjebacken, s)).Value.Commitments.ToDictionary(c => c.CommitmentId, c => c.Entry);
        Assert.Equal(("done", (int?)100, "Beviljat i maj."), (own[s.MunicipalCommitment]!.Status, own[s.MunicipalCommitment]!.Progress, own[s.MunicipalCommitment]!.Narrative));
        Assert.Equal(("ongoing", (int?)35, (string?)null), (own[s.JointCommitment]!.Status, own[s.JointCommitment]!.Progress, own[s.JointCommitment]!.Narrative));
        var revisions = await world.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
            db.Set<FollowUpEntryRevision>(), r => r.RoundId == s.RoundId));
        Assert.Equal(2, revisions);
    }

    [Fact]
    public async Task Xlsx_WithAWrongHeader_AnUnknownCommitmentAndAMalformedNumberOnRow37_NamesEachRowAndField_AndWritesNothing()
    {
        var s = await world.ScenarioAsync();
        var header = await world.RefusedAsync(() => ImportAsync(Smedjebacken, s, ExcelSaved(new()
        {
            [1] = ["overenskommelse_id", "atagande_id", "avsnitt", "åtagande", "status", "procent", "beskrivning"],
            [2] = [s.Agreement.ToString(), s.MunicipalCommitment.ToString(), "", "", "done", 100, ""],
        })), "follow-up.import-invalid", "file");
        var wrong = Assert.Single(LineErrors(header));
        Assert.Equal((1, "header", "follow-up.import-header"), (wrong.Line, wrong.Field, wrong.Code));
        Assert.StartsWith("Rad 1: fel rubrikrad, kolumn 4 heter \"åtagande\" men ska heta atagande.", wrong.Message);

        var unknown = Guid.NewGuid();
        var error = await world.RefusedAsync(() => ImportAsync(Smedjebacken, s, ExcelSaved(new()
        {
            [1] = HeaderRow,
            [2] = [s.Agreement.ToString(), s.MunicipalCommitment.ToString(), "", "", "done", 100, ""],
            [3] = [s.Agreement.ToString(), unknown.ToString(), "", "", "done", 100, ""],
            [37] = [s.Agreement.ToString(), s.JointCommitment.ToString(), "", "", "ongoing", "35,5", ""],
            [38] = [s.Agreement.ToString(), s.SecondMunicipalCommitment.ToString(), "", "", "ongoing", 140, ""],
        })), "follow-up.import-invalid", "file");
        Assert.Equal(
            [(3, "atagande_id", "follow-up.commitment-unknown"), (37, "procent", "follow-up.import-number-malformed"), (38, "procent", "follow-up.progress-invalid")],
            LineErrors(error).Select(e => (e.Line, e.Field, e.Code)));
        Assert.Equal($"Rad 3: åtagandet {unknown} finns inte bland omgångens överenskommelser.", LineErrors(error)[0].Message);
        Assert.Equal("Rad 37: procent \"35,5\" är inte ett heltal.", LineErrors(error)[1].Message);
        Assert.StartsWith("Filen har 3 fel. Inget har sparats. Rad 3:", error.Message);
    }

    [Fact]
    public async Task Csv_ErrorsNameTheRowAsASpreadsheetShowsIt_EvenAfterANarrativeOfSeveralLines()
    {
        var s = await world.ScenarioAsync();
        var file = Csv(Header,
            Line(s.Agreement, s.MunicipalCommitment, "done", "100", "Första raden.\r\nAndra raden.\r\nTredje raden."),
            "",
            Line(s.Agreement, s.JointCommitment, "ongoing", "mycket"));
        var error = await world.RefusedAsync(() => ImportAsync(Smedjebacken, s, file), "follow-up.import-invalid");
        Assert.Equal((4, "procent"), LineErrors(error).Select(e => (e.Line, e.Field)).Single());
    }

    [Fact]
    public async Task Export_KeepsTextThatWouldStartAFormula_AsText_InCsvAndXlsx_AndItComesBackUnchanged()
    {
        var s = await world.ScenarioAsync();
        const string narrative = "=HYPERLINK(\"http://example.invalid\";\"Klicka\")";
        Assert.True((await world.SaveAsync(Smedjebacken, s, s.MunicipalCommitment, EntryStatuses.Ongoing, 20, narrative)).IsSuccess);
        Assert.True((await world.SaveAsync(Smedjebacken, s, s.JointCommitment, EntryStatuses.Ongoing, 10, "-5 besökare mot i fjol, @alla vet varför")).IsSuccess);

        var csv = await ExportAsync(s, "csv");
        var text = Encoding.UTF8.GetString(csv.Content);
        Assert.Contains("\"'=HYPERLINK(\"\"http://example.invalid\"\";\"\"Klicka\"\")\"", text);
        Assert.Contains("\"'-5 besökare", text);
        Assert.DoesNotContain(";\"=", text);

        var xlsx = await ExportAsync(s, "xlsx");
        using (var document = SpreadsheetDocument.Open(new MemoryStream(xlsx.Content), false))
        {
            var workbook = document.WorkbookPart!;
            Assert.Empty(workbook.WorksheetParts.Single().Worksheet.Descendants<CellFormula>());
            var cell = workbook.WorksheetParts.Single().Worksheet.Descendants<Cell>().Single(c => c.CellReference == "G2");
            Assert.Equal(CellValues.InlineString, cell.DataType!.Value);
            Assert.Equal(narrative, cell.InlineString!.InnerText);
            var style = workbook.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)cell.StyleIndex!.Value);
            Assert.True(style.QuotePrefix?.Value);
        }

        var before = await world.WrittenAsync();
        foreach (var file in new[] { csv.Content, xlsx.Content })
            Assert.Equal(0, (await ImportAsync(Smedjebacken, s, file)).Value.Changed);
        Assert.Equal(before, await world.WrittenAsync());
        var form = (await world.FormAsync(Smedjebacken, s)).Value.Commitments.ToDictionary(c => c.CommitmentId, c => c.Entry);
        Assert.Equal(narrative, form[s.MunicipalCommitment]!.Narrative);
    }

    [Fact]
    public async Task Csv_SavedByExcelAsWindows1252_KeepsÅÄÖ()
    {
        var s = await world.ScenarioAsync();
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var text = Header + "\r\n" + Line(s.Agreement, s.MunicipalCommitment, "Pågår", "40", "Läsfrämjande – för små och stora") + "\r\n";
        var result = await ImportAsync(Smedjebacken, s, Encoding.GetEncoding(1252).GetBytes(text));
        Assert.True(result.IsSuccess, result.Error?.Message);
        var entry = (await world.FormAsync(Smedjebacken, s)).Value.Commitments.Single(c => c.CommitmentId == s.MunicipalCommitment).Entry!;
        Assert.Equal(("ongoing", "Läsfrämjande – för små och stora"), (entry.Status, entry.Narrative));
    }

    [Fact]
    public async Task Import_OfAFileTooLargeOrAWorkbookThatIsNone_IsRefused_AndWritesNothing()
    {
        var s = await world.ScenarioAsync();
        var large = Csv(Header, Line(s.Agreement, s.MunicipalCommitment, "done", "100", new string('x', FollowUpLimits.ImportBytes)));
        await world.RefusedAsync(() => ImportAsync(Smedjebacken, s, large), ImportFollowUpForm.TooLarge, "file");
        byte[] notAWorkbook = [0x50, 0x4B, 0x03, 0x04, .. Encoding.ASCII.GetBytes("inte en arbetsbok")];
        var unreadable = await world.RefusedAsync(() => ImportAsync(Smedjebacken, s, notAWorkbook), "follow-up.import-unreadable", "file");
        Assert.Contains(".xlsx", unreadable.Message);
        await world.RefusedAsync(() => world.RunAsync(Smedjebacken, (ExportFollowUpForm export) => export.ExecuteAsync(s.RoundId, null, "pdf")),
            "follow-up.format-invalid", "format");
    }
}

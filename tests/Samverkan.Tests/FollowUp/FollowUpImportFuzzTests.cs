using System.Text;
using System.Xml;
using CsCheck;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Scenario = Samverkan.Tests.FollowUp.FollowUpWorld.Scenario;
using Samverkan.Common;
using Samverkan.FollowUp;
using static Samverkan.Tests.FollowUp.FollowUpWorld;

namespace Samverkan.Tests.FollowUp;

/// <summary>
/// The follow-up import reads files people edit by hand in a spreadsheet. Whatever it is given — random bytes, a real
/// export with cells, rows and columns mutated, hostile cell values — it answers with a result or a validation error
/// naming lines, never an exception, and on an error it writes nothing.
/// </summary>
/// <remarks>
/// The mutations work on a table of cells and a <see cref="SheetFormat"/> turns the table into a file, so another
/// spreadsheet format is fuzzed by adding its format to <see cref="Formats"/>, with no new generator (CSV and XLSX today).
/// </remarks>
public sealed class FollowUpImportFuzzTests(FollowUpWorld world) : IClassFixture<FollowUpWorld>
{
    /// <summary>A file format the import reads: how a table of cells becomes that file.</summary>
    public sealed record SheetFormat(string Name, Func<IReadOnlyList<IReadOnlyList<string>>, byte[]> Write);

    public static readonly SheetFormat Csv = new("csv", table =>
    {
        var text = string.Concat(table.Select(row => string.Join(';', row.Select(c => $"\"{c.Replace("\"", "\"\"")}\"")) + "\r\n"));
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)];
    });

    /// <summary>
    /// The table as a workbook the way Excel stores text: inline strings with cell references. Characters XML cannot
    /// carry (a NUL, say) cannot be in a cell of a real workbook either, so they are left out here.
    /// </summary>
    public static readonly SheetFormat Xlsx = new("xlsx", table =>
    {
        static string Column(int index) => index < 26 ? ((char)('A' + index)).ToString() : Column(index / 26 - 1) + (char)('A' + index % 26);
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheet = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            foreach (var (row, r) in table.Select((row, r) => (row, r + 1)))
                data.Append(new Row(row.Select((text, c) => new Cell
                {
                    CellReference = $"{Column(c)}{r}",
                    DataType = CellValues.InlineString,
                    InlineString = new InlineString(new Text(new string(text.Where(XmlConvert.IsXmlChar).ToArray())) { Space = SpaceProcessingModeValues.Preserve }),
                })) { RowIndex = (uint)r });
            sheet.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "Uppföljning" }));
        }
        return stream.ToArray();
    });

    public static readonly SheetFormat[] Formats = [Csv, Xlsx];

    /// <summary>Codes an import may answer with; anything else (or an exception) is a finding.</summary>
    private static readonly HashSet<string> KnownCodes =
    [
        "follow-up.import-invalid", "follow-up.import-header", "follow-up.import-columns", "follow-up.import-id-malformed",
        "follow-up.commitment-unknown", "follow-up.commitment-not-held", "follow-up.import-duplicate", "follow-up.status-invalid",
        "follow-up.import-number-malformed", "follow-up.progress-invalid", "follow-up.narrative-too-long", "follow-up.submission-locked",
        "follow-up.import-unreadable", "follow-up.import-too-large", "follow-up.text-invalid",
    ];

    public static readonly string[] HostileCells =
    [
        "", " ", "\"", "\"\"", ";", ",", "\r\n", "\n", "\r", "\t", "\uFEFF", "\0", "=1+1", "+46 70", "-1", "@SUM(A1)", "=HYPERLINK(\"http://x\")",
        "0", "100", "101", "-0", "50 %", "50,5", "1e2", "2147483648", "99999999999999999999999999999", "NaN", "ongoing", "done", "Genomfört",
        "Pågår", "not-started", "ONGOING", "kanske", "00000000-0000-0000-0000-000000000000", "åäö ÅÄÖ", "🙂", "\u202E", new string('x', 5000),
        "<script>alert(1)</script>", "' OR 1=1 --",
    ];

    private static Gen<string> Cell => Gen.Frequency((4, Gen.OneOf(HostileCells)), (1, Gen.String[0, 40]));

    /// <summary>Edits of a table: (kind, row, column, cell text).</summary>
    private static readonly Gen<(int Kind, int Row, int Column, string Text)[]> Edits =
        Gen.Select(Gen.Int[0, 8], Gen.Int[0, 1000], Gen.Int[0, 1000], Cell).Array[1, 8];

    public static List<List<string>> Mutate(IReadOnlyList<IReadOnlyList<string>> original, (int Kind, int Row, int Column, string Text)[] edits)
    {
        var table = original.Select(r => r.ToList()).ToList();
        foreach (var (kind, r, c, text) in edits)
        {
            if (table.Count == 0) table.Add([text]);
            var row = table[r % table.Count];
            var column = row.Count == 0 ? 0 : c % row.Count;
            switch (kind)
            {
                case 0 or 1 or 2:
                    if (row.Count == 0) row.Add(text); else row[column] = text;
                    break;
                case 3:
                    if (row.Count > 0) row.RemoveAt(column);
                    break;
                case 4:
                    row.Insert(column, text);
                    break;
                case 5:
                    table.Insert(r % table.Count, [.. row]);
                    break;
                case 6:
                    table.RemoveAt(r % table.Count);
                    break;
                case 7:
                    table.Insert(r % (table.Count + 1), []);
                    break;
                default:
                    // Swap with another row: a header below the data, rows out of order.
                    var other = c % table.Count;
                    (table[r % table.Count], table[other]) = (table[other], table[r % table.Count]);
                    break;
            }
        }
        return table;
    }

    private async Task<(Scenario Scenario, List<List<string>> Table, byte[] File)> ExportAsync(string format = "csv")
    {
        var s = await world.ScenarioAsync();
        await world.AnswerAllAsync(s);
        var csv = (await world.RunAsync(Smedjebacken, (ExportFollowUpForm export) => export.ExecuteAsync(s.RoundId, null))).Value.Content;
        var file = format == "csv" ? csv
            : (await world.RunAsync(Smedjebacken, (ExportFollowUpForm export) => export.ExecuteAsync(s.RoundId, null, format))).Value.Content;
        return (s, FollowUpCsv.Read(csv).Select(r => r.Fields).ToList(), file);
    }

    private int _saved;
    private int _refused;

    private async Task AssertAnsweredAsync(Scenario s, byte[] file, string format)
    {
        var before = await world.WrittenAsync();
        Result<FollowUpImportResult> result;
        try
        {
            result = await world.RunAsync(Smedjebacken, (ImportFollowUpForm import) => import.ExecuteAsync(s.RoundId, "2061", file));
        }
        catch (Exception e)
        {
            throw new Xunit.Sdk.XunitException($"{format}: the import threw {e.GetType().Name}: {e.Message}");
        }
        if (result.IsSuccess)
        {
            var r = result.Value;
            Assert.True(r.Changed + r.Unchanged + r.Skipped <= r.Rows, $"{r}");
            Interlocked.Increment(ref _saved);
            return;
        }
        var error = result.Error!;
        Assert.True(error.Kind == ErrorKind.Validation, $"{format}: {error.Kind} {error.Code}: {error.Message}");
        Assert.Contains(error.Code, KnownCodes);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        if (error.Extensions?.GetValueOrDefault("errors") is List<ImportLineError> lines)
        {
            Assert.NotEmpty(lines);
            Assert.All(lines, l =>
            {
                Assert.True(l.Line >= 1, $"line {l.Line}");
                Assert.Contains(l.Code, KnownCodes);
                Assert.StartsWith($"Rad {l.Line}: ", l.Message);
            });
        }
        Assert.Equal(before, await world.WrittenAsync());
        Interlocked.Increment(ref _refused);
    }

    [Fact]
    public async Task MutatedExports_AreAnsweredWithAResultOrLineErrors_AndAnErrorWritesNothing()
    {
        var (s, table, _) = await ExportAsync();
        foreach (var format in Formats)
            await Edits.SampleAsync(edits => AssertAnsweredAsync(s, format.Write(Mutate(table, edits)), format.Name), iter: 120, threads: 1,
                print: edits => $"{format.Name}: " + string.Join(" | ", Mutate(table, edits).Select(r => string.Join(";", r))));
        // Not vacuous: some mutations stay valid and are saved, the others are refused by line.
        Assert.True(_saved > 0 && _refused > 0, $"saved {_saved}, refused {_refused}");
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("xlsx")]
    public async Task RandomAndCorruptedBytes_AreAnsweredWithoutAnException(string format)
    {
        var (s, _, file) = await ExportAsync(format);
        var corrupted = Gen.Select(Gen.Int[0, 2], Gen.Int[0, int.MaxValue], Gen.Byte).Array[1, 10].Select(edits =>
        {
            var bytes = file.ToList();
            foreach (var (kind, at, value) in edits)
            {
                var i = at % Math.Max(1, bytes.Count);
                if (kind == 0 && bytes.Count > 0) bytes[i] = value;
                else if (kind == 1) bytes.Insert(i, value);
                else if (bytes.Count > 0) bytes.RemoveRange(i, bytes.Count - i);
            }
            return bytes.ToArray();
        });
        await Gen.Frequency((1, Gen.Byte.Array[0, 2000]), (2, corrupted))
            .SampleAsync(bytes => AssertAnsweredAsync(s, bytes, $"{format} bytes"), iter: 120, threads: 1, print: b => Convert.ToBase64String(b));
    }

    [Fact]
    public void Read_TakesAnyBytes_AndNumbersRecordsByTheLineTheyStartOn()
    {
        Gen.Byte.Array[0, 3000].Sample(bytes =>
        {
            var records = FollowUpCsv.Read(bytes);
            var lines = Encoding.UTF8.GetString(bytes).Count(c => c == '\n') + 1;
            Assert.All(records, r => Assert.InRange(r.Line, 1, lines));
            Assert.Equal(records.Select(r => r.Line).Order(), records.Select(r => r.Line));
        }, iter: 400);
    }

    [Fact]
    public void WhatIsWritten_IsReadBackCellForCell_WithTheRowNumberASpreadsheetShows()
    {
        // No cell starts with = + - @: the export may neutralize such cells against formula injection, which changes them on purpose.
        var text = Gen.String[0, 30].Where(t => t.Length == 0 || t[0] is not ('=' or '+' or '-' or '@'))
            .Select(t => new string(t.Where(c => !char.IsSurrogate(c)).ToArray()));
        var row = Gen.Select(Gen.Guid, Gen.Guid, Gen.Frequency((3, text), (1, Gen.OneOf(HostileCells.Where(c => c.Length == 0 || c[0] is not ('=' or '+' or '-' or '@')).ToArray()))).Array[3],
            Gen.Frequency((3, Gen.Int[0, 100].Select(i => (int?)i)), (1, Gen.Const((int?)null))), Gen.OneOf(HostileCells).Null());
        row.Array[1, 20].Sample(rows =>
        {
            var written = rows.Select(r => new FollowUpCsv.Row(r.Item1, r.Item2, r.Item3[0], r.Item3[1], r.Item3[2], r.Item4,
                r.Item5?.Length > 0 && r.Item5[0] is '=' or '+' or '-' or '@' ? "x" + r.Item5 : r.Item5)).ToList();
            var read = FollowUpCsv.Read(FollowUpCsv.Write(written));

            Assert.Equal(written.Count + 1, read.Count);
            for (var i = 0; i < written.Count; i++)
            {
                var w = written[i];
                string[] expected = [w.AgreementId.ToString(), w.CommitmentId.ToString(), w.Section, w.Commitment, w.Status ?? "",
                    w.Progress?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", w.Narrative ?? ""];
                Assert.Equal(expected, read[i + 1].Fields);
                // Rows are numbered as a spreadsheet shows them (the header is row 1), however many line breaks the cells hold.
                Assert.Equal(i + 2, read[i + 1].Line);
            }
        }, iter: 300);
    }
}

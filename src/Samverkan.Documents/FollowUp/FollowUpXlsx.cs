using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Samverkan.Common;
using Samverkan.FollowUp;

namespace Samverkan.Documents.FollowUp;

/// <summary>
/// The follow-up form as an Excel workbook: one sheet with the CSV's columns, the header bold and frozen, a status
/// drop-down, the progress as a number. Text is written as text cells, which Excel never evaluates; a cell whose text
/// would start a formula also gets the "quote prefix" style, so editing it in Excel keeps it text.
/// </summary>
public sealed partial class FollowUpXlsx : IFollowUpSpreadsheet
{
    public const string SheetName = "Uppföljning";

    /// <summary>What the parts of an imported workbook may unpack to: a real form is far below, a zip bomb far above.</summary>
    private const long MaxUnpackedBytes = 50L * 1024 * 1024;

    private const uint HeaderStyle = 1;
    private const uint TextStyle = 2;
    private const uint QuotedTextStyle = 3;
    private static readonly double[] Widths = [38, 38, 24, 60, 14, 10, 60];

    public byte[] Write(IReadOnlyList<FollowUpCsv.Row> rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.Append(Row(1, FollowUpCsv.Header.Select(h => Text(h, HeaderStyle)).ToArray()));
            var line = 1u;
            foreach (var r in rows)
            {
                line++;
                data.Append(Row(line,
                    Text(r.AgreementId.ToString()), Text(r.CommitmentId.ToString()), Text(r.Section, TextStyle), Text(r.Commitment, TextStyle),
                    Text(r.Status ?? ""), r.Progress is { } p ? new Cell { CellValue = new CellValue(p) } : Text(""), Text(r.Narrative ?? "", TextStyle)));
            }
            var last = Math.Max(line, 2);
            sheetPart.Worksheet = new Worksheet(
                new SheetViews(new SheetView(new Pane
                {
                    VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen,
                }) { WorkbookViewId = 0 }),
                new Columns(Widths.Select((w, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = w, CustomWidth = true })),
                data,
                // A drop-down of the codes; Swedish names typed by hand are accepted too, so other values only warn.
                new DataValidations(new DataValidation
                {
                    Type = DataValidationValues.List, AllowBlank = true, ShowErrorMessage = true, ErrorStyle = DataValidationErrorStyleValues.Information,
                    ErrorTitle = "Status", Error = $"Välj en av {string.Join(", ", EntryStatuses.All)}.",
                    SequenceOfReferences = new ListValue<StringValue> { InnerText = $"E2:E{last}" },
                    Formula1 = new Formula1($"\"{string.Join(",", EntryStatuses.All)}\""),
                }) { Count = 1 });
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = SheetName }));
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    public Result<List<FormRecord>> Read(byte[] content)
    {
        try
        {
            if (Unpacked(content) > MaxUnpackedBytes) return Unreadable();
            using var stream = new MemoryStream(content, writable: false);
            using var document = SpreadsheetDocument.Open(stream, false, new OpenSettings { MaxCharactersInPart = MaxUnpackedBytes / 2 });
            var workbook = document.WorkbookPart;
            var sheet = workbook?.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault();
            if (workbook is null || sheet?.Id?.Value is not { } id || workbook.GetPartById(id) is not WorksheetPart part) return Unreadable();
            var shared = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(TextOf).ToList() ?? [];
            var percent = PercentStyles(workbook);
            var records = new List<FormRecord>();
            var next = 1;
            foreach (var row in part.Worksheet.Descendants<Row>())
            {
                var line = row.RowIndex?.Value is { } index ? (int)index : next;
                next = line + 1;
                var fields = new List<string>();
                var position = 0;
                foreach (var cell in row.Elements<Cell>())
                {
                    var column = cell.CellReference?.Value is { } reference ? Column(reference) : position;
                    position = column + 1;
                    if (column < 0 || column > 16_383) return Unreadable();
                    while (fields.Count <= column) fields.Add("");
                    fields[column] = Value(cell, shared, percent);
                }
                while (fields.Count > 0 && fields[^1].Length == 0) fields.RemoveAt(fields.Count - 1);
                if (fields.Count == 0) continue;
                while (fields.Count < FollowUpCsv.Header.Count) fields.Add("");
                records.Add(new FormRecord(line, fields));
            }
            return records;
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or XmlException or IOException or InvalidOperationException
                                      or FormatException or OverflowException or ArgumentException or KeyNotFoundException)
        {
            return Unreadable();
        }
    }

    private static Error Unreadable() =>
        Error.Validation("follow-up.import-unreadable", "Filen gick inte att läsa som en Excel-arbetsbok (.xlsx). Spara den på nytt från Excel, eller som CSV.", "file");

    /// <summary>What the zip's entries say they unpack to (the library's own part limit stops one that lies).</summary>
    private static long Unpacked(byte[] content)
    {
        using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
        return zip.Entries.Sum(e => e.Length);
    }

    private static string Value(Cell cell, List<string> shared, HashSet<uint> percentStyles)
    {
        var raw = cell.CellValue?.Text ?? "";
        var type = cell.DataType?.Value;
        // "40 %" typed into Excel is stored as 0.4 shown as a percentage: read it as the 40 the person typed.
        if (type is null && cell.StyleIndex?.Value is { } style && percentStyles.Contains(style)
            && decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var fraction))
            return (fraction * 100).ToString("0.##########", CultureInfo.InvariantCulture);
        if (type == CellValues.SharedString)
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < shared.Count ? shared[i] : "";
        if (type == CellValues.InlineString) return cell.InlineString is { } inline ? TextOf(inline) : "";
        if (type == CellValues.Boolean) return raw == "1" ? "TRUE" : "FALSE";
        // Numbers, a formula's cached result, an error value (#N/A): as stored, which for numbers is invariant.
        return Unescape(raw);
    }

    /// <summary>The cell styles whose number format shows a percentage (the built-in 0% and 0.00%, or a custom format with %).</summary>
    private static HashSet<uint> PercentStyles(WorkbookPart workbook)
    {
        var stylesheet = workbook.WorkbookStylesPart?.Stylesheet;
        var custom = stylesheet?.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.FormatCode?.Value?.Contains('%') == true && f.NumberFormatId?.Value is not null)
            .Select(f => f.NumberFormatId!.Value).ToHashSet() ?? [];
        var styles = new HashSet<uint>();
        var index = 0u;
        foreach (var format in stylesheet?.CellFormats?.Elements<CellFormat>() ?? [])
        {
            if (format.NumberFormatId?.Value is { } id && (id is 9 or 10 || custom.Contains(id))) styles.Add(index);
            index++;
        }
        return styles;
    }

    /// <summary>The text of a string item: its plain text or its formatted runs, never the phonetic hints.</summary>
    private static string TextOf(OpenXmlElement item)
    {
        var plain = item.GetFirstChild<Text>()?.Text;
        return Unescape(plain ?? string.Concat(item.Elements<Run>().Select(r => r.Text?.Text)));
    }

    /// <summary>"C12" → 2.</summary>
    private static int Column(string reference)
    {
        var column = 0;
        foreach (var ch in reference)
        {
            if (ch is < 'A' or > 'Z') break;
            column = column * 26 + (ch - 'A' + 1);
        }
        return column - 1;
    }

    private static Row Row(uint index, params Cell[] cells)
    {
        for (var i = 0; i < cells.Length; i++) cells[i].CellReference = $"{(char)('A' + i)}{index}";
        return new Row(cells) { RowIndex = index };
    }

    private static Cell Text(string text, uint style = 0)
    {
        var cell = new Cell
        {
            DataType = CellValues.InlineString,
            InlineString = new InlineString(new Text(Escape(text)) { Space = SpaceProcessingModeValues.Preserve }),
        };
        if (FollowUpCsv.StartsFormula(text)) cell.StyleIndex = QuotedTextStyle;
        else if (style != 0) cell.StyleIndex = style;
        return cell;
    }

    private static Stylesheet Styles() => new(
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { ApplyAlignment = true },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { ApplyAlignment = true, QuotePrefix = true }) { Count = 4 });

    /// <summary>
    /// Office escapes characters XML cannot hold as <c>_xHHHH_</c>, so a literal "_x0041_" must be written with its
    /// underscore escaped, and control characters that XML forbids are written escaped rather than dropped. A carriage
    /// return is escaped too (as Excel does), since XML reading turns "\r\n" into "\n" and the narrative would come back changed.
    /// </summary>
    private static string Escape(string text)
    {
        var escaped = EscapeLike().Replace(text, m => "_x005F" + m.Value);
        if (!escaped.Any(ch => ch < 0x20 && ch is not ('\t' or '\n'))) return escaped;
        var sb = new StringBuilder(escaped.Length + 16);
        foreach (var ch in escaped)
            sb.Append(ch < 0x20 && ch is not ('\t' or '\n') ? $"_x{(int)ch:X4}_" : ch);
        return sb.ToString();
    }

    private static string Unescape(string text) =>
        text.Contains("_x", StringComparison.Ordinal)
            ? Escaped().Replace(text, m => ((char)int.Parse(m.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString())
            : text;

    [GeneratedRegex("_x[0-9A-Fa-f]{4}_")]
    private static partial Regex EscapeLike();

    [GeneratedRegex("_x([0-9A-Fa-f]{4})_")]
    private static partial Regex Escaped();
}

using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Samverkan.Common;
using Samverkan.Documents.Import.Parsing;

namespace Samverkan.Documents.Import.Extraction;

/// <summary>
/// Paragraphs in document order (tables row by row), list paragraphs as "- " bullets, footnotes appended
/// as "¹ text" after the body, headers and footers kept apart as page furniture.
/// </summary>
internal static class DocxTextExtractor
{
    public static Result<RawDocument> Read(byte[] content, ImportOptions options, CancellationToken cancel)
    {
        if (IsCompoundFile(content))
        {
            // Word stores a password-protected .docx inside an OLE container; without one it is an old .doc.
            return ContainsUtf16(content, "EncryptedPackage")
                ? ImportErrors.EncryptedFile()
                : ImportErrors.UnreadableFile("Filen är ett äldre Word-dokument (.doc) eller inte ett Word-dokument alls. Spara om det som .docx.");
        }

        if (content.Length < 4 || content[0] != 'P' || content[1] != 'K')
        {
            return Unreadable();
        }

        var bomb = CheckArchive(content, options);
        if (bomb is not null) return bomb;

        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var word = WordprocessingDocument.Open(stream, false, new OpenSettings
            {
                AutoSave = false,
                MaxCharactersInPart = options.MaxDocxPartChars,
            });
            var main = word.MainDocumentPart;
            var body = main?.Document?.Body;
            if (main is null || body is null) return Unreadable();
            return Extract(main, body, cancel);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Unreadable();
        }
    }

    private static Error Unreadable() =>
        ImportErrors.UnreadableFile("Word-filen kunde inte läsas. Den kan vara skadad; prova att spara den på nytt som .docx.");

    private static Error? CheckArchive(byte[] content, ImportOptions options)
    {
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
            if (zip.Entries.Count > 2000)
            {
                return ImportErrors.Complex("Word-filen innehåller ovanligt många delar och har inte lästs.");
            }

            // Declared sizes can lie; OpenSettings.MaxCharactersInPart is the real guard, this one is cheap.
            var declared = zip.Entries.Sum(e => e.Length);
            if (declared > options.MaxDocxPartChars * 4)
            {
                return ImportErrors.Complex("Word-filen är för stor uppackad och har inte lästs.");
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or NotSupportedException or ArgumentException)
        {
            return Unreadable();
        }

        return null;
    }

    private static Result<RawDocument> Extract(MainDocumentPart main, Body body, CancellationToken cancel)
    {
        var raw = new RawDocument { Format = "docx", ParagraphLines = true };
        var page = new List<RawLine>();
        raw.Pages.Add(page);
        var notes = new List<(string Kind, string Id)>();

        var rows = TableRows(body);
        foreach (var paragraph in body.Descendants<Paragraph>())
        {
            cancel.ThrowIfCancellationRequested();
            if (rows.TryGetValue(paragraph, out var row))
            {
                if (row is not null) page.Add(new RawLine(row));
                continue;
            }

            var properties = paragraph.ParagraphProperties;
            if (properties?.PageBreakBefore is not null && page.Count > 0)
            {
                page = [];
                raw.Pages.Add(page);
            }

            var style = properties?.ParagraphStyleId?.Val?.Value ?? "";
            var heading = IsHeadingStyle(style) || properties?.OutlineLevel is not null;
            var list = !heading && (properties?.NumberingProperties is not null || IsListStyle(style));

            var text = new StringBuilder();
            var first = true;

            void Flush()
            {
                var line = text.ToString();
                var prefix = first && list && line.Trim().Length > 0 ? "- " : "";
                page.Add(new RawLine(prefix + line, heading ? LineHint.Heading : LineHint.None, HeadingLevel(style, properties)));
                text.Clear();
                first = false;
            }

            foreach (var element in paragraph.Descendants())
            {
                if (!ReferenceEquals(element.Ancestors<Paragraph>().FirstOrDefault(), paragraph)) continue;
                switch (element)
                {
                    case Text t:
                        text.Append(t.Text);
                        break;
                    case TabChar or PositionalTab:
                        text.Append(' ');
                        break;
                    case Break br when br.Type?.Value == BreakValues.Page:
                        Flush();
                        page = [];
                        raw.Pages.Add(page);
                        first = true;
                        break;
                    case Break or CarriageReturn:
                        Flush();
                        break;
                    case NoBreakHyphen:
                        text.Append('-');
                        break;
                    case FootnoteReference fr when fr.Id?.Value is long id:
                        notes.Add(("f", id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                        text.Append(TextPatterns.ToSuperscript(notes.Count));
                        break;
                    case EndnoteReference er when er.Id?.Value is long id:
                        notes.Add(("e", id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                        text.Append(TextPatterns.ToSuperscript(notes.Count));
                        break;
                }
            }

            Flush();
        }

        AppendNotes(main, notes, raw.Pages[^1]);
        AppendFurniture(main, raw);
        return raw;
    }

    /// <summary>
    /// A table row of single-paragraph cells reads as one line ("Verksamhetsbidrag | 14 250 000 kr"); the row's
    /// first paragraph carries the line, the others are skipped (null).
    /// </summary>
    private static Dictionary<Paragraph, string?> TableRows(Body body)
    {
        var rows = new Dictionary<Paragraph, string?>(ReferenceEqualityComparer.Instance);
        foreach (var row in body.Descendants<TableRow>())
        {
            var cells = row.Elements<TableCell>().ToList();
            if (cells.Count < 2 || cells.Any(c => c.Elements<Paragraph>().Count() != 1 || c.Descendants<Table>().Any())) continue;
            var paragraphs = cells.Select(c => c.Elements<Paragraph>().Single()).ToList();
            var text = string.Join(" | ", paragraphs.Select(PlainText).Select(t => t.Trim()).Where(t => t.Length > 0));
            rows[paragraphs[0]] = text;
            foreach (var other in paragraphs.Skip(1)) rows[other] = null;
        }

        return rows;
    }

    private static void AppendNotes(MainDocumentPart main, List<(string Kind, string Id)> notes, List<RawLine> page)
    {
        if (notes.Count == 0) return;
        page.Add(new RawLine(""));
        for (var i = 0; i < notes.Count; i++)
        {
            OpenXmlElement? note = notes[i].Kind == "f"
                ? main.FootnotesPart?.Footnotes?.Elements<Footnote>().FirstOrDefault(f => f.Id?.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) == notes[i].Id)
                : main.EndnotesPart?.Endnotes?.Elements<Endnote>().FirstOrDefault(f => f.Id?.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) == notes[i].Id);
            if (note is null) continue;
            var text = string.Join(" ", note.Descendants<Paragraph>().Select(PlainText).Where(t => t.Length > 0)).Trim();
            if (text.Length == 0) continue;
            page.Add(new RawLine(TextPatterns.ToSuperscript(i + 1) + " " + text));
        }
    }

    private static void AppendFurniture(MainDocumentPart main, RawDocument raw)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var parts = main.HeaderParts.Select(h => (OpenXmlElement?)h.Header)
            .Concat(main.FooterParts.Select(f => (OpenXmlElement?)f.Footer));
        foreach (var root in parts)
        {
            if (root is null) continue;
            var lines = root.Descendants<Paragraph>().Select(PlainText).ToList();
            var key = string.Join("\n", lines).Trim();
            if (key.Length == 0 || !seen.Add(key)) continue;
            if (raw.Furniture.Count > 0) raw.Furniture.Add(new RawLine(""));
            raw.Furniture.AddRange(lines.Select(l => new RawLine(l)));
        }
    }

    private static string PlainText(Paragraph p)
    {
        var sb = new StringBuilder();
        foreach (var element in p.Descendants())
        {
            switch (element)
            {
                case Text t: sb.Append(t.Text); break;
                case TabChar or PositionalTab: sb.Append(' '); break;
                case Break or CarriageReturn: sb.Append(' '); break;
                case NoBreakHyphen: sb.Append('-'); break;
            }
        }

        return sb.ToString();
    }

    private static int HeadingLevel(string style, ParagraphProperties? properties)
    {
        if (properties?.OutlineLevel?.Val?.Value is int outline) return outline + 1;
        var digits = new string(style.Where(char.IsAsciiDigit).ToArray());
        return int.TryParse(digits, out var level) && level is >= 1 and <= 9 ? level : 1;
    }

    private static bool IsHeadingStyle(string style) =>
        style.StartsWith("Heading", StringComparison.OrdinalIgnoreCase)
        || style.StartsWith("Rubrik", StringComparison.OrdinalIgnoreCase)
        || style.Equals("Title", StringComparison.OrdinalIgnoreCase)
        || style.Equals("Subtitle", StringComparison.OrdinalIgnoreCase);

    private static bool IsListStyle(string style) =>
        style.StartsWith("List", StringComparison.OrdinalIgnoreCase)
        || style.StartsWith("Liststycke", StringComparison.OrdinalIgnoreCase)
        || style.StartsWith("Punktlista", StringComparison.OrdinalIgnoreCase);

    private static bool IsCompoundFile(byte[] c) =>
        c.Length >= 8 && c[0] == 0xD0 && c[1] == 0xCF && c[2] == 0x11 && c[3] == 0xE0 && c[4] == 0xA1 && c[5] == 0xB1 && c[6] == 0x1A && c[7] == 0xE1;

    private static bool ContainsUtf16(byte[] content, string s) =>
        content.AsSpan().IndexOf(Encoding.Unicode.GetBytes(s)) >= 0;
}

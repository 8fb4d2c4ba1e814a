using Samverkan.Common;
using Samverkan.Documents.Import.Parsing;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Exceptions;

namespace Samverkan.Documents.Import.Extraction;

/// <summary>
/// Rebuilds lines from word positions, because the content stream order of a PDF is the order the
/// producer drew things in (footers first, columns interleaved), not the order a person reads.
/// </summary>
internal static class PdfTextExtractor
{
    public static Result<RawDocument> Read(byte[] content, ImportOptions options, CancellationToken cancel)
    {
        if (!HasPdfHeader(content))
        {
            return ImportErrors.UnreadableFile("Filen är inte en giltig PDF-fil.");
        }

        PdfDocument pdf;
        try
        {
            pdf = PdfDocument.Open(content, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
        }
        catch (PdfDocumentEncryptedException)
        {
            return ImportErrors.EncryptedFile();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Unreadable();
        }

        using (pdf)
        {
            try
            {
                return ReadPages(pdf, options, cancel);
            }
            catch (PdfDocumentEncryptedException)
            {
                return ImportErrors.EncryptedFile();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return Unreadable();
            }
        }
    }

    private static Error Unreadable() =>
        ImportErrors.UnreadableFile("PDF-filen kunde inte läsas. Den kan vara skadad; prova att spara ut den på nytt.");

    private static bool HasPdfHeader(byte[] content)
    {
        // The specification allows junk before the header; readers look in the first kilobyte.
        var head = content.AsSpan(0, Math.Min(content.Length, 1024));
        return head.IndexOf("%PDF-"u8) >= 0;
    }

    private static Result<RawDocument> ReadPages(PdfDocument pdf, ImportOptions options, CancellationToken cancel)
    {
        var raw = new RawDocument { Format = "pdf" };
        var pageCount = pdf.NumberOfPages;
        if (pageCount == 0) return Unreadable();
        if (pageCount > options.MaxPages)
        {
            raw.Warnings.Add($"Dokumentet har {pageCount} sidor; bara de första {options.MaxPages} lästes.");
        }

        var withoutText = new List<int>();
        var rotated = false;
        var chars = 0L;
        for (var number = 1; number <= Math.Min(pageCount, options.MaxPages); number++)
        {
            cancel.ThrowIfCancellationRequested();
            List<RawLine> lines;
            try
            {
                lines = PageLines(pdf.GetPage(number), ref rotated);
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not PdfDocumentEncryptedException)
            {
                // One broken page (a font PdfPig cannot read, a damaged content stream) should not cost the rest.
                raw.Warnings.Add($"Sidan {number} kunde inte läsas och har hoppats över.");
                raw.Pages.Add([]);
                continue;
            }

            if (lines.Count == 0) withoutText.Add(number);
            chars += lines.Sum(l => (long)l.Text.Length + 1);
            if (chars > options.MaxTextChars)
            {
                return ImportErrors.Complex("PDF-filen innehåller för mycket text för att vara en överenskommelse.");
            }

            raw.Pages.Add(lines);
        }

        if (withoutText.Count == raw.Pages.Count)
        {
            return ImportErrors.NoTextLayer(pdf: true);
        }

        if (withoutText.Count > 0)
        {
            raw.Warnings.Add($"Sidan {string.Join(", ", withoutText)} saknar textlager (troligen inskannad bild) och är inte läst.");
        }

        if (rotated)
        {
            raw.Warnings.Add("Dokumentet innehåller roterad text som inte har lästs.");
        }

        return raw;
    }

    private sealed record PdfWord(string Text, double Left, double Right, double Baseline, double Size, bool Bold);

    private sealed class PdfLine
    {
        public List<PdfWord> Words { get; } = [];
        public double Baseline { get; set; }
        public double Size { get; set; }
    }

    private static List<RawLine> PageLines(Page page, ref bool rotated)
    {
        var words = new List<PdfWord>();
        foreach (var word in page.GetWords())
        {
            if (string.IsNullOrWhiteSpace(word.Text) || word.Letters.Count == 0) continue;
            if (word.TextOrientation != TextOrientation.Horizontal)
            {
                rotated = true;
                continue;
            }

            var sizes = word.Letters.Select(l => l.PointSize).Where(s => s > 0).ToList();
            var size = sizes.Count > 0 ? sizes.Max() : Math.Max(1, word.BoundingBox.Height);
            var bold = word.Letters.All(l => l.FontName?.Contains("bold", StringComparison.OrdinalIgnoreCase) == true
                                             || l.FontName?.Contains("black", StringComparison.OrdinalIgnoreCase) == true);
            words.Add(new PdfWord(word.Text, word.BoundingBox.Left, word.BoundingBox.Right,
                word.Letters[0].StartBaseLine.Y, size, bold));
        }

        if (words.Count == 0) return [];

        var bodySize = Median(words.Select(w => w.Size));
        var lines = GroupLines(words);
        return Layout(lines, bodySize);
    }

    private static List<PdfLine> GroupLines(List<PdfWord> words)
    {
        // Top to bottom: PDF y grows upwards. A raised footnote number sorts before its line, so a word
        // joins the line whose baseline is within half a line height of its own.
        var lines = new List<PdfLine>();
        foreach (var w in words.OrderByDescending(w => w.Baseline).ThenBy(w => w.Left))
        {
            var line = lines.Count > 0 ? lines[^1] : null;
            if (line is not null && Math.Abs(line.Baseline - w.Baseline) <= 0.5 * Math.Max(line.Size, w.Size))
            {
                line.Words.Add(w);
                if (w.Size > line.Size)
                {
                    line.Size = w.Size;
                    line.Baseline = w.Baseline;
                }
            }
            else
            {
                var fresh = new PdfLine { Baseline = w.Baseline, Size = w.Size };
                fresh.Words.Add(w);
                lines.Add(fresh);
            }
        }

        foreach (var line in lines)
        {
            line.Words.Sort((a, b) => a.Left.CompareTo(b.Left));
            var full = line.Words.Where(w => w.Size >= 0.85 * line.Size).ToList();
            if (full.Count > 0) line.Baseline = Median(full.Select(w => w.Baseline));
        }

        return lines;
    }

    /// <summary>Lines to text: blank lines for vertical gaps, columns read one after the other.</summary>
    private static List<RawLine> Layout(List<PdfLine> lines, double bodySize)
    {
        // The line pitch inside a paragraph is the smallest common gap; where most paragraphs are one line
        // long every gap is a paragraph gap, so the pitch is also capped by what the font size implies.
        var gaps = new List<double>();
        for (var i = 1; i < lines.Count; i++) gaps.Add(lines[i - 1].Baseline - lines[i].Baseline);
        var positive = gaps.Where(g => g > 0.1).OrderBy(g => g).ToList();
        var spacing = positive.Count > 0 ? Math.Min(positive[positive.Count / 4], 1.3 * bodySize) : 1.2 * bodySize;
        if (spacing <= 0) spacing = 1.2 * bodySize;

        var output = new List<RawLine>();
        var i2 = 0;
        while (i2 < lines.Count)
        {
            if (i2 > 0)
            {
                var gap = lines[i2 - 1].Baseline - lines[i2].Baseline;
                if (gap > 1.35 * spacing && gap > 1.4 * Math.Min(lines[i2].Size, lines[i2 - 1].Size)) output.Add(new RawLine(""));
            }

            var segments = Segments(lines[i2]);
            if (segments.Count < 2)
            {
                output.Add(ToRawLine(lines[i2], segments.Count == 1 ? segments[0] : lines[i2].Words, bodySize));
                i2++;
                continue;
            }

            // A run of lines that each have wide gaps is a table or a multi-column footer: read it column by column.
            var run = new List<(PdfLine Line, List<List<PdfWord>> Segments)>();
            while (i2 < lines.Count)
            {
                var segs = Segments(lines[i2]);
                if (segs.Count < 2) break;
                if (run.Count > 0 && lines[i2 - 1].Baseline - lines[i2].Baseline > 2.5 * spacing) break;
                run.Add((lines[i2], segs));
                i2++;
            }

            output.AddRange(Columns(run, bodySize));
        }

        return output;
    }

    private static List<RawLine> Columns(List<(PdfLine Line, List<List<PdfWord>> Segments)> run, double bodySize)
    {
        var intervals = run.SelectMany(r => r.Segments.Select(s => (Left: s[0].Left, Right: s[^1].Right)))
            .OrderBy(iv => iv.Left).ToList();
        var columns = new List<(double Left, double Right)>();
        foreach (var iv in intervals)
        {
            if (columns.Count > 0 && iv.Left <= columns[^1].Right)
            {
                columns[^1] = (columns[^1].Left, Math.Max(columns[^1].Right, iv.Right));
            }
            else
            {
                columns.Add(iv);
            }
        }

        var output = new List<RawLine>();
        if (columns.Count < 2)
        {
            // Segments overlap from line to line, so there are no real columns: keep each segment as a line.
            foreach (var (line, segs) in run)
            {
                output.AddRange(segs.Select(s => ToRawLine(line, s, bodySize)));
            }

            return output;
        }

        for (var c = 0; c < columns.Count; c++)
        {
            if (c > 0) output.Add(new RawLine(""));
            foreach (var (line, segs) in run)
            {
                foreach (var seg in segs.Where(s => s[0].Left >= columns[c].Left && s[0].Left <= columns[c].Right))
                {
                    output.Add(ToRawLine(line, seg, bodySize));
                }
            }
        }

        return output;
    }

    private static List<List<PdfWord>> Segments(PdfLine line)
    {
        var segments = new List<List<PdfWord>>();
        foreach (var w in line.Words)
        {
            if (segments.Count > 0 && w.Left - segments[^1][^1].Right <= 3 * line.Size)
            {
                segments[^1].Add(w);
            }
            else
            {
                segments.Add([w]);
            }
        }

        return segments;
    }

    private static RawLine ToRawLine(PdfLine line, List<PdfWord> words, double bodySize)
    {
        var sb = new System.Text.StringBuilder();
        PdfWord? previous = null;
        foreach (var w in words)
        {
            var superscript = w.Size < 0.8 * line.Size && w.Baseline - line.Baseline > 0.15 * line.Size
                && w.Text.All(char.IsAsciiDigit);
            var text = superscript ? TextPatterns.ToSuperscript(w.Text) : w.Text;
            if (previous is not null)
            {
                var gap = w.Left - previous.Right;
                if (!(superscript && gap < 0.5 * line.Size) && gap > 0.12 * line.Size) sb.Append(' ');
            }

            sb.Append(text);
            previous = w;
        }

        var s = sb.ToString();
        var full = words.Where(w => w.Size >= 0.85 * line.Size).ToList();
        var emphasized = s.Length <= 120 && full.Count > 0
            && (full.All(w => w.Bold) || line.Size >= 1.2 * bodySize);
        return new RawLine(s, emphasized ? LineHint.Heading : LineHint.None);
    }

    private static double Median(IEnumerable<double> values)
    {
        var list = values.ToList();
        if (list.Count == 0) return 0;
        list.Sort();
        return list[list.Count / 2];
    }
}

using System.Globalization;
using System.Text;
using Samverkan.Documents.Import.Extraction;

namespace Samverkan.Documents.Import.Parsing;

internal sealed class SourceLine
{
    public required int Index { get; init; }
    public required int Start { get; init; }
    public required string Text { get; init; }

    /// <summary>Physical or inferred page; furniture from Word headers and footers has page -1.</summary>
    public required int Page { get; set; }

    public LineHint Hint { get; init; }

    public int Level { get; init; } = 1;

    /// <summary>Letterhead, page header or footer: read for the case officer, kept out of the body.</summary>
    public bool Furniture { get; set; }

    /// <summary>Claimed by a field (date, title, ...) so the body does not repeat it.</summary>
    public bool Consumed { get; set; }

    /// <summary>No letter or digit: empty, or stray OCR specks and rules.</summary>
    public bool IsBlank { get; init; }

    public MappedText Mapped()
    {
        var offsets = new int[Text.Length];
        for (var i = 0; i < offsets.Length; i++) offsets[i] = Start + i;
        return new MappedText(Text, offsets);
    }

    public override string ToString() => Text;
}

/// <summary>The normalized text every span points into, cut into lines that know their page.</summary>
internal sealed class SourceDocument
{
    public required string Text { get; init; }
    public required List<SourceLine> Lines { get; init; }
    public required bool ParagraphLines { get; init; }
    public int PageCount { get; set; }

    public static SourceDocument Build(RawDocument raw)
    {
        var text = new StringBuilder();
        var lines = new List<SourceLine>();
        var page = 0;
        foreach (var rawPage in raw.Pages)
        {
            if (lines.Count > 0 || page > 0) text.Append("\f\n");
            foreach (var rawLine in rawPage)
            {
                Add(NormalizeLine(rawLine.Text), page, rawLine.Hint, furniture: false, rawLine.Level);
            }

            page++;
        }

        if (raw.Furniture.Count > 0)
        {
            text.Append("\f\n");
            foreach (var rawLine in raw.Furniture) Add(NormalizeLine(rawLine.Text), -1, LineHint.None, furniture: true);
        }

        var doc = new SourceDocument { Text = text.ToString(), Lines = lines, ParagraphLines = raw.ParagraphLines, PageCount = raw.Pages.Count };
        if (raw.Pages.Count(p => p.Any(l => l.Text.Trim().Length > 0)) <= 1) doc.InferPages();
        return doc;

        void Add(string line, int pageNumber, LineHint hint, bool furniture, int level = 1)
        {
            lines.Add(new SourceLine
            {
                Index = lines.Count,
                Start = text.Length,
                Text = line,
                Page = pageNumber,
                Hint = hint,
                Level = level,
                Furniture = furniture,
                IsBlank = !line.Any(char.IsLetterOrDigit),
            });
            text.Append(line).Append('\n');
        }
    }

    /// <summary>
    /// Text exported without form feeds still shows where pages ended: a run of two or more blank lines,
    /// where paragraphs are separated by one. A wrong guess only costs a missed repeated footer.
    /// </summary>
    private void InferPages()
    {
        var page = 0;
        var blanks = 0;
        var seenText = false;
        foreach (var line in Lines.Where(l => !l.Furniture))
        {
            if (line.Text.Length == 0)
            {
                blanks++;
                line.Page = page;
                continue;
            }

            if (blanks >= 2 && seenText) page++;
            blanks = 0;
            seenText = true;
            line.Page = page;
        }

        PageCount = page + 1;
    }

    private static readonly Dictionary<char, string> Replacements = new()
    {
        ['\t'] = " ", ['\u00A0'] = " ", ['\u2007'] = " ", ['\u202F'] = " ", ['\u2009'] = " ", ['\u200A'] = " ",
        ['\u2002'] = " ", ['\u2003'] = " ", ['\u2028'] = " ", ['\u2029'] = " ",
        ['\u00AD'] = "", ['\u200B'] = "", ['\u200C'] = "", ['\u200D'] = "", ['\uFEFF'] = "", ['\u2060'] = "",
        ['\u2010'] = "-", ['\u2011'] = "-",
        ['\uFB00'] = "ff", ['\uFB01'] = "fi", ['\uFB02'] = "fl", ['\uFB03'] = "ffi", ['\uFB04'] = "ffl",
    };

    /// <summary>NFC (PDFs often store "a" + combining ring for "å"), one kind of space, no invisible characters.</summary>
    public static string NormalizeLine(string line)
    {
        var nfc = line.IsNormalized(NormalizationForm.FormC) ? line : line.Normalize(NormalizationForm.FormC);
        var sb = new StringBuilder(nfc.Length);
        foreach (var ch in nfc)
        {
            if (Replacements.TryGetValue(ch, out var r))
            {
                sb.Append(r);
            }
            else if (char.IsControl(ch) || char.GetUnicodeCategory(ch) == UnicodeCategory.Format)
            {
                // Form feeds are page breaks and were handled by the reader; other controls are noise.
            }
            else if (char.IsSurrogate(ch) && !char.IsHighSurrogate(ch) && (sb.Length == 0 || !char.IsHighSurrogate(sb[^1])))
            {
                // A lone low surrogate cannot be encoded; drop it.
            }
            else
            {
                sb.Append(ch);
            }
        }

        // A lone high surrogate at the end (or before a non-surrogate) is equally unencodable.
        var s = sb.ToString();
        var clean = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && (i + 1 >= s.Length || !char.IsLowSurrogate(s[i + 1]))) continue;
            if (char.IsLowSurrogate(s[i]) && (i == 0 || !char.IsHighSurrogate(s[i - 1]))) continue;
            clean.Append(s[i]);
        }

        return clean.ToString().Trim();
    }
}

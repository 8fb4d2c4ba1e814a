using System.Text.RegularExpressions;
using Samverkan.Documents.Import.Extraction;

namespace Samverkan.Documents.Import.Parsing;

/// <summary>A paragraph as a reader sees it: wrapped lines joined, a bullet's marker set aside.</summary>
internal sealed class Para
{
    public required List<SourceLine> Lines { get; init; }

    /// <summary>The text without a bullet or number marker.</summary>
    public required MappedText Text { get; set; }

    /// <summary>The whole text including the marker.</summary>
    public required MappedText Full { get; init; }

    public bool Bullet { get; init; }

    /// <summary>"1", "2.1" for a numbered line.</summary>
    public string? Number { get; init; }

    public bool HeadingHint { get; init; }

    public int HeadingLevel { get; init; } = 1;

    public bool SingleLine => Lines.Count == 1;

    public int Page => Lines[0].Page;

    public override string ToString() => Full.Text;
}

internal static partial class Paragraphs
{
    // A dash bullet needs a space after it (so "-5 %" is not one); symbol bullets need none.
    [GeneratedRegex(@"^(?:(?<m>[-–—*»›])\s+|(?<m>[•·▪■◦►‣○●➢✓])\s*)(?=\S)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex BulletStart();

    [GeneratedRegex(@"^(?<num>\d{1,2}(?:\.\d{1,2}){0,3})(?<close>[.)])?\s+(?=[\p{Lu}ÅÄÖ])", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex NumberStart();

    [GeneratedRegex(@"^(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}|\[\d{1,3}\])\s*\S", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex NoteStart();

    private static readonly HashSet<string> KeepHyphenBefore = ["och", "eller", "samt", "respektive", "resp", "till", "som", "men", "med"];

    public static List<Para> Build(IReadOnlyList<SourceLine> lines, bool paragraphLines)
    {
        var body = lines.Where(l => !l.Furniture && !l.Consumed && l.Page >= 0).ToList();
        var width = TypicalWidth(body);
        var paras = new List<Para>();

        List<SourceLine>? current = null;
        MappedTextBuilder? text = null;
        string? bulletMarker = null;
        Match? startMatch = null;
        SourceLine? previous = null;
        var blankSince = true;

        void Close()
        {
            if (current is null || text is null) return;
            var full = text.Build();
            var content = full;
            string? number = null;
            if (startMatch is not null)
            {
                // Matched again on the joined text: collapsing spaces may have moved where the marker ends.
                var marker = bulletMarker is not null ? BulletStart().Match(full.Text) : NumberedItem(full.Text);
                if (marker is { Success: true })
                {
                    content = full.Slice(marker.Length).Trim();
                    if (marker.Groups["num"].Success) number = marker.Groups["num"].Value;
                }
            }

            if (full.Length > 0)
            {
                paras.Add(new Para
                {
                    Lines = current,
                    Text = content,
                    Full = full,
                    Bullet = bulletMarker is not null,
                    Number = number,
                    HeadingHint = current.All(l => l.Hint == LineHint.Heading),
                    HeadingLevel = current[0].Level,
                });
            }

            current = null;
            text = null;
            bulletMarker = null;
            startMatch = null;
        }

        foreach (var line in body)
        {
            if (line.IsBlank)
            {
                Close();
                blankSince = true;
                continue;
            }

            var bullet = BulletStart().Match(line.Text);
            var numbered = NumberedItem(line.Text);
            var startsItem = bullet.Success || numbered is not null || NoteStart().IsMatch(line.Text);
            if (bullet.Success && previous is not null && current is not null && DashContinues(previous.Text, bullet.Groups["m"].Value, bulletMarker, width))
            {
                startsItem = false;
            }

            var join = current is not null && previous is not null && !blankSince
                       && (Joins(previous, line, startsItem, paragraphLines, width)
                           || WrappedHeading(previous, line, paragraphLines)
                           || (!startsItem && !paragraphLines && line.Hint != LineHint.Heading && StatedCommitments.Starts(Unmarked(current![0].Text))));
            if (join)
            {
                var hyphenated = EndsWithHyphen(previous!.Text) && TextPatterns.StartsLower(line.Text)
                                 && !KeepHyphenBefore.Contains(FirstWord(line.Text));
                if (hyphenated)
                {
                    text!.RemoveLast();
                }
                else
                {
                    text!.Append(' ', previous.Start + previous.Text.Length);
                }

                Append(text, line);
                current!.Add(line);
            }
            else
            {
                Close();
                current = [line];
                text = new MappedTextBuilder();
                Append(text, line);
                if (bullet.Success && startsItem)
                {
                    bulletMarker = bullet.Groups["m"].Value;
                    startMatch = bullet;
                }
                else if (numbered is not null && startsItem)
                {
                    startMatch = numbered;
                }
            }

            previous = line;
            blankSince = false;
        }

        Close();
        return paras;
    }

    private static void Append(MappedTextBuilder text, SourceLine line)
    {
        for (var i = 0; i < line.Text.Length; i++) text.Append(line.Text[i], line.Start + i);
    }

    public static Match? NumberedItem(string line)
    {
        var m = NumberStart().Match(line);
        if (!m.Success) return null;
        return m.Groups["close"].Success || m.Groups["num"].Value.Contains('.') ? m : null;
    }

    private static bool Joins(SourceLine previous, SourceLine next, bool nextStartsItem, bool paragraphLines, int width)
    {
        if (next.Hint == LineHint.Heading || previous.Hint == LineHint.Heading || nextStartsItem) return false;
        var prev = previous.Text;
        if (EndsWithHyphen(prev) && TextPatterns.StartsLower(next.Text)) return true;

        if (paragraphLines || Standalone(prev) || Standalone(next.Text)) return false;
        var open = !TextPatterns.EndsSentence(prev) && !prev.EndsWith(':');
        if (previous.Page != next.Page) return open && TextPatterns.StartsLower(next.Text);
        if (prev.Length >= 0.6 * width && !prev.EndsWith(':')) return true;
        return open && TextPatterns.StartsLower(next.Text);
    }

    /// <summary>
    /// A heading too long for one line, in a PDF: emphasized lines that follow each other without a gap, the
    /// first not ending a sentence. (Word keeps a heading in one paragraph, so this never applies there.)
    /// </summary>
    private static bool WrappedHeading(SourceLine previous, SourceLine next, bool paragraphLines) =>
        !paragraphLines && previous.Hint == LineHint.Heading && next.Hint == LineHint.Heading && previous.Page == next.Page
        && previous.Level == next.Level && !TextPatterns.EndsSentence(previous.Text) && !previous.Text.EndsWith(':');

    private static string Unmarked(string line)
    {
        var bullet = BulletStart().Match(line);
        return bullet.Success ? line[bullet.Length..] : line;
    }

    /// <summary>Signature lines ("Ort och datum", "Falun den 9 oktober 2019", "För Region Dalarna") stand alone.</summary>
    private static bool Standalone(string line)
    {
        if (line.Length > 60) return false;
        if (Signatures.IsLabel(line) || line.StartsWith("För ", StringComparison.Ordinal)) return true;
        var date = SwedishDates.First(line);
        return date is not null && date.Value.Index + date.Value.Length >= line.TrimEnd('.', ' ').Length;
    }

    /// <summary>
    /// A wrapped line may begin with a dash that belongs to the sentence ("Dalarna – Sveriges bästa ...").
    /// It is a continuation when the line before runs on and the dash is not the list's own marker.
    /// </summary>
    private static bool DashContinues(string previous, string marker, string? listMarker, int width)
    {
        if (marker is not "–" and not "—") return false;
        if (TextPatterns.EndsSentence(previous) || previous.EndsWith(':') || previous.EndsWith(',')) return false;
        return listMarker is null ? previous.Length >= 0.6 * width : listMarker != marker;
    }

    private static bool EndsWithHyphen(string s) => s.Length >= 3 && s[^1] == '-' && char.IsLetter(s[^2]);

    private static string FirstWord(string s)
    {
        var end = 0;
        while (end < s.Length && char.IsLetter(s[end])) end++;
        return s[..end];
    }

    /// <summary>Lines of wrapped prose are about as long as the page is wide; a shorter line ends a paragraph.</summary>
    private static int TypicalWidth(List<SourceLine> body)
    {
        var lengths = body.Where(l => !l.IsBlank && l.Text.Length >= 20).Select(l => l.Text.Length).OrderBy(x => x).ToList();
        if (lengths.Count == 0) return 80;
        return Math.Max(60, lengths[(int)Math.Floor((lengths.Count - 1) * 0.9)]);
    }
}

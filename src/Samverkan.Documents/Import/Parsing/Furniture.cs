namespace Samverkan.Documents.Import.Parsing;

/// <summary>
/// Finds what is printed on the page rather than written in the agreement: blocks repeated at the top or
/// bottom of several pages (header, letterhead footer) and labelled contact blocks ("Postadress", "Handläggare").
/// </summary>
internal static partial class Furniture
{
    private const int TopBlocks = 3;
    private const int BottomBlocks = 8;

    public static void Mark(SourceDocument doc)
    {
        var pages = doc.Lines.Where(l => !l.Furniture && l.Page >= 0)
            .GroupBy(l => l.Page).OrderBy(g => g.Key).Select(g => g.ToList()).ToList();
        if (pages.Count >= 2) MarkRepeatedBlocks(pages);
        if (pages.Count >= 2) MarkContinuationHeaders(pages);
        if (pages.Count >= 3) MarkRepeatedLines(pages);
        MarkLabelledBlocks(doc.Lines.Where(l => !l.Furniture).ToList());
    }

    private static List<List<SourceLine>> Blocks(IEnumerable<SourceLine> lines)
    {
        var blocks = new List<List<SourceLine>>();
        List<SourceLine>? current = null;
        foreach (var line in lines)
        {
            if (line.IsBlank || line.Furniture)
            {
                current = null;
                continue;
            }

            if (current is null) blocks.Add(current = []);
            current.Add(line);
        }

        return blocks;
    }

    /// <summary>Digits masked so "Sida 2 av 4" and "Sida 3 av 4" count as the same line.</summary>
    public static string Key(string line)
    {
        var sb = new System.Text.StringBuilder(line.Length);
        foreach (var ch in line.ToLowerInvariant())
        {
            if (char.IsDigit(ch)) sb.Append('#');
            else if (char.IsLetter(ch)) sb.Append(ch);
        }

        return sb.ToString();
    }

    private static string Key(List<SourceLine> block) => string.Join("|", block.Select(l => Key(l.Text)));

    private static void MarkRepeatedBlocks(List<List<SourceLine>> pages)
    {
        var top = new Dictionary<string, HashSet<int>>();
        var bottom = new Dictionary<string, HashSet<int>>();
        var pageBlocks = pages.Select(Blocks).ToList();
        for (var p = 0; p < pageBlocks.Count; p++)
        {
            var blocks = pageBlocks[p];
            for (var i = 0; i < blocks.Count; i++)
            {
                var key = Key(blocks[i]);
                if (key.Length == 0) continue;
                if (i < TopBlocks) Count(top, key, p);
                if (i >= blocks.Count - BottomBlocks) Count(bottom, key, p);
            }
        }

        foreach (var blocks in pageBlocks)
        {
            var i = 0;
            while (i < blocks.Count && Repeated(top, Key(blocks[i])))
            {
                blocks[i].ForEach(l => l.Furniture = true);
                i++;
            }

            var j = blocks.Count - 1;
            while (j >= i && Repeated(bottom, Key(blocks[j])))
            {
                blocks[j].ForEach(l => l.Furniture = true);
                j--;
            }
        }
    }

    /// <summary>
    /// For text where header lines run straight into the body (no blank line), compare single lines, but
    /// only when most of at least three pages share them, and never signature labels.
    /// </summary>
    private static void MarkRepeatedLines(List<List<SourceLine>> pages)
    {
        var threshold = Math.Max(3, (int)Math.Ceiling(pages.Count * 0.6));
        var top = new Dictionary<string, HashSet<int>>();
        var bottom = new Dictionary<string, HashSet<int>>();
        var bodies = pages.Select(p => p.Where(l => !l.Furniture && !l.IsBlank).ToList()).ToList();
        for (var p = 0; p < bodies.Count; p++)
        {
            var lines = bodies[p];
            for (var i = 0; i < lines.Count; i++)
            {
                var key = Key(lines[i].Text);
                if (key.Length < 3 || Signatures.IsLabel(lines[i].Text)) continue;
                if (i < 4) Count(top, key, p);
                if (i >= lines.Count - 12) Count(bottom, key, p);
            }
        }

        foreach (var lines in bodies)
        {
            var i = 0;
            while (i < lines.Count && i < 4 && top.TryGetValue(Key(lines[i].Text), out var t) && t.Count >= threshold)
            {
                lines[i++].Furniture = true;
            }

            var j = lines.Count - 1;
            while (j >= i && j >= lines.Count - 12 && bottom.TryGetValue(Key(lines[j].Text), out var b) && b.Count >= threshold)
            {
                lines[j--].Furniture = true;
            }
        }
    }

    /// <summary>
    /// A running header that changes after the first page ("ÖVERENSKOMMELSE 1 (2)" with date and reference there,
    /// "ÖVERENSKOMMELSE", "2 (2)" and the date after): a continuation page's first lines are furniture when each
    /// is a page number or repeats a line at the top of the first page, and one of them is a page number or a date.
    /// Two pages are enough, where repeated blocks need the same block twice.
    /// </summary>
    private static void MarkContinuationHeaders(List<List<SourceLine>> pages)
    {
        var firstTop = pages[0].Where(l => !l.IsBlank && l.Text.Length <= 60).Take(8).Select(l => HeaderKey(l.Text)).Where(k => k.Length > 0).ToHashSet();
        foreach (var page in pages.Skip(1))
        {
            var top = page.Where(l => !l.IsBlank && !l.Furniture).Take(6).ToList();
            var run = top.TakeWhile(l => PageNumber().IsMatch(l.Text) || (l.Text.Length <= 60 && firstTop.Contains(HeaderKey(l.Text)))).ToList();
            if (run.Any(l => PageNumber().IsMatch(l.Text) || SwedishDates.First(l.Text) is not null))
                run.ForEach(l => l.Furniture = true);
        }
    }

    /// <summary>The line without a trailing page number, digits masked.</summary>
    private static string HeaderKey(string line) => Key(TrailingPageNumber().Replace(line, ""));

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:[Ss]ida\s+)?\d{1,3}\s*(?:\(\d{1,3}\)|av\s+\d{1,3})$", System.Text.RegularExpressions.RegexOptions.CultureInvariant, 1000)]
    private static partial System.Text.RegularExpressions.Regex PageNumber();

    [System.Text.RegularExpressions.GeneratedRegex(@"\s*\d{1,3}\s*\(\d{1,3}\)\s*$", System.Text.RegularExpressions.RegexOptions.CultureInvariant, 1000)]
    private static partial System.Text.RegularExpressions.Regex TrailingPageNumber();

    private static void Count(Dictionary<string, HashSet<int>> counts, string key, int page)
    {
        if (!counts.TryGetValue(key, out var set)) counts[key] = set = [];
        set.Add(page);
    }

    private static bool Repeated(Dictionary<string, HashSet<int>> counts, string key) =>
        key.Length > 0 && counts.TryGetValue(key, out var set) && set.Count >= 2;

    /// <summary>
    /// A single-page letter has nothing to repeat, but its contact blocks still announce themselves with a
    /// label and contain phone numbers, addresses or e-mail.
    /// </summary>
    private static void MarkLabelledBlocks(List<SourceLine> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            var label = Letterhead.Label(lines[i].Text, out var inline);
            if (label is null) continue;

            var group = new List<SourceLine> { lines[i] };
            var j = i + 1;
            while (inline is null && j < lines.Count && !lines[j].IsBlank && group.Count < 7 && ContactLike(lines[j].Text)
                   && Letterhead.Label(lines[j].Text, out _) is null)
            {
                group.Add(lines[j++]);
            }

            var values = inline is not null ? [inline] : group.Skip(1).Select(l => l.Text).ToList();
            if (values.Count == 0) continue;
            var hasContact = values.Any(v => TextPatterns.Phone().IsMatch(v) || TextPatterns.Email().IsMatch(v)
                || TextPatterns.Web().IsMatch(v) || TextPatterns.OrganizationNumber().IsMatch(v)
                || TextPatterns.PostalCode().IsMatch(v) || v.StartsWith("Box ", StringComparison.Ordinal));
            var officer = label == Letterhead.Officer && TextPatterns.LooksLikeName(values[0].Split(',')[0].Trim());
            if (!hasContact && !officer) continue;

            group.ForEach(l => l.Furniture = true);
            i = j - 1;
        }
    }

    private static bool ContactLike(string line) =>
        line.Length <= 60 && !TextPatterns.EndsSentence(line) && !line.StartsWith("- ", StringComparison.Ordinal);
}

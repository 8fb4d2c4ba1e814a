using System.Text.RegularExpressions;

namespace Samverkan.Documents.Import.Parsing;

internal sealed class SectionNode
{
    public MappedText? Heading { get; init; }
    public List<Para> Items { get; } = [];

    public void Add(Para item)
    {
        Items.Add(item);
        HasBullets |= item.Bullet || item.Number is not null;
    }
    public List<SectionNode> Children { get; } = [];

    /// <summary>Opened by a lead-in heading ending in a colon ("Grundläggande värden:").</summary>
    public bool ListSection { get; init; }

    public bool HasBullets { get; private set; }
}

/// <summary>Headings are short lines without a full stop followed by text; everything else is an item.</summary>
internal static partial class Sections
{
    [GeneratedRegex(@"\b(?:kr|kronor|tkr|mkr|msek|sek)\b|%|\d{3} \d{3}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Amount();

    private static readonly HashSet<string> LeadInVerbs = ["ska", "skall", "vill", "kommer", "bör", "har", "är", "avser", "ges", "gäller", "innebär"];

    public static List<SectionNode> Build(List<Para> paras, CancellationToken cancel)
    {
        var roots = new List<SectionNode>();
        SectionNode? top = null;
        SectionNode? sub = null;

        for (var i = 0; i < paras.Count; i++)
        {
            cancel.ThrowIfCancellationRequested();
            var p = paras[i];
            var next = i + 1 < paras.Count ? paras[i + 1] : null;
            var heading = Heading(p, next, out var colon, out var level);
            if (heading is not null)
            {
                var node = new SectionNode { Heading = heading, ListSection = colon };
                if ((colon || level >= 2) && top is not null)
                {
                    top.Children.Add(node);
                    sub = node;
                }
                else
                {
                    roots.Add(node);
                    top = node;
                    sub = null;
                }

                continue;
            }

            if (top is null)
            {
                top = new SectionNode();
                roots.Add(top);
            }

            var target = sub ?? top;
            var isListItem = p.Bullet || p.Number is not null;

            // A lead-in heading with a colon owns exactly the list that follows it. The first ordinary paragraph
            // after that list opens an untitled continuation of the enclosing section, so the list keeps its
            // items and the document's order survives. In the customer's agreement this puts the three basic
            // values under "Grundläggande värden" and the paragraph "Region Dalarna och Smedjebackens kommun vill
            // båda ..." together with the eight collaboration bullets that follow it into one untitled section.
            if (target.ListSection && target.HasBullets && !isListItem)
            {
                var continuation = new SectionNode();
                if (target == sub)
                {
                    top.Children.Add(continuation);
                    sub = continuation;
                }
                else
                {
                    roots.Add(continuation);
                    top = continuation;
                }

                target = continuation;
            }

            target.Add(p);
        }

        return roots;
    }

    private static MappedText? Heading(Para p, Para? next, out bool colon, out int level)
    {
        colon = false;
        level = 1;
        if (p.Bullet) return null;
        var text = p.Number is not null ? p.Text : p.Full;
        if (p.Number is not null) level = p.Number.Count(c => c == '.') + 1;

        if (p.HeadingHint && text.Length is > 1 and <= 150 && !TextPatterns.EndsSentence(text.Text))
        {
            colon = text.Text.EndsWith(':');
            level = Math.Max(level, p.HeadingLevel);
            return text.TrimEnd(':');
        }

        if (!p.SingleLine || next is null) return null;
        var t = text.Text;
        if (t.Length is < 2 or > 90 || t.Count(char.IsLetter) < 2) return null;
        if (TextPatterns.EndsSentence(t) || t.EndsWith(',') || t.EndsWith('-')) return null;
        var words = t.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if (words > 12) return null;
        if (t.EndsWith(':'))
        {
            // "Grundläggande värden:" names a list; "Museet ska under året:" is a sentence leading into one.
            if (words > 5 || t.Split(' ').Any(w => LeadInVerbs.Contains(w.ToLowerInvariant()))) return null;
            colon = true;
        }

        if (!char.IsUpper(t.First(char.IsLetter))) return null;
        if (Amount().IsMatch(t) || t.Contains(" | ", StringComparison.Ordinal)) return null;
        return text.TrimEnd(':');
    }
}

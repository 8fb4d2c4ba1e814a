using System.Globalization;
using System.Text.RegularExpressions;
using Samverkan.Agreements;

namespace Samverkan.Documents.Import.Parsing;

internal enum HeadingKind
{
    None,
    Agreement,
    Assignment,
    Intent,
    Contract,
}

/// <summary>The document's kind heading, date, reference, title, parties and period.</summary>
internal sealed partial class FrontMatter
{
    public HeadingKind Kind { get; private set; }
    public MappedText? KindSource { get; private set; }
    public DateMatch? Date { get; private set; }
    public SourceSpan DateSpan { get; private set; }
    public MappedText? Reference { get; private set; }
    public MappedText? Title { get; private set; }
    public Period? Period { get; private set; }
    public SourceSpan PeriodSpan { get; private set; }
    public List<(PartyRef Party, MappedText Source)> Parties { get; } = [];
    public List<MappedText> UnresolvedParties { get; } = [];

    private static readonly (string Folded, HeadingKind Kind)[] Keywords =
    [
        ("uppdragsoverenskommelse", HeadingKind.Assignment),
        ("uppdragsavtal", HeadingKind.Assignment),
        ("avsiktsforklaring", HeadingKind.Intent),
        ("samverkansoverenskommelse", HeadingKind.Agreement),
        ("kulturoverenskommelse", HeadingKind.Agreement),
        ("overenskommelse", HeadingKind.Agreement),
        ("samverkansavtal", HeadingKind.Contract),
        ("avtal", HeadingKind.Contract),
    ];

    [GeneratedRegex(@"^[\p{Lu}0 ]{4,40}(?=\s|$|\d)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex UpperRun();

    [GeneratedRegex(@"\bDatum\b\s*:?\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex DateLabel();

    [GeneratedRegex(@"\b(?:Dnr|Diarienr|Diarienummer|Diarie-nr|Vår beteckning|Beteckning|Ärendenr|Ärendenummer|Vår referens)\.?\s*:?\s*(?<ref>(?:[A-ZÅÄÖ]{1,6}[ -]?)?\d{2,4}[/.:\-]\d{1,6}(?:[\-:]\d{1,4})?)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex LabelledReference();

    [GeneratedRegex(@"(?<![\w/])(?<ref>[A-ZÅÄÖ]{1,4} ?\d{2}/\d{3,6})(?![\w/])", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex BareReference();

    [GeneratedRegex(@"\b(?:(?:uppdrags|samverkans|kultur)?överenskommelse|avsiktsförklaring|(?:samverkans|uppdrags)?avtal)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex TitleKeyword();

    [GeneratedRegex(@"(?<!\d)(?<y1>(?:19|20)\d{2})-(?<m1>\d{2})-(?<d1>\d{2})\s*(?:-{1,2}|–|—|till(?: och med)?|t\.\s?o\.\s?m\.?)\s*(?<y2>(?:19|20)\d{2})-(?<m2>\d{2})-(?<d2>\d{2})(?!\d)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex DateRange();

    [GeneratedRegex(@"(?:\b(?:för|under|avseende|gällande)\s+)?(?:\b(?:åren|perioden|planperioden|avtalsperioden|verksamhetsåren)\s+)?(?<!\d)(?<y1>(?:19|20)\d{2})\s*(?:-|–|—|till|t\.\s?o\.\s?m\.?)\s*(?<y2>(?:19|20)\d{2})(?!\d)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex YearRange();

    [GeneratedRegex(@"\b(?:år|verksamhetsåret|för|avseende|gällande)\s+(?<y>(?:19|20)\d{2})(?![\d\-–/])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex SingleYear();

    /// <summary>"Kulturöverenskommelse 2024", "UPPDRAGSÖVERENSKOMMELSE 2025": a title that ends with its year.</summary>
    [GeneratedRegex(@"(?<=\p{L}) (?<y>(?:19|20)\d{2})$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex TrailingYear();

    [GeneratedRegex(@"\b(?:gäller|giltig|löper)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex ValidityWord();

    /// <summary>Reads what stands on lines of its own: the kind heading, "Datum: ...", the reference.</summary>
    public void ReadLines(SourceDocument doc)
    {
        var first = FirstPage(doc);
        var firstPage = doc.Lines.Where(l => l.Page == first && !l.IsBlank).ToList();
        var candidates = firstPage.Concat(doc.Lines.Where(l => l.Furniture && !l.IsBlank && l.Page != first)).ToList();

        // Word keeps the heading in the page header, which comes last in the text; look there too.
        foreach (var line in firstPage.Take(15).Concat(doc.Lines.Where(l => l.Furniture && l.Page < 0 && !l.IsBlank)))
        {
            var run = UpperRun().Match(line.Text);
            if (!run.Success) continue;
            var folded = TextPatterns.Fold(run.Value);
            var hit = Keywords.FirstOrDefault(k => k.Folded == folded);
            if (hit.Kind == HeadingKind.None) continue;
            Kind = hit.Kind;
            KindSource = line.Mapped().Slice(0, run.Value.TrimEnd().Length);
            if (!line.Furniture && run.Value.Trim().Length >= line.Text.Trim().Length - 5) line.Consumed = true;
            break;
        }

        foreach (var line in candidates)
        {
            var label = DateLabel().Match(line.Text);
            if (!label.Success) continue;
            var rest = line.Text[(label.Index + label.Length)..];
            var date = SwedishDates.First(rest);
            if (date is null || rest[..date.Value.Index].Trim().Length > 0) continue;
            var start = label.Index + label.Length + date.Value.Index;
            Date = date;
            DateSpan = line.Mapped().Slice(start, date.Value.Length).Span;
            if (!line.Furniture && line.Text.Trim().Length <= start + date.Value.Length + 2) line.Consumed = true;
            break;
        }

        foreach (var pattern in new[] { LabelledReference(), BareReference() })
        {
            foreach (var line in candidates)
            {
                var m = pattern.Match(line.Text);
                if (!m.Success) continue;
                var g = m.Groups["ref"];
                Reference = line.Mapped().Slice(g.Index, g.Length);
                var remainder = line.Text.Remove(m.Index, m.Length);
                if (!line.Furniture && !remainder.Any(char.IsLetterOrDigit)) line.Consumed = true;
                break;
            }

            if (Reference is not null) break;
        }
    }

    private static int FirstPage(SourceDocument doc) =>
        doc.Lines.Where(l => l.Page >= 0 && !l.IsBlank).Select(l => l.Page).DefaultIfEmpty(0).Min();

    /// <summary>Finds the title among the first paragraphs and removes it (and anything unplaceable above it) from the body.</summary>
    public void ReadTitle(List<Para> paras, PartyResolver resolver, List<string> warnings)
    {
        var limit = Math.Min(paras.Count, 8);
        var index = -1;
        MappedText? title = null;
        Para? remainder = null;
        for (var i = 0; i < limit && title is null; i++)
        {
            var text = paras[i].Full;
            foreach (Match kw in TitleKeyword().Matches(text.Text))
            {
                // A title starts with its keyword; only text that lost its line breaks has it further in.
                if (kw.Index > 0 && text.Length <= 300) break;
                var window = Math.Min(90, text.Length - kw.Index);
                var mellan = text.Text.IndexOf(" mellan ", kw.Index, window, StringComparison.OrdinalIgnoreCase);
                if (mellan < 0 || mellan - kw.Index > 80) continue;
                var end = TitleEnd(text.Text, kw.Index);
                title = text.Slice(kw.Index, end - kw.Index);
                index = i;

                // Text that lost its line breaks (OCR) runs on from the title into the body; give the rest back.
                var rest = text.Slice(end).Trim();
                if (rest.Length > 0) remainder = new Para { Lines = paras[i].Lines, Text = rest, Full = rest };
                break;
            }
        }

        for (var i = 0; i < limit && title is null; i++)
        {
            var text = paras[i].Full;
            var kw = TitleKeyword().Match(text.Text);
            if (kw.Success && kw.Index == 0 && text.Length <= 200 && text.Text.Any(char.IsLower) && !paras[i].Bullet)
            {
                title = text;
                index = i;
            }
        }

        if (title is null)
        {
            warnings.Add("Hittade ingen titel (en rad som \"Överenskommelse mellan ... och ...\").");
            return;
        }

        Title = title.Trim().TrimEnd('.', ':');
        for (var i = 0; i < index; i++)
        {
            warnings.Add($"Texten \"{Short(paras[i].Full.Text)}\" före titeln kunde inte placeras.");
        }

        paras.RemoveRange(0, index + 1);
        if (remainder is not null) paras.Insert(0, remainder);

        // A body paragraph right after the title may still carry the date ("Falun den 25 september 2019").
        if (Date is null && paras.Count > 0 && paras[0].Full.Length <= 60)
        {
            var d = SwedishDates.First(paras[0].Full.Text);
            if (d is not null)
            {
                Date = d;
                DateSpan = paras[0].Full.Slice(d.Value.Index, d.Value.Length).Span;
                paras.RemoveAt(0);
            }
        }

        // A title without the parties ("Kulturöverenskommelse 2024") leaves them to the first paragraphs.
        var named = Title.Text.Contains(" mellan ", StringComparison.OrdinalIgnoreCase)
            ? Title
            : paras.Take(5).Select(p => p.Text).FirstOrDefault(t => t.Text.Contains(" mellan ", StringComparison.OrdinalIgnoreCase));
        if (named is null)
        {
            warnings.Add("Titeln nämner inte parterna (\"mellan ... och ...\"); lägg till dem för hand.");
        }
        else
        {
            ReadParties(named, resolver, warnings);
        }

        ReadPeriod(Title);
        if (Kind == HeadingKind.None)
        {
            var kw = TitleKeyword().Match(Title.Text);
            if (kw.Success && kw.Index == 0)
            {
                var folded = TextPatterns.Fold(kw.Value);
                Kind = Keywords.FirstOrDefault(k => k.Folded == folded).Kind;
                KindSource = Title.Slice(kw.Index, kw.Length);
            }
        }
    }

    /// <summary>A title ends with its period ("för åren 2019-2022"), or at the end of its sentence or paragraph.</summary>
    private static int TitleEnd(string text, int from)
    {
        var range = YearRange().Match(text, from);
        if (range.Success && range.Index - from < 250) return range.Index + range.Length;
        var single = SingleYear().Match(text, from);
        if (single.Success && single.Index - from < 250) return single.Index + single.Length;
        var stop = text.IndexOf(". ", from, StringComparison.Ordinal);
        if (stop > 0 && stop - from < 250) return stop;
        return text.Length - from <= 250 ? text.Length : from + 250;
    }

    private static readonly string[] TailWords = [" för ", " avseende ", " gällande ", " under ", " om ", " angående ", " kring ", " inom ", " i fråga om ", " år ", " perioden "];

    private void ReadParties(MappedText text, PartyResolver resolver, List<string> warnings)
    {
        var at = text.Text.IndexOf(" mellan ", StringComparison.OrdinalIgnoreCase);
        var rest = text.Slice(at + " mellan ".Length);
        var sentenceEnd = rest.Text.IndexOf(". ", StringComparison.Ordinal);
        if (sentenceEnd > 0) rest = rest.Slice(0, sentenceEnd);
        var conjunctions = AllIndexes(rest.Text, " och ").ToList();
        foreach (var och in conjunctions)
        {
            var first = rest.Slice(0, och).SplitOn(", ").Select(p => WithoutParenthesis(p).Trim()).ToList();
            var firstParties = first.Select(p => resolver.Resolve(p.Text)).ToList();
            if (firstParties.Any(p => p is null)) continue;
            var second = LongestResolvingPrefix(rest.Slice(och + " och ".Length), resolver);
            if (second is null) continue;
            for (var i = 0; i < first.Count; i++) Parties.Add((firstParties[i]!, first[i]));
            Parties.Add(second.Value);
            return;
        }

        // Not every name is known: keep the ones that are, report the rest.
        var split = conjunctions.Count > 0 ? conjunctions[0] : -1;
        var names = new List<MappedText>();
        if (split >= 0)
        {
            names.AddRange(rest.Slice(0, split).SplitOn(", ").Select(p => p.Trim()));
            names.Add(CutTail(rest.Slice(split + " och ".Length)));
        }
        else
        {
            names.Add(CutTail(rest));
        }

        foreach (var name in names.Where(n => n.Length > 0))
        {
            var party = resolver.Resolve(name.Text);
            if (party is not null)
            {
                Parties.Add((party, name));
            }
            else
            {
                UnresolvedParties.Add(name);
                warnings.Add($"Kunde inte koppla \"{name.Text}\" till en känd organisation; välj parten för hand.");
            }
        }
    }

    private static (PartyRef, MappedText)? LongestResolvingPrefix(MappedText text, PartyResolver resolver)
    {
        var ends = new List<int>();
        for (var i = 0; i < text.Length && ends.Count < 10; i++)
        {
            if (text.Text[i] == ' ' || text.Text[i] == ',') ends.Add(i);
        }

        ends.Add(text.Length);
        foreach (var end in ends.Distinct().OrderByDescending(e => e))
        {
            var candidate = WithoutParenthesis(text.Slice(0, end)).Trim().TrimEnd(',', '.');
            if (candidate.Length == 0) continue;
            var party = resolver.Resolve(candidate.Text);
            if (party is not null) return (party, candidate);
        }

        return null;
    }

    /// <summary>"Smedjebackens kommun (kommunen)": the short name in parentheses is not part of the name.</summary>
    private static MappedText WithoutParenthesis(MappedText name)
    {
        var open = name.Text.IndexOf(" (", StringComparison.Ordinal);
        return open > 0 ? name.Slice(0, open) : name;
    }

    private static MappedText CutTail(MappedText name)
    {
        var cut = name.Length;
        foreach (var w in TailWords)
        {
            var i = name.Text.IndexOf(w, StringComparison.OrdinalIgnoreCase);
            if (i > 0 && i < cut) cut = i;
        }

        for (var i = 0; i < cut; i++)
        {
            if (char.IsDigit(name.Text[i]) || name.Text[i] == ',')
            {
                cut = i;
                break;
            }
        }

        return name.Slice(0, cut).Trim().TrimEnd(',', '.', '–', '-');
    }

    private static IEnumerable<int> AllIndexes(string text, string value)
    {
        var i = text.IndexOf(value, StringComparison.Ordinal);
        while (i >= 0)
        {
            yield return i;
            i = text.IndexOf(value, i + 1, StringComparison.Ordinal);
        }
    }

    private bool ReadPeriod(MappedText text)
    {
        var range = DateRange().Match(text.Text);
        if (range.Success && TryDate(range, "1", out var from) && TryDate(range, "2", out var to) && to > from)
        {
            SetPeriod(new Period(from, to), text.Slice(range.Index, range.Length));
            return true;
        }

        var years = YearRange().Match(text.Text);
        if (years.Success)
        {
            var y1 = int.Parse(years.Groups["y1"].Value, CultureInfo.InvariantCulture);
            var y2 = int.Parse(years.Groups["y2"].Value, CultureInfo.InvariantCulture);
            if (y2 >= y1 && y2 - y1 <= 10)
            {
                SetPeriod(new Period(new DateOnly(y1, 1, 1), new DateOnly(y2, 12, 31)), text.Slice(years.Index, years.Length));
                return true;
            }
        }

        var single = SingleYear().Match(text.Text);
        if (!single.Success) single = TrailingYear().Match(text.Text);
        if (single.Success)
        {
            var y = int.Parse(single.Groups["y"].Value, CultureInfo.InvariantCulture);
            SetPeriod(new Period(new DateOnly(y, 1, 1), new DateOnly(y, 12, 31)), text.Slice(single.Index, single.Length));
            return true;
        }

        return false;
    }

    /// <summary>When the title has no years, the period may be stated in the text ("Överenskommelsen gäller 2024-01-01 -- 2026-12-31").</summary>
    public void ReadPeriodFromBody(List<Para> paras)
    {
        if (Period is not null) return;
        foreach (var p in paras.Take(40))
        {
            if (!ValidityWord().IsMatch(p.Text.Text)) continue;
            var range = DateRange().Match(p.Text.Text);
            if (range.Success && TryDate(range, "1", out var from) && TryDate(range, "2", out var to) && to > from)
            {
                SetPeriod(new Period(from, to), p.Text.Slice(range.Index, range.Length));
                return;
            }

            var dates = SwedishDates.FindAll(p.Text.Text);
            if (dates.Count >= 2 && dates[1].Date > dates[0].Date)
            {
                SetPeriod(new Period(dates[0].Date, dates[1].Date),
                    p.Text.Slice(dates[0].Index, dates[1].Index + dates[1].Length - dates[0].Index));
                return;
            }
        }
    }

    private void SetPeriod(Period period, MappedText source)
    {
        Period = period;
        PeriodSpan = source.Span;
    }

    private static bool TryDate(Match m, string n, out DateOnly date)
    {
        date = default;
        var y = int.Parse(m.Groups["y" + n].Value, CultureInfo.InvariantCulture);
        var mo = int.Parse(m.Groups["m" + n].Value, CultureInfo.InvariantCulture);
        var d = int.Parse(m.Groups["d" + n].Value, CultureInfo.InvariantCulture);
        if (mo is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, mo)) return false;
        date = new DateOnly(y, mo, d);
        return true;
    }

    public static string Short(string s) => s.Length <= 60 ? s : s[..57] + "...";
}

using System.Globalization;
using System.Text.RegularExpressions;

namespace Samverkan.Documents.Import.Parsing;

/// <summary>
/// Splits a list written inline ("De sju målen är 1. Tillgängliggöra ..., 2. Främja ..., 7. Verka ...") into
/// its entries. Numbers must run 1, 2, 3 ... without gaps, which is what tells a list from stray numbers.
/// </summary>
internal static partial class NumberedLists
{
    [GeneratedRegex(@"(?<=^|[\s,;:])(?<n>\d{1,2})[.)]\s+(?=\p{Lu})", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Marker();

    [GeneratedRegex(@"\bmål(?:en|et)?\b|verksamhetsmål|\bmålsättning", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex GoalWord();

    public static List<MappedText>? Goals(MappedText text)
    {
        var markers = Marker().Matches(text.Text).Cast<Match>().ToList();
        var start = markers.FindIndex(m => m.Groups["n"].Value == "1");
        if (start < 0) return null;

        var run = new List<Match> { markers[start] };
        for (var i = start + 1; i < markers.Count; i++)
        {
            var n = int.Parse(markers[i].Groups["n"].Value, CultureInfo.InvariantCulture);
            if (n == run.Count + 1) run.Add(markers[i]);
        }

        if (run.Count < 3) return null;
        var leadIn = text.Text[..run[0].Index];
        if (!GoalWord().IsMatch(leadIn)) return null;

        var entries = new List<MappedText>();
        for (var i = 0; i < run.Count; i++)
        {
            var from = run[i].Index + run[i].Length;
            var to = i + 1 < run.Count ? run[i + 1].Index : EndOfLastEntry(text.Text, from);
            var entry = text.Slice(from, to - from).Trim().TrimEnd(',', ';', ' ');
            if (entry.Text.EndsWith(" och", StringComparison.Ordinal)) entry = entry.Slice(0, entry.Length - 4).TrimEnd(',');
            if (entry.Text.EndsWith(" samt", StringComparison.Ordinal)) entry = entry.Slice(0, entry.Length - 5).TrimEnd(',');
            entry = entry.TrimEnd('.');
            if (entry.Length > 0) entries.Add(entry);
        }

        return entries.Count >= 3 ? entries : null;
    }

    private static int EndOfLastEntry(string text, int from)
    {
        // The last entry runs to the end of its sentence, not into whatever the paragraph says next.
        for (var i = from; i < text.Length - 2; i++)
        {
            if (text[i] == '.' && text[i + 1] == ' ' && char.IsUpper(text[i + 2])) return i;
        }

        return text.Length;
    }
}

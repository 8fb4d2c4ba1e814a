using System.Globalization;
using System.Text.RegularExpressions;

namespace Samverkan.Documents.Import.Parsing;

internal readonly record struct DateMatch(DateOnly Date, int Index, int Length);

/// <summary>"2019-09-25", "25 september 2019", "den 9 oktober 2019", "9/10 2019".</summary>
internal static partial class SwedishDates
{
    [GeneratedRegex(@"(?<!\d)(?<y>(?:19|20)\d{2})-(?<m>\d{1,2})-(?<d>\d{1,2})(?!\d)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Iso();

    [GeneratedRegex(@"(?:\bden\s+)?(?<!\d)(?<d>\d{1,2})(?::[ae])?\s+(?<mon>januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|okt|nov|dec)\.?\s+(?<y>(?:19|20)\d{2})(?!\d)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Long();

    [GeneratedRegex(@"(?<![\d/.])(?<d>\d{1,2})[./](?<m>\d{1,2})(?:[./]| +)(?<y>(?:19|20)\d{2})(?!\d)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Numeric();

    private static readonly string[] Months =
        ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];

    public static List<DateMatch> FindAll(string text)
    {
        var found = new List<DateMatch>();
        foreach (Match m in Iso().Matches(text)) Add(m, Month: int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture));
        foreach (Match m in Long().Matches(text))
        {
            var mon = m.Groups["mon"].Value.ToLowerInvariant();
            Add(m, Array.FindIndex(Months, p => mon.StartsWith(p, StringComparison.Ordinal)) + 1);
        }

        foreach (Match m in Numeric().Matches(text)) Add(m, int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture));
        found.Sort((a, b) => a.Index.CompareTo(b.Index));
        return found;

        void Add(Match m, int Month)
        {
            var y = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
            var d = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
            if (Month is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, Month)) return;
            if (found.Any(f => f.Index < m.Index + m.Length && m.Index < f.Index + f.Length)) return;
            found.Add(new DateMatch(new DateOnly(y, Month, d), m.Index, m.Length));
        }
    }

    public static DateMatch? First(string text)
    {
        var all = FindAll(text);
        return all.Count > 0 ? all[0] : null;
    }
}

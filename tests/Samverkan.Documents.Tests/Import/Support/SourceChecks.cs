using System.Text.RegularExpressions;
using Samverkan.Agreements;
using Samverkan.Documents.Import;

namespace Samverkan.Documents.Tests.Import.Support;

internal static partial class SourceChecks
{
    /// <summary>
    /// Every span lies inside the source text, and a text field's span contains its value once whitespace,
    /// hyphens (joined words), separators (address parts joined with ", ") and footnote markers are set aside.
    /// </summary>
    public static void AssertSpansHold(ImportResult result, bool allowGaps = false)
    {
        foreach (var (key, span) in result.Sources)
        {
            Assert.True(span.Start >= 0 && span.Length >= 0 && span.End <= result.SourceText.Length,
                $"{key}: {span} ligger utanför texten ({result.SourceText.Length} tecken)");
            var value = TextValue(result, key);
            if (value is null) continue;
            var source = Squash(result.SourceText.Substring(span.Start, span.Length));
            var wanted = Squash(value);
            var holds = source.Contains(wanted, StringComparison.Ordinal) || (allowGaps && IsSubsequence(wanted, source));
            Assert.True(holds, $"{key}: \"{wanted}\" finns inte i källan \"{source}\" (skiljer vid {FirstDifference(wanted, source)})");
        }
    }

    /// <summary>Text read column by column (signatures side by side) has the other column's text in between.</summary>
    private static bool IsSubsequence(string wanted, string source)
    {
        var j = 0;
        foreach (var c in source)
        {
            if (j < wanted.Length && wanted[j] == c) j++;
        }

        return j == wanted.Length;
    }

    private static int FirstDifference(string a, string b)
    {
        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i]) i++;
        return i;
    }

    public static string Squash(string s) =>
        new(Regex.Replace(s, @"\[\d{1,3}\]", "").Where(c => !char.IsWhiteSpace(c) && c is not '-' and not '–' and not ',' and not '·' and not '|' && !"⁰¹²³⁴⁵⁶⁷⁸⁹".Contains(c)).ToArray());

    [GeneratedRegex(@"^(?<name>[a-zA-Z]+)(?:\[(?<index>\d+)\])?$")]
    private static partial Regex Segment();

    private static string? TextValue(ImportResult result, string key)
    {
        var a = result.Agreement;
        switch (key)
        {
            case "title": return a.Title;
            case "reference": return a.Reference;
            case "caseOfficer.name": return a.CaseOfficer?.Name;
            case "caseOfficer.title": return a.CaseOfficer?.Title;
            case "caseOfficer.phone": return a.CaseOfficer?.Phone;
            case "caseOfficer.email": return a.CaseOfficer?.Email;
            case "letterhead.postalAddress": return result.Letterhead?.PostalAddress;
            case "letterhead.visitingAddress": return result.Letterhead?.VisitingAddress;
            case "letterhead.phone": return result.Letterhead?.Phone;
            case "letterhead.email": return result.Letterhead?.Email;
            case "letterhead.website": return result.Letterhead?.Website;
            case "letterhead.organizationNumber": return result.Letterhead?.OrganizationNumber;
        }

        var parts = key.Split('.').Select(p => Segment().Match(p)).ToList();
        if (parts.Any(p => !p.Success)) return null;
        int Index(Match m) => int.Parse(m.Groups["index"].Value);

        if (parts[0].Groups["name"].Value == "municipalGoals") return result.MunicipalGoals[Index(parts[0])];
        if (parts[0].Groups["name"].Value == "signatures")
        {
            var s = a.Signatures[Index(parts[0])];
            return parts[1].Groups["name"].Value switch { "name" => s.Name, "role" => s.Role, "place" => s.Place, _ => null };
        }

        if (parts[0].Groups["name"].Value != "sections") return null;
        var section = a.Sections[Index(parts[0])];
        var i = 1;
        while (i < parts.Count && parts[i].Groups["name"].Value == "sections") section = section.Sections[Index(parts[i++])];
        if (i >= parts.Count) return null;
        if (parts[i].Groups["name"].Value == "heading") return section.Heading;
        if (parts[i].Groups["name"].Value != "items") return null;
        var item = section.Items[Index(parts[i++])];
        return parts[i].Groups["name"].Value switch
        {
            "text" => item.Text,
            "footnotes" => item.Footnotes[Index(parts[i])],
            "commitments" => item.Commitments[Index(parts[i])].Text,
            _ => null,
        };
    }

    public static IEnumerable<Section> AllSections(IEnumerable<Section> sections) =>
        sections.SelectMany(s => new[] { s }.Concat(AllSections(s.Sections)));

    public static IEnumerable<Item> AllItems(IEnumerable<Section> sections) =>
        AllSections(sections).SelectMany(s => s.Items);
}

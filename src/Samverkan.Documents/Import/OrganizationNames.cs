using System.Text;
using Samverkan.Agreements;

namespace Samverkan.Documents.Import;

/// <summary>
/// The name forms Swedish documents use, shared by every <see cref="IOrganizationDirectory"/> so that a
/// database-backed directory matches exactly like the in-memory one.
/// </summary>
public static class OrganizationNames
{
    /// <summary>Words that stand for "our region" / "our municipality" once the parties are named.</summary>
    public static string? GenericKind(string nameAsWritten)
    {
        var n = Normalize(nameAsWritten);
        return n switch
        {
            "regionen" or "region" or "landstinget" => PartyKinds.Region,
            "kommunen" or "kommun" => PartyKinds.Municipality,
            _ => null,
        };
    }

    /// <summary>Lower case, single spaces, no surrounding punctuation, no leading "för"/"stiftelsen" and the like.</summary>
    public static string Normalize(string name)
    {
        var sb = new StringBuilder(name.Length);
        var space = false;
        foreach (var ch in name.Normalize(NormalizationForm.FormC))
        {
            if (char.IsLetterOrDigit(ch) || ch is '-' or '&')
            {
                if (space && sb.Length > 0) sb.Append(' ');
                space = false;
                sb.Append(char.ToLowerInvariant(ch));
            }
            else
            {
                space = true;
            }
        }

        var s = sb.ToString().Trim('-', ' ');
        foreach (var prefix in LeadingWords)
        {
            if (s.StartsWith(prefix, StringComparison.Ordinal) && s.Length > prefix.Length)
            {
                s = s[prefix.Length..];
            }
        }

        foreach (var suffix in TrailingWords)
        {
            if (s.EndsWith(suffix, StringComparison.Ordinal) && s.Length > suffix.Length)
            {
                s = s[..^suffix.Length];
            }
        }

        return s;
    }

    // Legal forms and the "För X" of a signature block say nothing about which organization is meant.
    private static readonly string[] LeadingWords = ["för ", "stiftelsen ", "föreningen ", "ideella föreningen ", "aktiebolaget "];
    private static readonly string[] TrailingWords = [" ab", " ek för", " ekonomisk förening"];

    /// <summary>
    /// The keys a known party can be found under: its name, its name without genitive, and for a municipality
    /// the bare place ("Smedjebacken"), for a region "Region X" and "Landstinget X".
    /// </summary>
    public static IEnumerable<string> KeysFor(PartyRef party)
    {
        var n = Normalize(party.Name);
        yield return n;
        if (party.Kind == PartyKinds.Municipality)
        {
            var place = StripSuffix(n, " kommun") ?? StripSuffix(n, " stad") ?? StripPrefix(n, "kommunen ");
            if (place is not null)
            {
                yield return place;
                yield return place + " kommun";
                var bare = StripGenitive(place);
                if (bare is not null)
                {
                    yield return bare;
                    yield return bare + " kommun";
                }
            }
        }
        else if (party.Kind == PartyKinds.Region)
        {
            var county = StripPrefix(n, "region ") ?? StripPrefix(n, "landstinget ") ?? StripSuffix(n, " läns landsting");
            if (county is not null)
            {
                yield return "region " + county;
                yield return "landstinget " + county;
            }
        }
    }

    /// <summary>The forms a written name may be looked up under, most literal first.</summary>
    public static IEnumerable<string> QueryForms(string nameAsWritten)
    {
        var n = Normalize(nameAsWritten);
        if (n.Length == 0) yield break;
        yield return n;

        // "Smedjebackens kommuns", "Region Dalarnas", "Dalateaterns": a genitive of the whole name.
        var g = StripGenitive(n);
        if (g is not null) yield return g;
    }

    internal static string? StripGenitive(string s) =>
        s.Length > 3 && s.EndsWith('s') && !s.EndsWith("ss", StringComparison.Ordinal) ? s[..^1] : null;

    private static string? StripSuffix(string s, string suffix) =>
        s.EndsWith(suffix, StringComparison.Ordinal) && s.Length > suffix.Length ? s[..^suffix.Length] : null;

    private static string? StripPrefix(string s, string prefix) =>
        s.StartsWith(prefix, StringComparison.Ordinal) && s.Length > prefix.Length ? s[prefix.Length..] : null;
}

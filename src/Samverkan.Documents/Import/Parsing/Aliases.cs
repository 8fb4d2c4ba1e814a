using System.Text.RegularExpressions;

namespace Samverkan.Documents.Import.Parsing;

/// <summary>Short names a document introduces in parentheses, so that later sentences ("Museet ska ...") resolve.</summary>
internal static partial class Aliases
{
    [GeneratedRegex(@"(?<name>(?:[\p{L}\-]+ ){1,6})\((?<alias>[\p{L}\-]{3,30})\)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Definition();

    public static void Register(List<Para> paras, PartyResolver resolver)
    {
        foreach (var para in paras.Take(60))
        {
            foreach (Match m in Definition().Matches(para.Full.Text))
            {
                var words = m.Groups["name"].Value.Trim().Split(' ');
                for (var n = words.Length; n >= 1; n--)
                {
                    var party = resolver.Resolve(string.Join(" ", words[^n..]));
                    if (party is null) continue;
                    resolver.AddAlias(m.Groups["alias"].Value, party);
                    break;
                }
            }
        }
    }
}

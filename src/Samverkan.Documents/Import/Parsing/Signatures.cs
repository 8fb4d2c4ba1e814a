using System.Text.RegularExpressions;
using Samverkan.Agreements;

namespace Samverkan.Documents.Import.Parsing;

internal sealed class SignatureBlock
{
    public MappedText? Place { get; set; }
    public DateMatch? Date { get; set; }
    public SourceSpan DateSpan { get; set; }
    public MappedText? Name { get; set; }
    public List<MappedText> RoleParts { get; } = [];
    public PartyRef? Party { get; set; }
    public MappedText? PartySource { get; set; }
    public MappedText? Role { get; set; }

    public bool IsEmpty => Place is null && Date is null && Name is null && Party is null && RoleParts.Count == 0;
}

/// <summary>
/// The signature area at the end: "Smedjebacken 2019-10-29", "Ort och datum", the signed name, the printed
/// name again, the role and the organization it is signed for.
/// </summary>
internal static partial class Signatures
{
    private static readonly HashSet<string> Labels =
    [
        "ortochdatum", "ortdatum", "ort", "datum", "underskrift", "underskrifter", "namnteckning",
        "namnfortydligande", "signatur", "befattning", "titel", "forregionen", "forkommunen",
    ];

    private static readonly string[] RoleWords =
    [
        "ordförande", "direktör", "chef", "ansvarig", "nämnd", "styrelse", "förvaltning", "rektor", "strateg",
        "sekreterare", "avdelning", "ledamot", "kommunalråd", "regionråd", "vd", "verkställande", "generaldirektör",
        "intendent", "föreståndare", "samordnare", "ombud",
    ];

    [GeneratedRegex(@"^För\s+(?<org>\p{L}.{1,80})$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex ForOrganization();

    [GeneratedRegex(@"^[_.\-–\s]{3,}$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Rule();

    public static bool IsLabel(string text)
    {
        var folded = TextPatterns.Fold(text);
        return folded.Length > 0 && Labels.Contains(folded);
    }

    private static bool RoleLike(string text)
    {
        var lower = text.ToLowerInvariant();
        return RoleWords.Any(w => lower.Contains(w, StringComparison.Ordinal));
    }

    /// <summary>"Smedjebacken 2019-10-29", "Falun den 9 oktober 2019", or a date alone.</summary>
    private static bool PlaceDate(MappedText text, out MappedText? place, out DateMatch date)
    {
        place = null;
        date = default;
        if (text.Length > 60) return false;
        var dates = SwedishDates.FindAll(text.Text);
        if (dates.Count != 1) return false;
        var d = dates[0];
        if (text.Text[(d.Index + d.Length)..].Trim().Trim('.', ',').Length > 0) return false;
        var before = text.Slice(0, d.Index).Trim().TrimEnd(',');
        if (before.Length > 0)
        {
            var words = before.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length > 3 || !char.IsUpper(before.Text[0]) || before.Text.Any(char.IsDigit)) return false;
            if (IsLabel(before.Text) || before.Text.StartsWith("Datum", StringComparison.OrdinalIgnoreCase)) return false;
            place = before;
        }

        date = d;
        return true;
    }

    private static bool Anchor(Para p) =>
        IsLabel(p.Full.Text) || PlaceDate(p.Full, out _, out _) || ForOrganization().IsMatch(p.Full.Text);

    private static bool SignatureLike(Para p) =>
        !p.Bullet && p.Full.Length <= 120 && (!TextPatterns.EndsSentence(p.Full.Text) || p.Full.Text.EndsWith("..", StringComparison.Ordinal));

    /// <summary>Index of the first paragraph of the signature area, or -1.</summary>
    public static int FindStart(List<Para> paras, PartyResolver resolver)
    {
        var start = paras.Count;
        while (start > 0 && SignatureLike(paras[start - 1])) start--;
        var anchor = -1;
        for (var i = start; i < paras.Count; i++)
        {
            if (Anchor(paras[i]))
            {
                anchor = i;
                break;
            }
        }

        if (anchor < 0) return -1;

        // Some layouts put the name and role before "Ort och datum"; take those along, but only when a role
        // or an organization shows it is a signature and not, say, the last cells of a table.
        var first = anchor;
        var signed = false;
        while (first > start && anchor - first < 3)
        {
            var t = paras[first - 1].Full.Text;
            var role = RoleLike(t) || resolver.Resolve(t) is not null;
            if (!(role || TextPatterns.LooksLikeName(t))) break;
            signed |= role;
            first--;
        }

        return signed ? first : anchor;
    }

    public static List<SignatureBlock> Parse(List<Para> zone, PartyResolver resolver, List<string> warnings)
    {
        var entries = Entries(zone);
        var blocks = new List<SignatureBlock>();
        var current = new SignatureBlock();

        void Push()
        {
            if (!current.IsEmpty) blocks.Add(current);
            current = new SignatureBlock();
        }

        foreach (var entry in entries)
        {
            var text = entry.Text;
            if (text.Length == 0 || IsLabel(text) || Rule().IsMatch(text)) continue;

            if (PlaceDate(entry, out var place, out var date))
            {
                // Either the first line of a signature (the customer's layout) or the last (after name and
                // role); it only starts a new one when the current signature already has its place and date.
                if (current.Date is not null || current.Place is not null) Push();
                current.Place = place;
                current.Date = date;
                current.DateSpan = entry.Slice(date.Index, date.Length).Span;
                continue;
            }

            var forOrg = ForOrganization().Match(text);
            if (forOrg.Success)
            {
                if (current.Party is not null || current.Name is not null) Push();
                var org = entry.Slice(forOrg.Groups["org"].Index).Trim().TrimEnd(':', ',');
                current.Party = resolver.Resolve(org.Text);
                current.PartySource = org;
                if (current.Party is null) warnings.Add($"Kunde inte koppla \"{org.Text}\" i underskrifterna till en känd organisation.");
                continue;
            }

            var wholeParty = resolver.Resolve(text);
            if (wholeParty is not null)
            {
                if (current.Party is null)
                {
                    current.Party = wholeParty;
                    current.PartySource = entry;
                }
                else
                {
                    current.RoleParts.Add(entry);
                }

                continue;
            }

            if (current.Name is null && TextPatterns.LooksLikeName(text) && !RoleLike(text))
            {
                current.Name = entry;
                continue;
            }

            if (current.Name is not null && SameName(current.Name.Text, text)) continue;

            if (current.Name is not null && current.RoleParts.Count > 0 && TextPatterns.LooksLikeName(text) && !RoleLike(text))
            {
                Push();
                current.Name = entry;
                continue;
            }

            current.RoleParts.Add(entry);
        }

        Push();
        foreach (var block in blocks) Finish(block, resolver);
        return blocks;
    }

    private static bool SameName(string a, string b) =>
        string.Equals(TextPatterns.Fold(a), TextPatterns.Fold(b), StringComparison.Ordinal);

    /// <summary>The role may end with the organization ("Ordförande kulturnämnden, Smedjebackens kommun").</summary>
    private static void Finish(SignatureBlock block, PartyResolver resolver)
    {
        if (block.RoleParts.Count == 0) return;
        var builder = new MappedTextBuilder();

        // Read column by column, parts can arrive out of order; the role is read in the order it was written.
        foreach (var part in block.RoleParts.OrderBy(p => p.Span.Start))
        {
            if (builder.Length > 0)
            {
                var joinsWord = builder.Last == '-' && TextPatterns.StartsLower(part.Text)
                                && !part.Text.StartsWith("och ", StringComparison.Ordinal) && !part.Text.StartsWith("eller ", StringComparison.Ordinal);
                if (joinsWord) builder.RemoveLast();
                else builder.Append(' ', part.OffsetAt(0));
            }

            builder.Append(part);
        }

        var role = builder.Build().Trim(',', ' ');
        var comma = role.Text.LastIndexOf(',');
        if (comma > 0)
        {
            var tail = role.Slice(comma + 1).Trim();
            var party = resolver.Resolve(tail.Text);
            if (party is not null)
            {
                if (block.Party is null)
                {
                    block.Party = party;
                    block.PartySource = tail;
                }

                role = role.Slice(0, comma).Trim(',', ' ');
            }
        }
        else
        {
            var words = WordStarts(role.Text);
            foreach (var start in words.Skip(1).Take(6))
            {
                var tail = role.Slice(start).Trim();
                var party = resolver.Resolve(tail.Text);
                if (party is null) continue;
                if (block.Party is null)
                {
                    block.Party = party;
                    block.PartySource = tail;
                }

                role = role.Slice(0, start).Trim(',', ' ');
                break;
            }
        }

        block.Role = role.Length > 0 ? role : null;
    }

    private static List<int> WordStarts(string s)
    {
        var starts = new List<int>();
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] != ' ' && (i == 0 || s[i - 1] == ' ')) starts.Add(i);
        }

        return starts;
    }

    /// <summary>
    /// The signature area as a sequence of short texts. Two signatures side by side in plain text are
    /// separated by a run of spaces: read the left column first, then the right.
    /// </summary>
    private static List<MappedText> Entries(List<Para> zone)
    {
        var lines = zone.SelectMany(p => p.Lines).ToList();
        var cells = lines.Select(SplitColumns).ToList();
        if (!cells.Any(c => c.Count >= 2)) return zone.Select(p => p.Full).ToList();

        var entries = new List<MappedText>();
        var columns = cells.Max(c => c.Count);
        for (var c = 0; c < columns; c++)
        {
            entries.AddRange(cells.Where(row => row.Count > c).Select(row => row[c]));
        }

        return entries;
    }

    private static List<MappedText> SplitColumns(SourceLine line)
    {
        var mapped = line.Mapped();
        var cells = new List<MappedText>();
        var start = 0;
        var i = 0;
        while (i < line.Text.Length)
        {
            if (line.Text[i] == ' ')
            {
                var j = i;
                while (j < line.Text.Length && line.Text[j] == ' ') j++;
                if (j - i >= 3)
                {
                    cells.Add(mapped.Slice(start, i - start).Trim());
                    start = j;
                }

                i = j;
            }
            else
            {
                i++;
            }
        }

        cells.Add(mapped.Slice(start).Trim());
        return cells.Where(c => c.Length > 0).ToList();
    }
}
